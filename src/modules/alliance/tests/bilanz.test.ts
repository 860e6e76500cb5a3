import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, formatDateDe, todayIso } from '../../../lib/dates.js';
import { configureCommuneEvents, figureContext, type CommuneEvent } from '../../../server/figures.js';
import { platformModules } from '../../../platform/modules.js';
import { createTestApp, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { insertCouncilRecord } from '../../councils/insert-council-record.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police']);
});
afterAll(async () => { await t?.close(); });

const moduleSources = () => platformModules.flatMap((m) => (m.communeEvents ? [m.communeEvents] : []));
/**
 * Replaces the event sources. A module's own write bumps the version of its table (publicSources), which
 * invalidates cached public answers; an injected source has no table, so the versions are bumped by hand.
 */
async function injectEvents(sources: Parameters<typeof configureCommuneEvents>[0]) {
  configureCommuneEvents(sources);
  await t.database.db.execute(sql`update data_versions set version = version + 1`);
}

describe('the Bilanz and the stage are checked before anything is loaded', () => {
  it('refuses another commune’s stage with the policy’s reason, and names an unknown or malformed AGS', async () => {
    const foreign = await call('commune', 'GET', '/api/alliance/communes/14628060/stage');
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().detail).toBe('Sie haben keinen Zugriff auf die internen Daten dieser Kommune.');
    expect((await call('commune', 'GET', '/api/alliance/communes/14521550/stage')).json()).toMatchObject({ name: 'Schwarzenberg/Erzgeb., Stadt', can: { readInternal: true, manage: false } });
    expect((await call('lpr_staff', 'GET', '/api/alliance/communes/14521550/stage')).json().can).toEqual({ readInternal: true, manage: true });
    for (const url of ['/api/alliance/communes/99999999/stage', '/api/alliance/communes/99999999/timeline']) expect((await call('lpr_staff', 'GET', url)).statusCode, url).toBe(404);
    const malformed = await call('lpr_staff', 'GET', '/api/alliance/communes/1452/timeline');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().detail).toContain('8 Ziffern');
  });

  it('heads the Bilanz with the commune’s name and today’s stage', async () => {
    const bilanz = (await call('police', 'GET', '/api/alliance/communes/14521550/timeline')).json();
    const stage = (await call('police', 'GET', '/api/alliance/communes/14521550/stage')).json();
    expect(bilanz).toMatchObject({ commune: { ags: '14521550', name: 'Schwarzenberg/Erzgeb., Stadt' }, stage: stage.stage, stageLabel: stage.stageLabel });
  });

  it('deletes a milestone by its id once, then knows it no more', async () => {
    const created = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: '14521550', occurredOn: '2024-03-01', kind: 'contacted', note: 'Irrtum' });
    expect(created.statusCode).toBe(201);
    expect((await call('commune', 'DELETE', `/api/alliance/milestones/${created.json().id}`)).statusCode).toBe(403);
    expect((await call('lpr_staff', 'DELETE', `/api/alliance/milestones/${created.json().id}`)).statusCode).toBe(204);
    const again = await call('lpr_staff', 'DELETE', `/api/alliance/milestones/${created.json().id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toBe('Diesen Eintrag gibt es nicht.');
  });
});

describe('exports served by the core', () => {
  it('lists only what the viewer may download', async () => {
    expect((await call('lpr_staff', 'GET', '/api/exports')).json().items).toContainEqual({
      key: 'alliance.communeStages', label: 'Gemeindeliste mit Beteiligungsstufen', formats: ['csv', 'xlsx'], href: '/api/exports/alliance.communeStages',
    });
    expect((await call('police', 'GET', '/api/exports')).json().items.map((i: { key: string }) => i.key)).not.toContain('alliance.communeStages');
    expect((await call(null, 'GET', '/api/exports')).statusCode).toBe(401);
  });

  it('serves the commune list at its core address exactly as at the alliance’s, and refuses others', async () => {
    const core = await call('lpr_staff', 'GET', '/api/exports/alliance.communeStages?format=csv&asOf=2022-07-22');
    const alliance = await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=csv&asOf=2022-07-22');
    expect(core.statusCode).toBe(200);
    expect(core.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(core.headers['content-disposition']).toContain('ASSKomm-Kommunen-2022-07-22.csv');
    expect(core.body).toBe(alliance.body);
    expect((await call('police', 'GET', '/api/exports/alliance.communeStages?format=csv')).statusCode).toBe(403);
    expect((await call('lpr_staff', 'GET', '/api/exports/gibt-es-nicht?format=csv')).statusCode).toBe(404);
    expect((await call('lpr_staff', 'GET', '/api/exports/alliance.communeStages?format=pdf')).statusCode).toBe(400);
  });
});

describe('commune events between modules', () => {
  it('offers the LPR’s analysis and funding milestones to other modules, not contacts or corrections; councils come from the councils module', async () => {
    const events = await figureContext(t.database.db).communeEvents();
    const own = events.filter((e) => e.module === 'alliance');
    expect(new Set(own.map((e) => e.kind))).toEqual(new Set(['safety_analysis_completed', 'funding_committed']));
    const councilEvents = events.filter((e) => e.module === 'councils');
    expect(councilEvents.map((e) => e.kind)).toContain('council_constituted');
    expect(councilEvents.every((e) => e.kind === 'council_constituted' || e.kind === 'council_reactivated')).toBe(true);
    expect(councilEvents.find((e) => e.ags === '14521550')).toMatchObject({ kind: 'council_constituted', occurredOn: '2022-09-28' });
  });

  it('counts another module’s event in stages, map layers, figures and the commune list, and never its own twice', async () => {
    const map = (await call(null, 'GET', '/api/public/map')).json();
    const commune = map.communes.find((p: { stage: string; council: boolean }) => p.stage === 'cooperation' && !p.council);
    expect(commune).toBeDefined();
    const councils = async (asOf = '') => (await call(null, 'GET', `/api/public/figures${asOf ? `?asOf=${asOf}` : ''}`)).json().councils as number;
    const mapEntry = async () => (await call(null, 'GET', '/api/public/map')).json().communes.find((c: { ags: string }) => c.ags === commune.ags);
    const councilsBefore = await councils();
    const today = todayIso();
    const councilsTheDayBefore = await councils(addDays(today, -1));
    const councilEvent: CommuneEvent = { ags: commune.ags, kind: 'council_constituted', occurredOn: today, note: 'Sitzung', module: 'councils' };
    try {
      // An event the alliance itself contributes is already one of its milestones: counting it again changes nothing.
      await injectEvents([...moduleSources(), async () => [{ ...councilEvent, module: 'alliance' }]]);
      expect(await mapEntry()).toMatchObject({ stage: 'cooperation', council: false });
      expect(await councils()).toBe(councilsBefore);
      // Another module's event moves stage and map; the councils figure counts council records, not events.
      await injectEvents([...moduleSources(), async () => [councilEvent]]);
      expect(await mapEntry()).toMatchObject({ stage: 'active', council: true });
      expect(await councils()).toBe(councilsBefore);
    } finally {
      await injectEvents(moduleSources());
    }
    expect(await mapEntry()).toMatchObject({ stage: 'cooperation', council: false });
    // A council constituted today, recorded by the councils module: its commune event and its figure.
    await t.database.db.transaction((tx) => insertCouncilRecord(tx, { code: 'kpr-bilanz-test', ags: commune.ags, name: 'Präventionsrat (Test)', history: [{ state: 'konstituiert', effectiveOn: today, note: 'Sitzung' }] }));
    expect(await mapEntry()).toMatchObject({ stage: 'active', council: true });
    expect(await councils(addDays(today, -1))).toBe(councilsTheDayBefore);
    expect(await councils()).toBe(councilsBefore + 1);
    const stage = (await call('lpr_staff', 'GET', `/api/alliance/communes/${commune.ags}/stage`)).json();
    expect(stage.history.at(-1)).toMatchObject({ date: today, stage: 'active' });
    const csv = (await call('lpr_staff', 'GET', '/api/alliance/communes/export?format=csv')).body;
    expect(csv.split('\n').find((l) => l.startsWith(commune.ags))).toContain(`;aktiv;${formatDateDe(today)};`);
  });
});
