import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.js';
import { checkReadiness, expectedMigrations } from '../src/server/db/readiness.js';
import { createTestApp, createTestDatabase, type TestApp } from './helpers.js';

describe('readiness probe', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('is ready when the database answers and has every migration of the journal', async () => {
    const res = await t.app.inject('/api/health/ready');
    expect(res.statusCode).toBe(200);
    const expected = expectedMigrations().length;
    expect(expected).toBeGreaterThan(10);
    expect(res.json()).toEqual({ status: 'ready', database: 'ok', migrations: { applied: expected, expected } });
    expect((await t.app.inject('/api/health')).json()).toEqual({ status: 'ok' });
  });

  it('answers 503 naming the missing migration when one is not applied (liveness stays 200)', async () => {
    const last = expectedMigrations().at(-1)!;
    await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last.when}`);
    const res = await t.app.inject('/api/health/ready');
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 503, code: 'migrations_missing', database: 'ok', migrations: { missing: [last.tag], expected: expectedMigrations().length } });
    expect(body.migrations.applied).toBe(expectedMigrations().length - 1);
    expect(body.detail).toContain(last.tag);
    expect((await t.app.inject('/api/health')).statusCode).toBe(200);
  });
});

describe('readiness check', () => {
  it('counts every migration as missing on a database that was never migrated', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      const r = await checkReadiness(database.db);
      expect(r).toEqual({ database: 'ok', migrations: { applied: 0, expected: expectedMigrations().length, missing: expectedMigrations().map((m) => m.tag) } });
    } finally {
      await database.close();
    }
  });

  it('reports a database that does not answer as unavailable', async () => {
    const database = await createTestDatabase();
    await database.close();
    expect((await checkReadiness(database.db)).database).toBe('unavailable');
  });
});
