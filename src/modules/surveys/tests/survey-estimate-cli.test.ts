import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const reference = resolve('test/fixtures/survey-reference');

async function estimate(specPath: string) {
  return run('npm', ['run', '--silent', 'survey:estimate', '--', '--spec', specPath], { cwd: resolve('.') });
}

describe('npm run survey:estimate', () => {
  it('prints R-identical estimates for the reference spec, data path relative to the spec', async () => {
    // Run from another directory's spec path to prove the data path is resolved against the spec file.
    const { stdout } = await estimate(join(reference, 'musterstadt-spec.json'));
    const ours = JSON.parse(stdout) as { estimates: { id: string; estimate: number; se: number }[] };
    const expected = JSON.parse(readFileSync(join(reference, 'musterstadt-expected.json'), 'utf8')) as { estimates: { id: string; estimate: number; se: number }[] };
    expect(Object.keys(ours)).toEqual(['estimates']);
    expect(ours.estimates.map((e) => e.id)).toEqual(expected.estimates.map((e) => e.id));
    for (const [k, e] of expected.estimates.entries()) {
      const o = ours.estimates[k]!;
      expect(Object.keys(o).sort()).toEqual(['estimate', 'id', 'se']);
      expect(Math.abs(o.estimate - e.estimate) / Math.abs(e.estimate), e.id).toBeLessThan(1e-9);
      expect(Math.abs(o.se - e.se) / Math.abs(e.se), e.id).toBeLessThan(1e-6);
    }
  }, 30_000);

  it('fails with a message naming the problem and exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-'));
    const spec = JSON.parse(readFileSync(join(reference, 'musterstadt-spec.json'), 'utf8')) as { data: string; estimates: { design: string }[] };
    spec.data = join(reference, spec.data);
    spec.estimates[0]!.design = 'weighted_somehow';
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const error = await estimate(join(dir, 'spec.json')).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(error?.code).toBe(1);
    expect(error?.stderr).toMatch(/estimates\[0\]\.design/);
  }, 30_000);
});
