import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, like } from 'drizzle-orm';
import { auditLog } from '../../../server/audit/schema.js';
import { createTestApp, login, multipart, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../auth/create-user.js';
import { systemContext } from '../../../server/audit/record.js';
import { communes } from '../../communes/schema.js';
import { councilDecisions } from '../schema.js';
import { sendDecisionReminders } from '../decision-reminders.js';

/**
 * A council's life through HTTP: founding, a working group and members, a meeting with public and non-public
 * items, invitations with iCal, attendance, minutes, a decision with a vote and an owner who carries it out, and
 * what the public sees.
 */
let t: TestApp;
let coordinator: Session;
let otherCoordinator: Session;
let member: Session;
let bystander: Session;
let councilId: string;
let councilCode: string;
const PASSWORD = 'Council-test-password-2026';
const day = (offset: number) => new Date(Date.now() + offset * 24 * 3600_000);
const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

const as = (s: Session | null) => (method: string, url: string, payload?: unknown) =>
  t.app.inject({ method: method as 'GET', url, headers: s ? s.headers : {}, ...(payload === undefined ? {} : { payload: payload as object }) });

beforeAll(async () => {
  t = await createTestApp();
  const [zwoenitz] = await t.database.db.select().from(communes).where(like(communes.name, 'Zwönitz%'));
  const [thum] = await t.database.db.select().from(communes).where(like(communes.name, 'Thum%'));
  await createUser(t.database.db, systemContext('test'), { email: 'koordination@zwoenitz.test', displayName: 'Zoe Koordination', password: PASSWORD, grants: [{ role: 'commune', scopeType: 'commune', scopeId: zwoenitz!.ags }] });
  await createUser(t.database.db, systemContext('test'), { email: 'koordination@thum.test', displayName: 'Theo Koordination', password: PASSWORD, grants: [{ role: 'commune', scopeType: 'commune', scopeId: thum!.ags }] });
  coordinator = await login(t.app, 'koordination@zwoenitz.test', PASSWORD);
  otherCoordinator = await login(t.app, 'koordination@thum.test', PASSWORD);
  const res = await as(coordinator)('POST', '/api/councils', {
    ags: zwoenitz!.ags, name: 'Kriminalpräventiver Rat Zwönitz', shortName: 'KPR Zwönitz', foundingResolutionOn: '2025-03-12', foundingResolutionNumber: 'SR-12/2025',
    themes: [{ key: 'sucht', label: 'Sucht' }], office: { place: 'Rathaus, Zimmer 12', contactName: 'Zoe Koordination', funded: true },
  });
  expect(res.statusCode, res.body).toBe(201);
  councilId = res.json().id;
  councilCode = res.json().code;
  await createUser(t.database.db, systemContext('test'), { email: 'revier@polizei.test', displayName: 'Rita Revier', password: PASSWORD, grants: [{ role: 'council_member', scopeType: 'council', scopeId: councilCode }] });
  await createUser(t.database.db, systemContext('test'), { email: 'schule@zwoenitz.test', displayName: 'Sven Schule', password: PASSWORD, grants: [{ role: 'council_member', scopeType: 'council', scopeId: councilCode }] });
  member = await login(t.app, 'revier@polizei.test', PASSWORD);
  bystander = await login(t.app, 'schule@zwoenitz.test', PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('founding and structure', () => {
  it('founds a council with its plenary, once per commune, readable by its coordinator and members only', async () => {
    const detail = (await as(coordinator)('GET', `/api/councils/${councilId}`)).json();
    expect(detail).toMatchObject({ code: 'kpr-zwonitz', state: 'geplant', can: { read: true, manage: true } });
    expect(detail.bodies).toEqual([expect.objectContaining({ kind: 'plenum', name: 'Kriminalpräventiver Rat Zwönitz' })]);
    const again = await as(coordinator)('POST', '/api/councils', { ags: detail.ags, name: 'Noch ein Rat' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('Kriminalpräventiver Rat Zwönitz');
    expect((await as(otherCoordinator)('GET', `/api/councils/${councilId}`)).statusCode).toBe(404);
    expect((await as(member)('GET', `/api/councils/${councilId}`)).json().can).toEqual({ read: true, manage: false, track: true });
    expect((await as(member)('PUT', `/api/councils/${councilId}`, { ...detail, version: detail.version })).statusCode).toBe(403);
    const foreign = await as(otherCoordinator)('POST', '/api/councils', { ags: detail.ags, name: 'Fremder Rat' });
    expect(foreign.statusCode).toBe(403);
  });

  it('keeps a dated state history along the allowed steps and a renamed council its earlier name', async () => {
    const before = (await as(coordinator)('GET', `/api/councils/${councilId}`)).json();
    const skip = await as(coordinator)('POST', `/api/councils/${councilId}/states`, { state: 'reaktiviert', effectiveOn: '2025-04-01', version: before.version });
    expect(skip.statusCode).toBe(400);
    expect(skip.json()).toMatchObject({ field: 'state' });
    const ok = await as(coordinator)('POST', `/api/councils/${councilId}/states`, { state: 'konstituiert', effectiveOn: '2025-04-01', note: 'Konstituierende Sitzung', version: before.version });
    expect(ok.statusCode, ok.body).toBe(200);
    const renamed = await as(coordinator)('PUT', `/api/councils/${councilId}`, { ...before, name: 'Kommunalpräventiver Rat Zwönitz', otherCommunes: [], version: ok.json().version });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().previousNames).toEqual([expect.objectContaining({ name: 'Kriminalpräventiver Rat Zwönitz' })]);
    expect(renamed.json().bodies[0].name).toBe('Kommunalpräventiver Rat Zwönitz');
    expect(renamed.json().stateHistory.map((h: { state: string }) => h.state)).toEqual(['geplant', 'konstituiert']);
    const stale = await as(coordinator)('PUT', `/api/councils/${councilId}`, { ...before, otherCommunes: [], version: before.version });
    expect(stale.statusCode).toBe(409);
  });
});

let plenum: string;
let group: string;
const persons: Record<string, { id: string; version: number }> = {};

describe('members', () => {
  it('adds a working group and persons with the organisation they represent; one chair at a time', async () => {
    const detail = (await as(coordinator)('GET', `/api/councils/${councilId}`)).json();
    plenum = detail.bodies[0].id;
    const wg = await as(coordinator)('POST', `/api/councils/${councilId}/bodies`, { kind: 'arbeitsgruppe', name: 'AG Sucht', theme: 'sucht' });
    expect(wg.statusCode, wg.body).toBe(201);
    group = wg.json().id;
    for (const [key, p] of Object.entries({
      mayor: { familyName: 'Bürgermeister', givenName: 'Bernd', position: 'Bürgermeister', organisation: 'Stadt Zwönitz', organisationType: 'stadtverwaltung', email: 'bm@zwoenitz.test', publicConsent: true },
      police: { familyName: 'Revier', givenName: 'Rita', organisation: 'Polizeirevier Aue', organisationType: 'polizei', email: 'revier@polizei.test', publicConsent: false },
      school: { familyName: 'Schule', givenName: 'Sven', organisation: 'Oberschule Zwönitz', organisationType: 'schule', email: 'schule@zwoenitz.test', publicConsent: true },
    })) {
      const res = await as(coordinator)('POST', `/api/councils/${councilId}/persons`, p);
      expect(res.statusCode, res.body).toBe(201);
      persons[key] = res.json();
    }
    expect((await as(coordinator)('POST', `/api/councils/${councilId}/persons`, { familyName: 'Doppelt', email: 'BM@zwoenitz.test' })).statusCode).toBe(409);
    const chair = await as(coordinator)('POST', `/api/councils/${councilId}/bodies/${plenum}/memberships`, { personId: persons.mayor!.id, role: 'vorsitz', startedOn: '2025-04-01' });
    expect(chair.statusCode, chair.body).toBe(201);
    const second = await as(coordinator)('POST', `/api/councils/${councilId}/bodies/${plenum}/memberships`, { personId: persons.school!.id, role: 'vorsitz', startedOn: '2025-06-01' });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ field: 'role' });
    expect(second.json().detail).toContain('Bernd Bürgermeister');
    for (const key of ['police', 'school']) {
      expect((await as(coordinator)('POST', `/api/councils/${councilId}/bodies/${plenum}/memberships`, { personId: persons[key]!.id, startedOn: '2025-04-01' })).statusCode).toBe(201);
    }
    const inGroup = await as(coordinator)('POST', `/api/councils/${councilId}/bodies/${group}/memberships`, { personId: persons.police!.id, role: 'stellv_vorsitz', startedOn: '2025-05-01' });
    expect(inGroup.json().memberships.map((m: { bodyName: string }) => m.bodyName).sort()).toEqual(['AG Sucht', 'Kommunalpräventiver Rat Zwönitz']);
    const body = (await as(member)('GET', `/api/councils/${councilId}/bodies/${plenum}`)).json();
    expect(body.memberships.map((m: { roleLabel: string }) => m.roleLabel)[0]).toBe('Vorsitz');
    const list = (await as(member)('GET', `/api/councils/${councilId}/persons?q=revier`)).json();
    expect(list.items.map((p: { email: string; hasAccount: boolean }) => [p.email, p.hasAccount])).toEqual([['revier@polizei.test', true]]);
  });
});

let upcoming: { id: string; version: number };
let past: { id: string; version: number; agenda: { id: string; isPublic: boolean; order: number }[] };
let later: { id: string; version: number };

describe('meetings and invitations', () => {
  it('refuses an end before the start and an agenda number used twice', async () => {
    const bad = await as(coordinator)('POST', `/api/councils/${councilId}/meetings`, { bodyId: plenum, startsAt: iso(day(10)), endsAt: iso(day(9)), location: { description: 'Rathaus' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'endsAt' });
    const res = await as(coordinator)('POST', `/api/councils/${councilId}/meetings`, { bodyId: plenum, title: 'Frühjahrssitzung', startsAt: iso(day(10)), endsAt: iso(new Date(day(10).getTime() + 2 * 3600_000)), location: { description: 'Rathaus Zwönitz', room: 'Ratssaal', streetAddress: 'Markt 3a', postalCode: '08297', locality: 'Zwönitz' } });
    expect(res.statusCode, res.body).toBe(201);
    upcoming = res.json();
    await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda`, { order: 1, title: 'Lagebild Sucht', isPublic: true });
    await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda`, { order: 2, title: 'Vertrauliche Fallbesprechung Jugendclub', isPublic: false });
    const clash = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda`, { order: 2, title: 'Doppelt' });
    expect(clash.statusCode).toBe(400);
    expect(clash.json()).toMatchObject({ field: 'order' });
    upcoming = (await as(coordinator)('GET', `/api/councils/${councilId}/meetings/${upcoming.id}`)).json();
    const ids = (upcoming as unknown as { agenda: { id: string }[] }).agenda.map((a) => a.id);
    const swapped = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda-order`, { itemIds: [...ids].reverse(), version: upcoming.version });
    expect(swapped.statusCode, swapped.body).toBe(200);
    expect(swapped.json().agenda.map((a: { order: number; title: string }) => `${a.order} ${a.title}`)).toEqual(['1 Vertrauliche Fallbesprechung Jugendclub', '2 Lagebild Sucht']);
    const back = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda-order`, { itemIds: ids, version: swapped.json().version });
    expect((await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${upcoming.id}/agenda-order`, { itemIds: ids.slice(1), version: back.json().version })).statusCode).toBe(400);
    upcoming = back.json();
  });

  it('sends every member an invitation with the agenda and an .ics, then updates and a cancellation', async () => {
    const before = t.mails().length;
    const res = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${upcoming.id}/invitation`, { version: upcoming.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().mailsSent).toBe(3);
    const mails = t.mails().slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['bm@zwoenitz.test', 'revier@polizei.test', 'schule@zwoenitz.test']);
    expect(mails[0]!.subject).toContain('Einladung');
    expect(mails[0]!.body).toContain('TOP 2  Vertrauliche Fallbesprechung Jugendclub (nicht öffentlich)');
    expect(mails[0]!.body).toContain('text/calendar');
    expect(mails[0]!.body).toContain('METHOD:REQUEST');
    const moved = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${upcoming.id}`, { title: 'Frühjahrssitzung', startsAt: iso(day(11)), endsAt: null, locationId: res.json().meeting.location.id, onlineUrl: '', version: res.json().meeting.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().mailsSent).toBe(3);
    expect(t.mails().at(-1)!.body).toContain('SEQUENCE:1');
    const other = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings`, { bodyId: plenum, startsAt: iso(day(20)), onlineUrl: 'https://meet.example/kpr' })).json();
    const invited = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${other.id}/invitation`, { version: other.version })).json();
    const cancelled = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${other.id}/cancel`, { reason: 'Terminüberschneidung', version: invited.meeting.version });
    expect(cancelled.json()).toMatchObject({ mailsSent: 3, meeting: { state: 'abgesagt' } });
    expect(t.mails().at(-1)!.body).toContain('METHOD:CANCEL');
    upcoming = moved.json().meeting;
  });
});

describe('the meeting itself: attendance, minutes, decisions', () => {
  it('records a past meeting with attendance, refuses too many votes, and tracks a decision', async () => {
    const created = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings`, { bodyId: plenum, startsAt: iso(day(-30)), location: { description: 'Rathaus Zwönitz' } })).json();
    await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${created.id}/agenda`, { order: 1, title: 'Präventionsstreife am Bahnhof', isPublic: true });
    const withItems = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${created.id}/agenda`, { order: 2, title: 'Personalangelegenheit Streetwork', isPublic: false })).json();
    const early = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${upcoming.id}/minutes/approval`, { approvedInMeetingId: created.id, minutesVersion: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('noch nicht stattgefunden');
    const held = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${created.id}/held`, { version: withItems.version })).json();
    const att = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${created.id}/attendance`, { entries: [
      { personId: persons.mayor!.id, status: 'anwesend' }, { personId: persons.police!.id, status: 'anwesend' }, { personId: persons.school!.id, status: 'entschuldigt' },
    ], version: held.version });
    expect(att.statusCode, att.body).toBe(200);
    expect(att.json().votingMembers).toBe(2);
    past = att.json();
    const publicItem = past.agenda.find((a) => a.isPublic)!;
    const tooMany = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${past.id}/decisions`, { agendaItemId: publicItem.id, text: 'Die Präventionsstreife wird eingerichtet.', voteMode: 'abstimmung', votesYes: 2, votesNo: 1, votesAbstain: 0 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ field: 'votesYes' });
    expect(tooMany.json().detail).toContain('nur 2 stimmberechtigte Mitglieder');
    const decided = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${past.id}/decisions`, {
      agendaItemId: publicItem.id, text: 'Die Präventionsstreife am Bahnhof wird bis Juni eingerichtet.', voteMode: 'abstimmung', votesYes: 1, votesNo: 0, votesAbstain: 1,
      tracked: true, ownerPersonId: persons.police!.id, dueOn: '2030-06-30',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const decision = decided.json().agenda.find((a: { id: string }) => a.id === publicItem.id).decisions[0];
    expect(decision).toMatchObject({ number: expect.stringMatching(/^KPR Zwönitz-1\/\d{4}$/), resultLabel: 'beschlossen (1 Ja, 0 Nein, 1 Enthaltung)', trackState: 'offen', owner: { name: 'Rita Revier' } });
    const secret = past.agenda.find((a) => !a.isPublic)!;
    await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${past.id}/decisions`, { agendaItemId: secret.id, text: 'Vertraulicher Personalbeschluss', voteMode: 'einstimmig' });
  });

  it('reminds the owner a week before the due date, on it, and weekly while overdue; once a day', async () => {
    const [d] = await t.database.db.select().from(councilDecisions).where(eq(councilDecisions.ownerPersonId, persons.police!.id));
    const dueOn = d!.dueOn!;
    const shift = (n: number) => new Date(Date.parse(`${dueOn}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const mailer = { sent: [] as { to: string; subject: string; text: string }[], async send(m: { to: string; subject: string; text: string }) { this.sent.push(m); } };
    // The demo councils' open decisions get their own reminders on these days: count the owner's mails.
    const owner = 'revier@polizei.test';
    const remind = async (day: string) => {
      const before = mailer.sent.length;
      const sent = await sendDecisionReminders(t.database.db, mailer, t.config, day);
      expect(sent).toBe(mailer.sent.length - before);
      return mailer.sent.slice(before).filter((m) => m.to === owner).length;
    };
    expect(await remind(shift(-8))).toBe(0);
    expect(await remind(shift(-7))).toBe(1);
    expect(await sendDecisionReminders(t.database.db, mailer, t.config, shift(-7))).toBe(0);
    expect(await remind(shift(0))).toBe(1);
    expect(await remind(shift(3))).toBe(0);
    expect(await remind(shift(7))).toBe(1);
    expect(await remind(shift(10))).toBe(0);
    expect(await remind(shift(14))).toBe(1);
    const own = mailer.sent.filter((m) => m.to === owner);
    expect(own.map((m) => m.subject.split(':')[0])).toEqual(['Erinnerung', 'Erinnerung', 'Überfällig', 'Überfällig']);
    expect(own[2]!.text).toContain(`war am ${dueOn.split('-').reverse().join('.')} fällig`);
  });

  it('lets the owner carry the decision out, and nobody else among the members', async () => {
    const mine = (await as(member)('GET', '/api/decisions/mine')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ canTrack: true, trackStateLabel: 'offen' });
    const dashboard = (await as(member)('GET', '/api/dashboard')).json();
    expect(dashboard.items.find((c: { key: string }) => c.key === 'councils.myDecisions')).toMatchObject({ total: 1 });
    const notOwner = await as(bystander)('PUT', `/api/councils/${councilId}/decisions/${mine[0].id}/tracking`, { state: 'erledigt', version: mine[0].version });
    expect(notOwner.statusCode).toBe(403);
    const why = await as(member)('PUT', `/api/councils/${councilId}/decisions/${mine[0].id}/tracking`, { state: 'nicht_umgesetzt', version: mine[0].version });
    expect(why.statusCode).toBe(400);
    expect(why.json()).toMatchObject({ field: 'note' });
    const working = (await as(member)('PUT', `/api/councils/${councilId}/decisions/${mine[0].id}/tracking`, { state: 'in_arbeit', note: 'Abstimmung mit der Bundespolizei läuft', version: mine[0].version })).json();
    const done = await as(member)('PUT', `/api/councils/${councilId}/decisions/${mine[0].id}/tracking`, { state: 'erledigt', note: 'Streife seit 1. Juni unterwegs', version: working.version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().history.map((h: { state: string }) => h.state)).toEqual(['offen', 'in_arbeit', 'erledigt']);
    expect((await as(member)('GET', '/api/decisions/mine')).json().items).toHaveLength(0);
    const list = (await as(coordinator)('GET', `/api/councils/${councilId}/decisions?state=all`)).json();
    expect(list.counts).toMatchObject({ erledigt: 1, open: 0, all: 1 });
  });

  it('writes the minutes as a draft, answers 409 to a concurrent edit, and approves them at the next meeting', async () => {
    const m = (await as(coordinator)('GET', `/api/councils/${councilId}/meetings/${past.id}`)).json();
    const items = m.agenda.map((a: { id: string; title: string }) => ({ agendaItemId: a.id, minutes: `Zu ${a.title}: beraten.` }));
    const first = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${past.id}/minutes`, { general: 'Beginn 17 Uhr', items, minutesVersion: m.minutesVersion });
    expect(first.statusCode, first.body).toBe(200);
    const second = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${past.id}/minutes`, { general: 'Andere Fassung', items, minutesVersion: m.minutesVersion });
    expect(second.statusCode).toBe(409);
    // Two editors saving the same version at the same moment: exactly one wins, the other gets 409 and changes nothing.
    const v = first.json().minutesVersion;
    const both = await Promise.all(['Fassung A', 'Fassung B'].map((general) => as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${past.id}/minutes`, { general, items, minutesVersion: v })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.statusCode === 200)!.json();
    expect((await as(coordinator)('GET', `/api/councils/${councilId}/meetings/${past.id}`)).json()).toMatchObject({ minutesGeneral: winner.minutesGeneral, minutesVersion: v + 1 });
    const publicDraft = (await as(null)('GET', `/api/public/councils/${councilId}/meetings/${past.id}`)).json();
    expect(publicDraft.minutesApproved).toBe(false);
    expect(publicDraft.agenda.every((a: { minutes: string | null }) => a.minutes === null)).toBe(true);
    const next = (await as(coordinator)('POST', `/api/councils/${councilId}/meetings`, { bodyId: plenum, startsAt: iso(day(-2)), location: { description: 'Rathaus Zwönitz' } })).json();
    later = next;
    const approved = await as(coordinator)('POST', `/api/councils/${councilId}/meetings/${past.id}/minutes/approval`, { approvedInMeetingId: next.id, minutesVersion: v + 1 });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ minutesState: 'genehmigt', minutesApprovedInMeeting: { id: next.id } });
    const edit = await as(coordinator)('PUT', `/api/councils/${councilId}/meetings/${past.id}/minutes`, { general: 'Nachträglich', items, minutesVersion: approved.json().minutesVersion });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toContain('genehmigt');
  });
});

