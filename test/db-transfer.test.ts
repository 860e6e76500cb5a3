import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { createServerDatabase } from './server-database.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database, type Db } from '../src/server/db/client.js';
import { loadConfig } from '../src/server/config.js';
import { seedDatabase } from '../src/platform/seed.js';
import { localFileStorage, type FileStorage } from '../src/server/files/storage.js';
import { exportDatabase, importDatabase, TransferError } from '../src/server/db/transfer.js';
import { createTestDatabase, onRealPostgres } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'asskomm-transfer-'));
const exportFile = join(root, 'export.ndjson.gz');

async function rows<T>(db: Db, query: string): Promise<T[]> {
  return ((await db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

/** Per table of the public schema: row count and md5 of all rows' text, ordered by that text (byte order). */
async function fingerprint(db: Db): Promise<Record<string, { rows: number; md5: string }>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local timezone = 'UTC'"));
    const tables = await rows<{ t: string }>(tx as unknown as Db, `select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { t } of tables) {
      const [r] = await rows<{ n: number; md5: string }>(tx as unknown as Db,
        `select count(*)::int as n, md5(coalesce(string_agg(x::text, E'\\n' order by x::text collate "C"), '')) as md5 from public."${t}" x`);
      out[t] = { rows: r!.n, md5: r!.md5 };
    }
    return out;
  });
}

async function auditLog(db: Db): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local timezone = 'UTC'"));
    return (await rows<{ r: string }>(tx as unknown as Db, 'select a::text as r from audit_log a order by id')).map((r) => r.r);
  });
}

async function storedFiles(files: FileStorage): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for await (const key of files.list!()) out.set(key, await files.get(key));
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

const totalRows = async (db: Db) => Object.values(await fingerprint(db)).reduce((sum, t) => sum + t.rows, 0);

/** Rewrites the export's lines (for damaged and mismatching files). */
function rewriteExport(to: string, edit: (lines: string[]) => string[]) {
  const lines = gunzipSync(readFileSync(exportFile)).toString('utf8').split('\n').filter((l) => l !== '');
  writeFileSync(to, gzipSync(`${edit(lines).join('\n')}\n`));
}

let source: Database;
let sourceFiles: FileStorage;
let expected: Awaited<ReturnType<typeof fingerprint>>;
let expectedAudit: string[];
let expectedFiles: Map<string, Buffer>;

beforeAll(async () => {
  // The demo database as `npm start` loads it (reference and demo data, with the files the demo stores),
  // on the embedded database, plus an uploaded binary document, waiting survey answers and a JSON null.
  const filesDir = join(root, 'source-files');
  source = await openDatabase({ dataDir: 'memory://' });
  await source.migrate();
  sourceFiles = localFileStorage(filesDir);
  await seedDatabase(source.db, loadConfig({ NODE_ENV: 'test', FILES_DIR: filesDir }), () => {}, undefined, sourceFiles);
  await sourceFiles.put('agreements/upload-test/scan-1.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(70_000)]), 'application/pdf');
  const [project] = await rows<{ id: string }>(source.db, 'select id from analysis_projects order by code limit 1');
  await source.db.execute(sql`insert into survey_pool (project_id, questionnaire_revision, mode, answers, stratum_key)
    values (${project!.id}, 1, 'online', '{"q1": "Ä\\u00df \\"quoted\\"\\nline", "n": 1.10}'::jsonb, 's1'), (${project!.id}, 1, 'paper', 'null'::jsonb, null)`);
  await source.db.execute(sql`insert into survey_used_codes (code_hash, project_id, receipt) values (${'a'.repeat(64)}, ${project!.id}, null)`);
  expected = await fingerprint(source.db);
  expectedAudit = await auditLog(source.db);
  expectedFiles = await storedFiles(sourceFiles);
  expect(expected.survey_responses!.rows).toBeGreaterThan(100);
  expect(expected.audit_log!.rows).toBeGreaterThan(10);
  expect(expectedFiles.size).toBeGreaterThanOrEqual(4);
  await exportDatabase(source.db, sourceFiles, exportFile, { appVersion: 'test' });
});

afterAll(async () => {
  await source?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('db:export and db:import into the embedded database', () => {
  let target: Database;
  let targetFiles: FileStorage;
  beforeAll(async () => {
    target = await openDatabase({ dataDir: 'memory://' });
    await target.migrate();
    targetFiles = localFileStorage(join(root, 'target-files'));
  });
  afterAll(async () => { await target?.close(); });

  it('refuses an export made with other migrations, naming the difference', async () => {
    const other = join(root, 'other-migrations.gz');
    rewriteExport(other, (lines) => {
      const header = JSON.parse(lines[0]!);
      header.migrations = header.migrations.slice(0, -1);
      return [JSON.stringify(header), ...lines.slice(1)];
    });
    const last = JSON.parse(readFileSync(join(import.meta.dirname, '../drizzle/meta/_journal.json'), 'utf8')).entries.at(-1).tag;
    const attempt = importDatabase(target.db, targetFiles, other, {});
    await expect(attempt).rejects.toThrow(TransferError);
    await expect(importDatabase(target.db, targetFiles, other, {})).rejects.toThrow(`different migrations (only in the target database: ${last})`);
    expect(await totalRows(target.db)).toBe(0);
  });

  it('leaves database and file store empty when the file is truncated or ends early', async () => {
    const truncated = join(root, 'truncated.gz');
    const bytes = readFileSync(exportFile);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expect(importDatabase(target.db, targetFiles, truncated, {})).rejects.toThrow(/damaged or incomplete/);
    expect(await totalRows(target.db)).toBe(0);

    // A whole gzip stream without its last line: every table and file has been read, then the end is missing.
    const early = join(root, 'early.gz');
    rewriteExport(early, (lines) => lines.slice(0, -1));
    await expect(importDatabase(target.db, targetFiles, early, {})).rejects.toThrow(/ends early/);
    expect(await totalRows(target.db)).toBe(0);
    expect((await storedFiles(targetFiles)).size).toBe(0);

    // A row that does not fit its table fails the insert: nothing stays either.
    const broken = join(root, 'broken.gz');
    rewriteExport(broken, (lines) => {
      const i = lines.findIndex((l) => l.startsWith('{"table":"public.audit_log"'));
      lines[i + 2] = lines[i + 2]!.replace(/"at":"[^"]*"/, '"at":"not a time"');
      return lines;
    });
    await expect(importDatabase(target.db, targetFiles, broken, {})).rejects.toThrow(/not a time/);
    expect(await totalRows(target.db)).toBe(0);
    expect((await storedFiles(targetFiles)).size).toBe(0);
  });

  it('carries every table, the audit log and every file exactly', async () => {
    const summary = await importDatabase(target.db, targetFiles, exportFile, {});
    expect(summary.rows).toBe(Object.values(expected).reduce((sum, t) => sum + t.rows, 0));
    expect(await fingerprint(target.db)).toEqual(expected);
    expect(await auditLog(target.db)).toEqual(expectedAudit);
    expect(await storedFiles(targetFiles)).toEqual(expectedFiles);
    // Sequences continue after the carried rows.
    const [seq] = await rows<{ same: boolean }>(target.db, `select (select last_value from audit_log_id_seq) = (select max(id) from audit_log) as same`);
    expect(seq!.same).toBe(true);
  });

  it('adds no order or transaction that links answers to codes or times (docs/anonymity.md)', async () => {
    // The export lists responses in the order of their random ids, and rows without a key in the order of their text.
    const lines = gunzipSync(readFileSync(exportFile)).toString('utf8').split('\n');
    const section = (table: string) => {
      const i = lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));
      return lines.slice(i + 1, i + 1 + JSON.parse(lines[i]!).rows);
    };
    const ids = section('public.survey_responses').map((l) => JSON.parse(l).id as string);
    expect(ids.length).toBe(expected.survey_responses!.rows);
    expect(ids).toEqual([...ids].sort());
    const pool = section('public.survey_pool');
    expect(pool).toHaveLength(2);
    expect(pool).toEqual([...pool].sort());
    // The import writes them all in one transaction: no xmin tells batches or arrival apart.
    const [r] = await rows<{ xmins: number }>(target.db, 'select count(distinct xmin::text)::int as xmins from survey_responses');
    expect(r!.xmins).toBe(1);
  });

  it('keeps the audit log append-only after the import', async () => {
    await expect(target.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });

  it('refuses a database that already holds rows', async () => {
    await expect(importDatabase(target.db, targetFiles, exportFile, {})).rejects.toThrow(/The target database is not empty \(rows in public\./);
    expect(await fingerprint(target.db)).toEqual(expected);
  });

  it('refuses a file store that holds another version of a file', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      await fresh.migrate();
      const files = localFileStorage(join(root, 'conflicting-files'));
      const [key] = expectedFiles.keys();
      await files.put(key!, Buffer.from('something else'), 'application/octet-stream');
      await expect(importDatabase(fresh.db, files, exportFile, {})).rejects.toThrow(`already holds ${key} with other content`);
      expect(await totalRows(fresh.db)).toBe(0);
      expect([...(await storedFiles(files)).keys()]).toEqual([key]);
    } finally {
      await fresh.close();
    }
  });
});

describe('backup and restore of the embedded database', () => {
  it('restores an export into a new data directory, and a copy of the stopped directory opens as the same database', async () => {
    const dataDir = join(root, 'restored-db');
    const files = localFileStorage(join(root, 'restored-files'));
    const restored = await openDatabase({ dataDir });
    await restored.migrate();
    await importDatabase(restored.db, files, exportFile, {});
    await restored.close();

    const copy = join(root, 'copied-db');
    cpSync(dataDir, copy, { recursive: true });
    for (const dir of [dataDir, copy]) {
      const db = await openDatabase({ dataDir: dir });
      try {
        await db.migrate();
        expect(await fingerprint(db.db)).toEqual(expected);
        expect(await auditLog(db.db)).toEqual(expectedAudit);
      } finally {
        await db.close();
      }
    }
    expect(await storedFiles(files)).toEqual(expectedFiles);
  });
});

/** Runs `npm run cli -- …` as an operator would, with the given configuration. */
function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../src/platform/cli.ts'), ...args],
    { env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', LOG_LEVEL: 'silent', ...env }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the commands', () => {
  it('refuse to export an embedded database that a running platform holds, and say to stop it', async () => {
    const dataDir = join(root, 'running-db');
    const running = await openDatabase({ dataDir });
    try {
      const r = cli(['db:export', join(root, 'never.gz')], { DATA_DIR: dataDir, FILES_DIR: join(root, 'running-files') });
      expect(r.status).toBe(1);
      expect(r.out).toContain('is in use by another process');
      expect(r.out).toContain('db:export needs the embedded database to itself: stop the platform (npm start) first');
      expect(existsSync(join(root, 'never.gz'))).toBe(false);
    } finally {
      await running.close();
    }
  });
});

const pgBin = process.env.PG_BIN ?? (existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)).map((v) => `/usr/lib/postgresql/${v}/bin`).at(-1) : undefined);
const hasPgDump = !!pgBin && existsSync(join(pgBin, 'pg_dump')) && existsSync(join(pgBin, 'pg_restore'));

describe.skipIf(!onRealPostgres)('from the embedded database to PostgreSQL', () => {
  let target: Database & { url?: string };
  const targetFiles = () => localFileStorage(join(root, 'pg-files'));
  beforeAll(async () => { target = await createTestDatabase(); });
  afterAll(async () => { await target?.close(); });

  it('carries every table, the audit log and every file exactly', async () => {
    await importDatabase(target.db, targetFiles(), exportFile, {});
    expect(await fingerprint(target.db)).toEqual(expected);
    expect(await auditLog(target.db)).toEqual(expectedAudit);
    expect(await storedFiles(targetFiles())).toEqual(expectedFiles);
    await expect(target.db.execute(sql`delete from audit_log`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });

  it('exports from PostgreSQL and imports into a new embedded database (the way back, and a backup of the server)', async () => {
    const file = join(root, 'from-pg.gz');
    await exportDatabase(target.db, targetFiles(), file, { appVersion: 'test' });
    const back = await openDatabase({ dataDir: 'memory://' });
    try {
      await back.migrate();
      const files = localFileStorage(join(root, 'back-files'));
      await importDatabase(back.db, files, file, {});
      expect(await fingerprint(back.db)).toEqual(expected);
      expect(await storedFiles(files)).toEqual(expectedFiles);
    } finally {
      await back.close();
    }
  });

  it('moves in the two documented steps: db:export with DATA_DIR, db:import with DATABASE_URL into a new database', async () => {
    const dataDir = join(root, 'embedded-db');
    const embeddedFiles = join(root, 'embedded-files');
    const embedded = await openDatabase({ dataDir });
    await embedded.migrate();
    await importDatabase(embedded.db, localFileStorage(embeddedFiles), exportFile, {});
    await embedded.close();

    const file = join(root, 'move.gz');
    const exported = cli(['db:export', file], { DATA_DIR: dataDir, FILES_DIR: embeddedFiles });
    expect(exported.out).toMatch(/Exported \d+ tables/);
    expect(exported.status).toBe(0);

    const server = await createServerDatabase('asskomm_move');
    const url = new URL(server.url);
    try {
      const serverFiles = join(root, 'server-files');
      const imported = cli(['db:import', file], { DATABASE_URL: url.href, FILES_DIR: serverFiles });
      expect(imported.out).toMatch(/Imported \d+ tables/);
      expect(imported.status).toBe(0);
      const server = await openDatabase({ databaseUrl: url.href, poolSize: 2 });
      try {
        expect(await fingerprint(server.db)).toEqual(expected);
        expect(await auditLog(server.db)).toEqual(expectedAudit);
      } finally {
        await server.close();
      }
      expect(await storedFiles(localFileStorage(serverFiles))).toEqual(expectedFiles);
      // A second run finds the database filled and changes nothing.
      const again = cli(['db:import', file], { DATABASE_URL: url.href, FILES_DIR: serverFiles });
      expect(again.status).toBe(1);
      expect(again.out).toContain('The target database is not empty');
    } finally {
      await server.drop();
    }
  });

  it.skipIf(!hasPgDump)('is backed up with pg_dump -Fc and restored with pg_restore into a new database', async () => {
    const dump = join(root, 'backup.dump');
    execFileSync(join(pgBin!, 'pg_dump'), ['-Fc', '--no-owner', '-f', dump, '-d', target.url!]);
    const server = await createServerDatabase('asskomm_restore');
    const url = new URL(server.url);
    try {
      execFileSync(join(pgBin!, 'pg_restore'), ['--no-owner', '--exit-on-error', '-d', url.href, dump]);
      const restored = await openDatabase({ databaseUrl: url.href, poolSize: 2 });
      try {
        await restored.migrate(); // the migration list came with the dump: nothing to apply
        expect(await fingerprint(restored.db)).toEqual(expected);
        expect(await auditLog(restored.db)).toEqual(expectedAudit);
        await expect(restored.db.execute(sql`update audit_log set actor_label = 'x'`)).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
        const [seq] = await rows<{ same: boolean }>(restored.db, `select (select last_value from audit_log_id_seq) = (select max(id) from audit_log) as same`);
        expect(seq!.same).toBe(true);
      } finally {
        await restored.close();
      }
    } finally {
      await server.drop();
    }
  });
});
