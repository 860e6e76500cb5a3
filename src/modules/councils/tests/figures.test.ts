import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { addDays, todayIso } from '../../../lib/dates.js';
import { createTestApp, login, loginAs, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { communeMilestones } from '../../alliance/schema.js';
import { councilAgendaItems, councilBodies, councilDecisions, councilMeetings, councilMemberships, councilPersons, councilReports, councils, councilStateChanges } from '../schema.js';
import { recommendations } from '../../evaluation/schema.js';
import { users } from '../../auth/schema.js';
import { insertCouncilRecord } from '../insert-council-record.js';
import { adoptCouncilMilestones } from '../adopt-council-milestones.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'lpr_admin']);
});
afterAll(async () => { await t?.close(); });

const councilsOn = async (asOf: string) => {
  const res = await call(null, 'GET', `/api/public/figures?asOf=${asOf}`);
  expect(res.statusCode).toBe(200);
  return res.json().councils as number;
};
const mapOf = async (asOf = todayIso()) => (await call(null, 'GET', `/api/public/map?asOf=${asOf}`)).json().communes as { ags: string; council: boolean; stage: string | null }[];

describe('the councils figure, from the councils’ state history', () => {
  it('reproduces the press releases: 26 on 01.11.2021, 28 on 22.07.2022', async () => {
    expect(await councilsOn('2021-11-01')).toBe(26);
    expect(await councilsOn('2022-07-22')).toBe(28);
    const series = (await call(null, 'GET', '/api/public/figures/series?from=2021-01-01&to=2022-07-22')).json();
    expect(series.figures.find((f: { key: string }) => f.key === 'councils')).toMatchObject({ source: 'Präventionsräte mit dokumentiertem Stand (konstituiert oder reaktiviert)' });
  });

  it('is the councils module’s: every council milestone of the demo was taken over, none is left', async () => {
    const left = await t.database.db.select({ id: communeMilestones.id }).from(communeMilestones).where(inArray(communeMilestones.kind, ['council_constituted', 'council_reactivated']));
    expect(left).toHaveLength(0);
    const all = await t.database.db.select().from(councils).where(isNull(councils.deletedAt));
    expect(all.filter((c) => c.state !== 'geplant').length).toBeGreaterThanOrEqual(29);
    const chemnitz = all.find((c) => c.code === 'kpr-chemnitz')!;
    expect(chemnitz).toMatchObject({ ags: '14511000', name: 'Kommunaler Präventionsrat Chemnitz', foundingResolutionNumber: 'B-41/1998', foundingResolutionOn: '1998-02-04', state: 'aktiv' });
    expect(chemnitz.previousNames[0]!.name).toBe('Kriminalpräventiver Rat der Stadt Chemnitz');
    expect(all.filter((c) => c.communes.includes('14511000') || c.communes.includes('14521550'))).toHaveLength(2);
    const bodies = await t.database.db.select().from(councilBodies).where(eq(councilBodies.councilId, chemnitz.id));
    expect(bodies.filter((b) => b.kind !== 'plenum')).toHaveLength(8);
    expect(bodies.find((b) => b.kind === 'lenkungsgruppe')!.shortName).toBe('PiT Chemnitz');
    // Every council has its plenary.
    const plenaries = await t.database.db.select({ councilId: councilBodies.councilId }).from(councilBodies).where(eq(councilBodies.kind, 'plenum'));
    expect(new Set(plenaries.map((p) => p.councilId))).toEqual(new Set(all.map((c) => c.id)));
  });

  it('counts Schwarzenberg from its constitution on 28.09.2022 and Dippoldiswalde’s Sicherheitskreis from October 2022', async () => {
    const before = await councilsOn('2022-09-27');
    expect(await councilsOn('2022-09-28')).toBe(before + 1);
    expect((await mapOf('2022-09-27')).find((c) => c.ags === '14521550')!.council).toBe(false);
    expect((await mapOf('2022-09-28')).find((c) => c.ags === '14521550')!.council).toBe(true);
    expect((await mapOf('2022-10-11')).find((c) => c.ags === '14628060')!.council).toBe(false);
    expect((await mapOf('2022-10-12')).find((c) => c.ags === '14628060')!.council).toBe(true);
    const bilanz = (await call('lpr_staff', 'GET', '/api/alliance/communes/14521550/timeline')).json().entries as { date: string; module: string; kind: string }[];
    expect(bilanz.filter((e) => e.module === 'councils').map((e) => [e.date, e.kind])).toEqual([['2021-12-17', 'council_planned'], ['2022-09-28', 'council_constituted'], ['2023-04-19', 'council_active']]);
  });

  it('lets the demo council member sign in with a grant on kpr-schwarzenberg', async () => {
    const session = await login(t.app, 'kpr@schwarzenberg.demo');
    const me = (await t.app.inject({ url: '/api/auth/session', headers: session.headers })).json();
    expect(JSON.stringify(me)).toContain('kpr-schwarzenberg');
  });

  it('moves with a council founded through records, and drops it when dissolved; planned and deleted ones never count', async () => {
    const today = todayIso();
    const founded = addDays(today, -10);
    const dissolved = addDays(today, -3);
    const base = { before: await councilsOn(addDays(founded, -1)), on: await councilsOn(founded), later: await councilsOn(addDays(dissolved, -1)), now: await councilsOn(today) };
    const [commune, another] = (await mapOf()).filter((c) => !c.council && c.stage !== null);
    const db = t.database.db;
    const { council } = await db.transaction((tx) => insertCouncilRecord(tx, { code: 'kpr-test-figure', ags: commune!.ags, name: 'Präventionsrat (Test)', history: [{ state: 'geplant', effectiveOn: addDays(founded, -30) }, { state: 'konstituiert', effectiveOn: founded }] }));
    await db.transaction((tx) => insertCouncilRecord(tx, { code: 'kpr-test-planned', ags: another!.ags, name: 'Nur geplant (Test)', history: [{ state: 'geplant', effectiveOn: founded }] }));
    const { council: deleted } = await db.transaction((tx) => insertCouncilRecord(tx, { code: 'kpr-test-deleted', ags: commune!.ags, name: 'Gelöscht (Test)', history: [{ state: 'konstituiert', effectiveOn: founded }] }));
    await db.update(councils).set({ deletedAt: new Date() }).where(eq(councils.id, deleted.id));
    expect(await councilsOn(addDays(founded, -1))).toBe(base.before);
    expect(await councilsOn(founded)).toBe(base.on + 1);
    expect(await councilsOn(today)).toBe(base.now + 1);
    expect((await mapOf()).find((c) => c.ags === commune!.ags)).toMatchObject({ council: true });
    expect((await mapOf()).find((c) => c.ags === another!.ags)).toMatchObject({ council: false });

    await db.insert(councilStateChanges).values({ councilId: council.id, state: 'aufgeloest', effectiveOn: dissolved, note: 'Test' });
    await db.update(councils).set({ state: 'aufgeloest' }).where(eq(councils.id, council.id));
    expect(await councilsOn(addDays(dissolved, -1))).toBe(base.later + 1);
    expect(await councilsOn(dissolved)).toBe(base.now);
    expect(await councilsOn(today)).toBe(base.now);
    expect(await councilsOn(founded)).toBe(base.on + 1);
    // The map's council layer follows: off from the dissolution on, still on for the days before.
    expect((await mapOf()).find((c) => c.ags === commune!.ags)).toMatchObject({ council: false });
    expect((await mapOf(addDays(dissolved, -1))).find((c) => c.ags === commune!.ags)).toMatchObject({ council: true });
  });
});

