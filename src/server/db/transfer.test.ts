import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from './client.js';
import { localFileStorage } from '../files/storage.js';
import { exportDatabase, importDatabase } from './transfer.js';

const root = mkdtempSync(join(tmpdir(), 'transfer-unit-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Types whose text forms are easy to get wrong, identity and generated columns, a self-reference and a cycle. */
const SCHEMA = `
  create schema extra;
  create table extra.node (
    id int generated always as identity primary key,
    parent int references extra.node(id),
    twice int generated always as (id * 2) stored,
    label text not null,
    tags text[], grid int[][], raw bytea, amount numeric, ratio float8, doc jsonb, plain json,
    at timestamptz, day date, span interval, flag boolean, uid uuid
  );
  create table extra.a (id int primary key, b_id int);
  create table extra.b (id int primary key, a_id int references extra.a(id));
  alter table extra.a add foreign key (b_id) references extra.b(id);
  create table extra.loose (v text, n int);
  create sequence extra.counter start 5;
`;

const DATA = `
  insert into extra.node (parent, label) values (null, 'placeholder');
  insert into extra.node (parent, label, tags, grid, raw, amount, ratio, doc, plain, at, day, span, flag, uid) values
    (null, 'root', array['a', 'b,c', 'd"e', null], '{{1,2},{3,4}}', '\\x00ff10', 12345678901234567890.123456789, 'NaN', 'null', '{"k": [1, 2.50, "x"]}',
     '2026-03-29 01:59:59.999999+01', '2026-12-31', '1 year 2 mons 3 days 04:05:06.7', true, gen_random_uuid()),
    (2, 'child ümlaut\nnewline', '{}', null, '', -0.0000001, 'Infinity', '"just a string"', null, 'infinity', '-infinity', '-1 day', false, null),
    (3, 'grandchild', null, null, null, 0, -1.2345678901234567e-300, '{"nested": {"null": null}}', 'null', null, null, null, null, null);
  update extra.node set parent = 4 where id = 2; -- a child inserted before its parent's id
  delete from extra.node where id = 1;
  insert into extra.a values (1, null), (2, null);
  insert into extra.b values (10, 1), (20, 2);
  update extra.a set b_id = 20 where id = 1;
  insert into extra.loose values ('z', 1), ('a', 2), ('a', 2), (null, null);
  select nextval('extra.counter'); select nextval('extra.counter');
`;

async function all(db: Db, query: string) {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: Record<string, unknown>[] }).rows;
}

const snapshot = (db: Db) => db.transaction(async (tx) => {
  await tx.execute(sql.raw("set local timezone = 'UTC'"));
  const t = tx as unknown as Db;
  return {
    node: await all(t, 'select x::text as r from extra.node x order by id'),
    a: await all(t, 'select x::text as r from extra.a x order by id'),
    b: await all(t, 'select x::text as r from extra.b x order by id'),
    loose: await all(t, 'select x::text as r from extra.loose x order by 1'),
    jsonNulls: await all(t, "select id, doc is null as sql_null, doc = 'null'::jsonb as json_null from extra.node order by id"),
    counter: await all(t, 'select last_value::text, is_called from extra.counter'),
  };
});

async function roundTrip(target: Database) {
  const source = await openDatabase({ dataDir: 'memory://' });
  try {
    for (const db of [source, target]) await (db.db as unknown as { $client: { exec?(q: string): Promise<unknown>; query(q: string): Promise<unknown> } }).$client[db.kind === 'pglite' ? 'exec' : 'query']!(SCHEMA);
    await (source.db as unknown as { $client: { exec(q: string): Promise<unknown> } }).$client.exec(DATA);
    const files = localFileStorage(join(root, `src-${randomBytes(4).toString('hex')}`));
    await files.put('a/empty.bin', Buffer.alloc(0), 'application/octet-stream');
    await files.put('a/b/all-bytes.bin', Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'application/octet-stream');
    const file = join(root, `${randomBytes(4).toString('hex')}.gz`);
    await exportDatabase(source.db, files, file, { appVersion: 'unit' });
    const targetFiles = localFileStorage(join(root, `dst-${randomBytes(4).toString('hex')}`));
    await importDatabase(target.db, targetFiles, file, {});
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    expect((await targetFiles.get('a/b/all-bytes.bin')).equals(await files.get('a/b/all-bytes.bin'))).toBe(true);
    expect((await targetFiles.get('a/empty.bin')).length).toBe(0);
    // Identities continue after the carried rows; the cycle's and self-reference's keys are enforced again.
    await all(target.db, "insert into extra.node (label) values ('new')");
    expect(await all(target.db, "select id, twice from extra.node where label = 'new'")).toEqual([{ id: 5, twice: 10 }]);
    await expect(all(target.db, 'update extra.node set parent = 99 where id = 2')).rejects.toThrow();
    await expect(all(target.db, 'insert into extra.b values (30, 99)')).rejects.toThrow();
    await expect(all(target.db, 'insert into extra.a values (3, 99)')).rejects.toThrow();
    const deferrable = await all(target.db, "select count(*)::int as n from pg_constraint where contype = 'f' and condeferrable");
    expect(deferrable).toEqual([{ n: 0 }]);
  } finally {
    await source.close();
  }
}

describe('transfer of every column type', () => {
  it('round-trips types, identities, generated columns, self-references and cycles exactly on the embedded database', async () => {
    const target = await openDatabase({ dataDir: 'memory://' });
    try { await roundTrip(target); } finally { await target.close(); }
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)('does the same from the embedded database to PostgreSQL', async () => {
    const name = `transfer_unit_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const target = await openDatabase({ databaseUrl: url.href, poolSize: 2 });
    try { await roundTrip(target); } finally {
      await target.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
