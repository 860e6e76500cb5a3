import { describe, expect, it } from 'vitest';
import { VersionReader, versionTag, type Versions } from './data-versions.js';

/** A load whose answers the test releases one by one; `started` counts the reads that began. */
function controlledLoad() {
  const pending: ((v: Versions) => void)[] = [];
  let value = 0;
  const load = () => new Promise<Versions>((resolve) => { pending.push(resolve); });
  return {
    load, get started() { return pending.length; },
    finish(i: number) { value++; pending[i]!(new Map([['t', value]])); },
  };
}

describe('VersionReader', () => {
  it('gives a caller a read that began after it asked, one read for everyone who waited', async () => {
    const db = controlledLoad();
    const reader = new VersionReader(db.load);
    const first = reader.read();
    const [second, third] = [reader.read(), reader.read()];
    expect(db.started).toBe(1);
    db.finish(0);
    expect((await first).get('t')).toBe(1);
    await Promise.resolve(); await Promise.resolve();
    expect(db.started).toBe(2);
    db.finish(1);
    expect((await second).get('t')).toBe(2);
    expect(await third).toBe(await second);
  });

  it('on the embedded database reads again only after something else ran', async () => {
    const db = controlledLoad();
    let epoch = 0;
    const reader = new VersionReader(db.load, () => epoch);
    const a = reader.read();
    const b = reader.read();
    expect(b).toBe(a);
    db.finish(0);
    await a;
    expect(reader.read()).toBe(a);
    expect(db.started).toBe(1);
    epoch++;
    const c = reader.read();
    expect(db.started).toBe(2);
    db.finish(1);
    expect((await c).get('t')).toBe(2);
  });

  it('retries after a failed read', async () => {
    let calls = 0;
    const reader = new VersionReader(async () => { calls++; if (calls === 1) throw new Error('connection lost'); return new Map([['t', 7]]); }, () => 0);
    await expect(reader.read()).rejects.toThrow('connection lost');
    await new Promise((r) => setTimeout(r, 0));
    expect((await reader.read()).get('t')).toBe(7);
  });
});

describe('versionTag', () => {
  it('names the versions of the given tables only, 0 for one never written', () => {
    const versions = new Map([['a', 3], ['b', 9]]);
    expect(versionTag(versions, ['a', 'c'])).toBe('3.0');
  });
});