describe('council milestones are councils now', () => {
  it('refuses to record a council as an alliance milestone, naming the field', async () => {
    const res = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: '14521550', occurredOn: '2024-03-01', kind: 'council_constituted' });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('kind');
  });

  it('takes a legacy milestone over once, as an audited council, and drops one whose commune has a council', async () => {
    const db = t.database.db;
    const covered = new Set((await db.select({ c: councils.communes }).from(councils)).flatMap((r) => r.c));
    const commune = (await mapOf()).find((c) => !covered.has(c.ags) && c.stage !== null)!;
    const [{ name }] = (await db.execute(sql`select name from communes where ags = ${commune.ags}`) as unknown as { rows: { name: string }[] }).rows as [{ name: string }];
    const figureBefore = await councilsOn('2024-06-03');
    await db.insert(communeMilestones).values([
      { ags: commune.ags, occurredOn: '2024-06-03', kind: 'council_reactivated', note: 'Alter Eintrag der Geschäftsstelle' },
      { ags: '14511000', occurredOn: '2020-01-15', kind: 'council_constituted', note: 'Doppelt erfasst' },
    ]);
    expect(await adoptCouncilMilestones(db)).toEqual({ adopted: 1, superseded: 1 });
    expect(await adoptCouncilMilestones(db)).toEqual({ adopted: 0, superseded: 0 });
    const left = await db.select().from(communeMilestones).where(and(inArray(communeMilestones.ags, [commune.ags, '14511000']), inArray(communeMilestones.kind, ['council_constituted', 'council_reactivated'])));
    expect(left).toHaveLength(0);
    const taken = await db.select().from(councils).where(sql`${commune.ags} = ANY(${councils.communes})`);
    expect(taken).toHaveLength(1);
    const base = name.split(',')[0]!.trim();
    expect(taken[0]).toMatchObject({ ags: commune.ags, communes: [commune.ags], name: `Kommunaler Präventionsrat ${base}`, state: 'reaktiviert' });
    expect(taken[0]!.code).toMatch(/^kpr-[a-z0-9-]+$/);
    expect(await db.select({ state: councilStateChanges.state, effectiveOn: councilStateChanges.effectiveOn, note: councilStateChanges.note }).from(councilStateChanges).where(eq(councilStateChanges.councilId, taken[0]!.id)))
      .toEqual([{ state: 'reaktiviert', effectiveOn: '2024-06-03', note: 'Alter Eintrag der Geschäftsstelle' }]);
    expect(await db.select({ kind: councilBodies.kind }).from(councilBodies).where(eq(councilBodies.councilId, taken[0]!.id))).toEqual([{ kind: 'plenum' }]);
    expect((await db.select().from(councils).where(sql`'14511000' = ANY(${councils.communes})`)).map((c) => c.code)).toEqual(['kpr-chemnitz']);
    expect(await councilsOn('2024-06-03')).toBe(figureBefore + 1);
    expect(await councilsOn('2024-06-02')).toBe(figureBefore);

    const log = await t.app.inject({ url: '/api/admin/audit?action=council.adopted_milestone', headers: (await loginAs(t.app, 'lpr_admin')).headers });
    const entries = log.json().items as { entityId: string; actorLabel: string }[];
    expect(entries.filter((e) => e.entityId === taken[0]!.id)).toHaveLength(1);
    expect(entries.find((e) => e.entityId === taken[0]!.id)!.actorLabel).toBe('councils-takeover');
  });
});

