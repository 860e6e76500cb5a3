import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/server/db/client.js';
import { DataDirLockedError } from '../src/server/db/lock.js';
import { loadConfig } from '../src/server/config.js';
import { seedDatabase } from '../src/platform/seed.js';
import { createTestApp, createTestDatabase, loginAs, onRealPostgres, type TestApp } from './helpers.js';

describe('embedded database directory', () => {
  it('creates parent directories and refuses a second process with a clear error', async () => {
    const root = mkdtempSync(join(tmpdir(), 'asskomm-db-'));
    const dir = join(root, 'nested/deeper/db');
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirLockedError);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another process/);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir }); // released on close
    await again.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes over a lock left behind by a process that no longer runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asskomm-db-'));
    const { hostname } = await import('node:os');
    writeFileSync(join(dir, 'asskomm.lock'), `${hostname()}:999999`);
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps data across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'asskomm-db-'));
    const a = await openDatabase({ dataDir: dir });
    await a.migrate();
    await seedDatabase(a.db, loadConfig({ NODE_ENV: 'test' }), () => {});
    await a.close();
    const b = await openDatabase({ dataDir: dir });
    await b.migrate();
    const rows = await b.db.execute(sql`select count(*)::int as n from communes`) as unknown as { rows: unknown[] };
    expect((rows.rows[0] as { n: number }).n).toBe(418);
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('demo data', () => {
  it('is refused in production', async () => {
    const database = await createTestDatabase();
    try {
      await expect(seedDatabase(database.db, loadConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }), () => {})).rejects.toThrow(/production/);
      await seedDatabase(database.db, loadConfig({ NODE_ENV: 'production' }), () => {});
      const users = await database.db.execute(sql`select count(*)::int as n from users`) as unknown as { rows: unknown[] };
      expect((users.rows[0] as { n: number }).n).toBe(0);
    } finally {
      await database.close();
    }
  });
});

describe('audit log', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('is append-only: updates and deletes are rejected by the database', async () => {
    const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(t.database.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toMatchObject(appendOnly);
    await expect(t.database.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(appendOnly);
    await expect(t.database.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(appendOnly);
  });

  it('filters by actor, action and date for the admin', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const today = new Date().toISOString().slice(0, 10);
    const res = await t.app.inject({ url: `/api/admin/audit?actor=demo-seed&action=user.created&from=${today}&to=${today}&limit=3`, headers: admin.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(7);
    expect(res.json().items).toHaveLength(3);
    expect(res.json().items[0].after.passwordHash).toBeUndefined();
  });
});

describe.runIf(onRealPostgres)('concurrent edits on PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t?.close(); });

  it('lets exactly one of many simultaneous writers of the same version win; the others get 409', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const g = (await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: { name: 'Wettlauf', kind: 'Sonstige', members: ['14521550'] } })).json();
    const writers = Array.from({ length: 12 }, (_, i) => t.app.inject({ method: 'PUT', url: `/api/commune-groups/${g.id}`, headers: s.headers,
      payload: { name: `Wettlauf ${i}`, kind: 'Sonstige', members: ['14521550', i % 2 ? '14521035' : '14521530'], version: g.version } }));
    const results = await Promise.all(writers);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(11);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    const stored = (await t.app.inject(`/api/commune-groups/${g.id}`)).json();
    expect(stored).toMatchObject({ name: winner.name, version: g.version + 1 });
    expect(stored.members.map((m: { ags: string }) => m.ags).sort()).toEqual(winner.members.map((m: { ags: string }) => m.ags).sort());
  });

  it('runs migrations safely when several app processes start at once', async () => {
    const url = (t.database as { url?: string }).url!;
    const dbs = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, poolSize: 2 })));
    await Promise.all(dbs.map((d) => d.migrate()));
    await Promise.all(dbs.map((d) => d.close()));
  });
});
