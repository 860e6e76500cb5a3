import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildPlatformApp } from '../src/platform/app.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { seededRandom } from '../src/modules/surveys/sampling.js';
import { addDays, todayIso } from '../src/lib/dates.js';
import { readVersions } from '../src/server/cache/data-versions.js';
import { insertCouncilRecord } from '../src/modules/councils/insert-council-record.js';
import { freeCouncilCode } from '../src/modules/councils/council-code.js';
import type { App } from '../src/server/modules.js';
import { createTestApp, roleCaller, type TestApp } from './helpers.js';

/** Every public answer that is cached, with a fixed past date and today's. */
const URLS = [
  '/api/public/figures', '/api/public/figures?asOf=2022-07-22', '/api/public/figures/series?lang=de', '/api/public/figures/press-text',
  '/api/public/map', '/api/public/map?asOf=2022-07-22', '/api/public/map/timeline', '/api/public/agreements', '/api/public/agreements?ags=14628060',
  '/api/fields-of-action',
];

let t: TestApp;
/** A second app process on the same database, with its own cache. */
let other: App;
/** The live computation: the same app with the cache off. */
let live: App;
let call: Awaited<ReturnType<typeof roleCaller>>;

beforeAll(async () => {
  t = await createTestApp();
  const deps = { database: t.database, mailer: createMailer(t.config.mail), logger: false as const };
  other = await buildPlatformApp({ ...deps, config: t.config });
  live = await buildPlatformApp({ ...deps, config: { ...t.config, publicCache: false } });
  await Promise.all([other.ready(), live.ready()]);
  call = await roleCaller(t.app, ['lpr_staff', 'lpr_admin']);
}, 120_000);
afterAll(async () => {
  await other?.close();
  await live?.close();
  await t?.close();
});