describe('the demo council of Schwarzenberg', () => {
  it('has meetings in every state, minutes approved at the next meeting, decisions in every tracking state owned by members, a published report and a draft', async () => {
    const db = t.database.db;
    const [council] = await db.select().from(councils).where(eq(councils.code, 'kpr-schwarzenberg'));
    expect(council).toMatchObject({ ags: '14521550', state: 'aktiv' });
    const history = await db.select().from(councilStateChanges).where(eq(councilStateChanges.councilId, council!.id));
    expect(history.map((h) => [h.state, h.effectiveOn]).sort()).toEqual([['aktiv', '2023-04-19'], ['geplant', '2021-12-17'], ['konstituiert', '2022-09-28']]);
    const meetings = (await db.select().from(councilMeetings).where(eq(councilMeetings.councilId, council!.id))).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(new Set(meetings.map((m) => m.state))).toEqual(new Set(['geplant', 'eingeladen', 'durchgefuehrt', 'abgesagt']));
    const plenary = meetings.filter((m) => m.title !== 'Treffen der AG Öffentlicher Raum');
    const upcoming = plenary.find((m) => m.state === 'eingeladen')!;
    expect(upcoming.startsAt.getTime()).toBeGreaterThan(Date.now());
    const upcomingItems = await db.select().from(councilAgendaItems).where(eq(councilAgendaItems.meetingId, upcoming.id));
    expect(new Set(upcomingItems.map((i) => i.isPublic))).toEqual(new Set([true, false]));
    const held = plenary.filter((m) => m.state === 'durchgefuehrt');
    expect(held.length).toBeGreaterThanOrEqual(3);
    for (const [i, m] of held.entries()) {
      const nextOne = plenary[plenary.indexOf(m) + 1]!;
      if (i < held.length - 1) expect(m).toMatchObject({ minutesState: 'genehmigt', minutesApprovedInMeetingId: nextOne.id });
      else expect(m).toMatchObject({ minutesState: 'entwurf', minutesApprovedInMeetingId: null });
    }
    const decisions = await db.select().from(councilDecisions).where(eq(councilDecisions.councilId, council!.id));
    expect(new Set(decisions.map((d) => d.trackState))).toEqual(new Set(['offen', 'in_arbeit', 'erledigt', 'nicht_umgesetzt', null]));
    const members = new Set((await db.select({ personId: councilMemberships.personId }).from(councilMemberships).where(eq(councilMemberships.councilId, council!.id))).map((m) => m.personId));
    for (const d of decisions.filter((x) => x.trackState)) {
      expect(members.has(d.ownerPersonId!), d.number).toBe(true);
      expect(d.dueOn, d.number).not.toBeNull();
    }
    const linked = decisions.filter((d) => d.recommendationId);
    expect(linked.length).toBeGreaterThanOrEqual(1);
    const recs = await db.select().from(recommendations).where(inArray(recommendations.id, linked.map((d) => d.recommendationId!)));
    expect(recs).toHaveLength(linked.length);
    const reports = await db.select().from(councilReports).where(eq(councilReports.councilId, council!.id)).orderBy(councilReports.year);
    const lastYear = Number(todayIso().slice(0, 4)) - 1;
    expect(reports.map((r) => [r.year, r.state])).toEqual([[lastYear - 1, 'veroeffentlicht'], [lastYear, 'entwurf']]);
    expect(reports[0]!.pdfKey && reports[0]!.docxKey).toBeTruthy();
    expect(reports[1]!.content.sections.length).toBeGreaterThan(0);
  });

  it('links the coordinator and the council member to their persons, each owning open work', async () => {
    const db = t.database.db;
    for (const email of ['koordination@schwarzenberg.demo', 'kpr@schwarzenberg.demo']) {
      const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
      const persons = await db.select().from(councilPersons).where(eq(councilPersons.userId, user!.id));
      expect(persons, email).toHaveLength(1);
      const open = await db.select().from(councilDecisions).where(and(eq(councilDecisions.ownerPersonId, persons[0]!.id), inArray(councilDecisions.trackState, ['offen', 'in_arbeit'])));
      expect(open.length, email).toBeGreaterThan(0);
    }
  });
});