describe('what the public sees', () => {
  it('shows public items, approved minutes, decisions of public items and consenting members only', async () => {
    const res = await as(null)('GET', `/api/public/councils/${councilId}`);
    expect(res.statusCode).toBe(200);
    const text = res.body;
    expect(text).toContain('Bernd Bürgermeister');
    expect(text).not.toContain('Rita Revier');
    expect(text).not.toContain('revier@polizei.test');
    expect(text).not.toContain('Vertraulich');
    expect(res.json().bodies[0].hiddenMembers).toBe(1);
    const meeting = (await as(null)('GET', `/api/public/councils/${councilId}/meetings/${past.id}`)).json();
    expect(meeting.agenda.map((a: { title: string }) => a.title)).toEqual(['Präventionsstreife am Bahnhof']);
    expect(meeting.nonPublicItems).toBe(1);
    expect(meeting.agenda[0].minutes).toContain('beraten');
    expect(meeting.agenda[0].decisions[0]).toMatchObject({ trackState: 'erledigt', owner: null, history: [] });
    expect(JSON.stringify(meeting)).not.toContain('Personal');
    const ics = await as(null)('GET', `/api/public/councils/${councilId}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('Lagebild Sucht');
    expect(ics.body).not.toContain('Fallbesprechung');
  });

  it('serves files of public items to everyone and of non-public items to members only', async () => {
    const secret = past.agenda.find((a) => !a.isPublic)!;
    const open = past.agenda.find((a) => a.isPublic)!;
    const upload = async (ownerId: string, name: string) => {
      const form = multipart({}, { name, type: 'application/pdf', data: Buffer.from(`%PDF-1.4 ${name}`) });
      const res = await t.app.inject({ method: 'POST', url: `/api/councils/${councilId}/files?ownerType=agenda_item&ownerId=${ownerId}`, headers: { ...coordinator.headers, ...form.headers }, payload: form.payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const secretFile = await upload(secret.id, 'personal.pdf');
    const openFile = await upload(open.id, 'streife.pdf');
    expect((await as(null)('GET', `/api/public/councils/${councilId}/files/${secretFile}`)).statusCode).toBe(404);
    expect((await as(member)('GET', `/api/councils/${councilId}/files/${secretFile}`)).statusCode).toBe(200);
    const pub = await as(null)('GET', `/api/public/councils/${councilId}/files/${openFile}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-disposition']).toContain('attachment');
    expect((await as(otherCoordinator)('GET', `/api/councils/${councilId}/files/${secretFile}`)).statusCode).toBe(404);
    const wrongType = multipart({}, { name: 'script.exe', type: 'application/octet-stream', data: Buffer.from('MZ') });
    expect((await t.app.inject({ method: 'POST', url: `/api/councils/${councilId}/files?ownerType=agenda_item&ownerId=${open.id}`, headers: { ...coordinator.headers, ...wrongType.headers }, payload: wrongType.payload })).statusCode).toBe(415);
  });

  it('gives a member a private calendar of their meetings, without non-public items', async () => {
    const link = await as(member)('POST', `/api/councils/${councilId}/persons/${persons.police!.id}/calendar-token`);
    expect(link.statusCode, link.body).toBe(200);
    const url = new URL(link.json().url);
    const feed = await as(null)('GET', url.pathname);
    expect(feed.statusCode).toBe(200);
    expect(feed.body).toContain('BEGIN:VEVENT');
    expect(feed.body).toContain('Lagebild Sucht');
    expect(feed.body).not.toContain('Fallbesprechung');
    expect((await as(bystander)('POST', `/api/councils/${councilId}/persons/${persons.police!.id}/calendar-token`)).statusCode).toBe(403);
    expect((await as(null)('GET', '/api/calendar/not-a-real-token-at-all-0000.ics')).statusCode).toBe(404);
  });

  it('keeps every step in the audit log', async () => {
    const rows = await t.database.db.select({ id: councilDecisions.id }).from(councilDecisions).where(eq(councilDecisions.councilId, councilId));
    const entries = await t.database.db.select().from(auditLog).where(inArray(auditLog.entityId, rows.map((r) => r.id)));
    expect(entries.map((e) => e.action).sort()).toEqual(['council_decision.created', 'council_decision.created', 'council_decision.tracked', 'council_decision.tracked']);
    const meetingEntries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, later.id));
    expect(meetingEntries.map((e) => e.action)).toEqual(['council_meeting.created']);
  });
});