const get = (app: App, url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

/** Both caching apps answer every URL byte for byte as the live computation does. */
async function expectLiveAnswers(step: string) {
  for (const url of URLS) {
    const [cached, second, fresh] = [await get(t.app, url), await get(other, url), await get(live, url)];
    expect(fresh.statusCode, `${step}: ${url}`).toBe(200);
    expect(cached.body, `${step}: ${url} (cached)`).toBe(fresh.body);
    expect(second.body, `${step}: ${url} (second process)`).toBe(fresh.body);
    expect(cached.headers.etag, `${step}: ${url}`).toBe(second.headers.etag);
  }
}

describe('cached public answers', () => {
  it('stay exactly what the live computation gives, in every app process, after random writes of every kind', async () => {
    await expectLiveAnswers('start');
    const random = seededRandom(20261201);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const communes = ((await get(live, '/api/public/map')).json().communes as { ags: string }[]).map((c) => c.ags);
    const days = Math.floor((Date.parse(todayIso()) - Date.parse('2019-01-01')) / 86_400_000);
    const someDay = () => addDays('2019-01-01', Math.floor(random() * days));
    const milestones: string[] = [];
    const writes: Record<string, () => Promise<void>> = {
      async consultation() {
        const res = await call('lpr_staff', 'POST', '/api/consultations', { heldOn: someDay(), communes: [pick(communes)] });
        expect(res.statusCode, res.body).toBe(201);
      },
      async milestone() {
        const kind = pick(['contacted', 'funding_committed', 'safety_analysis_completed'] as const);
        const res = await call('lpr_staff', 'POST', '/api/alliance/milestones', {
          ags: pick(communes), occurredOn: someDay(), kind, ...(kind === 'funding_committed' ? { amountEur: 1000 + Math.floor(random() * 50_000) } : {}),
        });
        expect(res.statusCode, res.body).toBe(201);
        milestones.push(res.json().id);
      },
      async deleteMilestone() {
        const id = milestones.splice(Math.floor(random() * milestones.length), 1)[0];
        if (!id) return writes.milestone!();
        expect((await call('lpr_staff', 'DELETE', `/api/alliance/milestones/${id}`)).statusCode).toBe(204);
      },
      async fieldOfAction() {
        const field = pick((await get(live, '/api/fields-of-action')).json().items as { id: string; label: string; sortOrder: number; active: boolean; version: number }[]);
        const res = await call('lpr_admin', 'PUT', `/api/fields-of-action/${field.id}`, { label: `${field.label.replace(/ \(\d+\)$/, '')} (${Math.floor(random() * 100)})`, sortOrder: field.sortOrder, active: field.active, version: field.version });
        expect(res.statusCode, res.body).toBe(200);
      },
      // A council constituted on some day (councils are recorded by the councils module, no longer as milestones).
      async council() {
        const ags = pick(communes);
        await t.database.db.transaction(async (tx) => insertCouncilRecord(tx, {
          code: await freeCouncilCode(tx, `Test ${ags}`), ags, name: `Präventionsrat ${ags}`, history: [{ state: 'konstituiert', effectiveOn: someDay() }],
        }));
      },
      // A write outside the API (a registry import, an operator's SQL) invalidates as well.
      async registryByHand() {
        const ags = pick(communes);
        await t.database.db.execute(sql`update communes set name = name || ' ' where ags = ${ags}`);
      },
    };
    for (let step = 0; step < 16; step++) {
      const kind = pick(Object.keys(writes));
      await writes[kind]!();
      await expectLiveAnswers(`write ${step} (${kind})`);
    }
  }, 600_000);

  it('answer 304 to the ETag a client has, until the data changes', async () => {
    const first = await get(t.app, '/api/public/figures');
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get(other, '/api/public/figures', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    const res = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: '14628060', occurredOn: todayIso(), kind: 'funding_committed', amountEur: 4321 });
    expect(res.statusCode).toBe(201);
    const changed = await get(other, '/api/public/figures', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().fundingCommitted).toBe(first.json().fundingCommitted + 4321);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('send the same JSON compressed as the client accepts', async () => {
    const plain = await get(t.app, '/api/public/map/timeline');
    const br = await get(t.app, '/api/public/map/timeline', { 'accept-encoding': 'gzip;q=0.5, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('serve the outlines once per registry version under an address that never changes its content', async () => {
    const map = (await get(t.app, '/api/public/map?asOf=2021-01-01')).json();
    const file = await get(t.app, map.geometry.communes, { 'accept-encoding': 'br' });
    expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(JSON.parse(brotliDecompressSync(file.rawPayload).toString()).features).toHaveLength(418);
    // A day's state changes the map answer, never the outlines' address.
    await call('lpr_staff', 'POST', '/api/consultations', { heldOn: '2020-05-05', communes: ['14521550'] });
    expect((await get(other, '/api/public/map?asOf=2021-01-01')).json().geometry).toEqual(map.geometry);
    // A registry change gives a new address; the previous one still loads for pages that have it.
    await t.database.db.execute(sql`update communes set name = 'Umbenannt' where ags = '14521550'`);
    const renamed = (await get(other, '/api/public/map?asOf=2021-01-01')).json().geometry;
    expect(renamed.communes).not.toBe(map.geometry.communes);
    expect(renamed.districts).toBe(map.geometry.districts);
    const features = (await get(other, renamed.communes)).json().features as { properties: { ags: string; name: string } }[];
    expect(features.find((f) => f.properties.ags === '14521550')!.properties.name).toBe('Umbenannt');
    expect((await get(other, map.geometry.communes)).statusCode).toBe(200);
  });
});

describe('data versions', () => {
  const versionOf = async (table: string) => (await readVersions(t.database.db)).get(table) ?? 0;

  it('count a committed change of a tracked table once, and nothing for a rollback or a change of no row', async () => {
    const before = { milestones: await versionOf('commune_milestones'), consultations: await versionOf('consultations') };
    await t.database.db.execute(sql`update commune_milestones set note = note where ags = 'no such commune'`);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update commune_milestones set note = note`);
      await tx.execute(sql`update commune_milestones set note = note`);
      await tx.execute(sql`update consultations set notes = notes`);
    });
    expect(await versionOf('commune_milestones')).toBe(before.milestones + 1);
    expect(await versionOf('consultations')).toBe(before.consultations + 1);
    await expect(t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update commune_milestones set note = note`);
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    expect(await versionOf('commune_milestones')).toBe(before.milestones + 1);
  });
});
