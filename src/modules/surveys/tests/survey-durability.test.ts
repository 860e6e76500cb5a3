import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { onRealPostgres } from '../../../../test/helpers.js';
import { prepareSurvey, startPlatform, storedCounts, submitLoad } from '../../../../bench/intake-support.js';

// Needs a real server and a real process to kill: runs in CI's PostgreSQL pass.
describe.runIf(onRealPostgres)('survey intake durability', () => {
  it('keeps every acknowledged submission when the platform process is killed with SIGKILL under load', async () => {
    const name = `asskomm_kill_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    try {
      const { codes } = await prepareSurvey(url.href, 6000);
      const platform = await startPlatform(url.href, 20000 + Math.floor(Math.random() * 20000));
      let kill: () => void = () => {};
      const killed = new Promise<void>((r) => { kill = r; });
      const load = submitLoad(platform.url, codes, { clients: 50, seconds: 30, until: killed });
      await new Promise((r) => setTimeout(r, 2500));
      platform.process.kill('SIGKILL');
      kill();
      const result = await load;
      expect(result.acknowledged.length).toBeGreaterThan(20);
      const stored = await storedCounts(url.href, result.acknowledged);
      expect(stored.acknowledgedStored).toBe(result.acknowledged.length);
      // A code is marked used exactly when its answers are taken (same transaction), and the answers are
      // either still in the mixing pool or stored as responses, never lost between the two.
      expect(stored.usedCodes).toBe(stored.pooled + stored.responses);
      expect(stored.receipts).toBe(stored.usedCodes);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
