/**
 * npm run --silent survey:estimate -- --spec <spec.json>
 * Runs the statistics engine on a spec (data path relative to the spec file) and prints
 * {"estimates":[{"id","estimate","se"}, …]} as JSON.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseSpec, runSpec, specColumns } from '../src/stats/spec.js';
import { readCsv } from '../src/stats/table.js';

try {
  const { values } = parseArgs({ options: { spec: { type: 'string' } } });
  if (!values.spec) throw new Error('Usage: survey:estimate -- --spec <spec.json>');
  const specPath = resolve(values.spec);
  const spec = parseSpec(JSON.parse(readFileSync(specPath, 'utf8')));
  const table = readCsv(readFileSync(resolve(dirname(specPath), spec.data), 'utf8'), specColumns(spec));
  const { estimates } = runSpec(spec, table);
  process.stdout.write(`${JSON.stringify({ estimates })}\n`);
} catch (err) {
  process.stderr.write(`survey:estimate: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
