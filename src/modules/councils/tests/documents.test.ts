import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { createTestApp, login, multipart, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import { buildAnalysis } from '../../surveys/tests/factories.js';
import { svgToPng } from '../../../server/documents/raster.js';
import { pdfText } from '../../alliance/tests/pdf-text.js';
import { createUser } from '../../auth/create-user.js';
import { systemContext } from '../../../server/audit/record.js';
import { auditLog } from '../../../server/audit/schema.js';
import { analysisProjects } from '../../surveys/schema.js';
import { recommendations } from '../../evaluation/schema.js';
import {
  councilAgendaItems, councilAttendance, councilBodies, councilDecisions, councilLocations, councilMeetings, councilMemberships, councilPersons, councils,
} from '../schema.js';

/*
 * The council's documents through HTTP, on fixture rows written with Drizzle: a council for Schwarzenberg
 * (which has the demo analyses and crime figures) with an approved and a draft set of minutes, public and
 * non-public items, decisions in every state; and a council of another commune whose member sees none of it.
 */

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let member: Session;
let otherMember: Session;
const ids = { council: '', other: '', approved: '', draft: '', group: '', cancelled: '', recommendation: '' };

const docxText = async (payload: Buffer) => (await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
const as = (session: Session | null, method: string, url: string, payload?: object) =>
  t.app.inject({ method: method as 'GET', url, headers: session?.headers ?? {}, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['commune', 'lpr_staff']);
  const { db } = t.database;
  const [council] = await db.insert(councils).values({ code: 'kpr-sbg-dokumente', ags: '14521550', communes: ['14521550'], name: 'Kommunaler Präventionsrat Schwarzenberg', state: 'aktiv' }).returning();
  const [other] = await db.insert(councils).values({ code: 'kpr-chemnitz-dokumente', ags: '14511000', communes: ['14511000'], name: 'Kommunalpräventiver Rat Chemnitz', state: 'aktiv' }).returning();
  ids.council = council!.id;
  ids.other = other!.id;
  const [plenum, group] = await db.insert(councilBodies).values([
    { councilId: council!.id, kind: 'plenum', name: 'Plenum', sortOrder: 0 },
    { councilId: council!.id, kind: 'arbeitsgruppe', name: 'AG Bahnhofsumfeld', sortOrder: 1, startedOn: '2025-01-01' },
  ]).returning();
  const [amsel, berger, conrad, gast] = await db.insert(councilPersons).values([
    { councilId: council!.id, givenName: 'Anna', familyName: 'Amsel', organisation: 'Stadtverwaltung Schwarzenberg', organisationType: 'stadtverwaltung', publicConsent: true },
    { councilId: council!.id, givenName: 'Bernd', familyName: 'Berger', organisation: 'Polizeirevier Aue', organisationType: 'polizei', publicConsent: false },
    { councilId: council!.id, title: 'Dr.', givenName: 'Clara', familyName: 'Conrad', organisation: 'Oberschule am Rockelmann', organisationType: 'schule', publicConsent: true },
    { councilId: council!.id, givenName: 'Gustav', familyName: 'Gastmann', organisation: 'Wohnungsgesellschaft Schwarzenberg', organisationType: 'wirtschaft', publicConsent: true },
  ]).returning();
  await db.insert(councilMemberships).values([
    ...[amsel, berger, conrad].map((p) => ({ councilId: council!.id, bodyId: plenum!.id, personId: p!.id, startedOn: '2025-01-01' })),
    ...[amsel, berger].map((p) => ({ councilId: council!.id, bodyId: group!.id, personId: p!.id, startedOn: '2025-01-01' })),
  ]);
  const [place] = await db.insert(councilLocations).values({ councilId: council!.id, description: 'Rathaus Schwarzenberg', room: 'Ratssaal', streetAddress: 'Straße der Einheit 20', postalCode: '08340', locality: 'Schwarzenberg/Erzgeb.' }).returning();
  const meetings = await db.insert(councilMeetings).values([
    { councilId: council!.id, bodyId: plenum!.id, title: '1. Sitzung 2026', startsAt: new Date('2026-03-12T17:00:00+01:00'), endsAt: new Date('2026-03-12T19:00:00+01:00'), locationId: place!.id, state: 'durchgefuehrt', minutesState: 'genehmigt', minutesGeneral: 'Die Vorsitzende begrüßt die Anwesenden und stellt die Beschlussfähigkeit fest.' },
    { councilId: council!.id, bodyId: plenum!.id, title: '2. Sitzung 2026', startsAt: new Date('2026-06-11T17:00:00+02:00'), locationId: place!.id, state: 'durchgefuehrt', minutesState: 'entwurf' },
    { councilId: council!.id, bodyId: group!.id, startsAt: new Date('2026-04-20T15:00:00+02:00'), state: 'durchgefuehrt' },
    { councilId: council!.id, bodyId: plenum!.id, title: 'Sondersitzung', startsAt: new Date('2026-09-01T17:00:00+02:00'), state: 'abgesagt', cancelReason: 'Krankheit' },
  ]).returning();
  const [approved, draft, groupMeeting, cancelled] = meetings;
  ids.approved = approved!.id; ids.draft = draft!.id; ids.group = groupMeeting!.id; ids.cancelled = cancelled!.id;
  await db.update(councilMeetings).set({ minutesApprovedOn: '2026-06-11', minutesApprovedInMeetingId: draft!.id }).where(eq(councilMeetings.id, approved!.id));
  await db.insert(councilAttendance).values([
    { meetingId: approved!.id, personId: amsel!.id, status: 'anwesend' }, { meetingId: approved!.id, personId: berger!.id, status: 'anwesend' },
    { meetingId: approved!.id, personId: conrad!.id, status: 'entschuldigt' }, { meetingId: approved!.id, personId: gast!.id, status: 'gast' },
    { meetingId: draft!.id, personId: amsel!.id, status: 'anwesend' }, { meetingId: draft!.id, personId: conrad!.id, status: 'anwesend' }, { meetingId: draft!.id, personId: berger!.id, status: 'entschuldigt' },
    { meetingId: groupMeeting!.id, personId: amsel!.id, status: 'anwesend' }, { meetingId: groupMeeting!.id, personId: berger!.id, status: 'anwesend' },
  ]);
  const items = await db.insert(councilAgendaItems).values([
    { councilId: council!.id, meetingId: approved!.id, order: 1, title: 'Beleuchtung am Bahnhof', isPublic: true, minutes: 'Die Stadtverwaltung berichtet über die neuen Leuchten am Bahnhofsvorplatz.' },
    { councilId: council!.id, meetingId: approved!.id, order: 2, title: 'Personalangelegenheit der Geschäftsstelle', isPublic: false, minutes: 'Vertrauliche Besprechung zur Stellenbesetzung.' },
    { councilId: council!.id, meetingId: draft!.id, order: 1, title: 'Sauberkeit in der Sonnenleithe', isPublic: true, minutes: 'Entwurfstext zur Sonnenleithe.' },
    { councilId: council!.id, meetingId: groupMeeting!.id, order: 1, title: 'Ortsbegehung', isPublic: true, minutes: 'Begehung mit Polizei und Ordnungsamt.' },
  ]).returning();
  const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.code, 'sa-schwarzenberg-2022'));
  const [rec] = await db.select().from(recommendations).where(and(eq(recommendations.projectId, project!.id), eq(recommendations.title, 'Beleuchtung am Bahnhof und im Stadtpark verbessern')));
  ids.recommendation = rec!.id;
  await db.insert(councilDecisions).values([
    { councilId: council!.id, meetingId: approved!.id, agendaItemId: items[0]!.id, number: 'KPR-1/2026', text: 'Der Rat empfiehlt zusätzliche Leuchten am Bahnhofsvorplatz.', voteMode: 'einstimmig', trackState: 'erledigt', recommendationId: rec!.id, doneOn: '2026-05-30' },
    { councilId: council!.id, meetingId: approved!.id, agendaItemId: items[1]!.id, number: 'KPR-2/2026', text: 'Die Stelle der Geschäftsstelle wird befristet besetzt.', voteMode: 'abstimmung', votesYes: 5, votesNo: 1, votesAbstain: 1, trackState: 'in_arbeit' },
    { councilId: council!.id, meetingId: draft!.id, agendaItemId: items[2]!.id, number: 'KPR-3/2026', text: 'Aktionstag Sauberkeit mit der Wohnungsgesellschaft.', voteMode: 'einstimmig', trackState: 'offen', dueOn: '2026-10-31' },
    { councilId: council!.id, meetingId: groupMeeting!.id, agendaItemId: items[3]!.id, number: 'KPR-4/2026', text: 'Videoüberwachung am Bahnhof prüfen.', voteMode: 'abstimmung', votesYes: 2, votesNo: 3, votesAbstain: 0, adopted: false, trackState: 'nicht_umgesetzt' },
  ]);

  await createUser(db, systemContext('test'), { email: 'ratsmitglied@dokumente.demo', displayName: 'Rat Schwarzenberg', password: 'protokoll-und-bericht-2026',
    grants: [{ role: 'council_member', scopeType: 'council', scopeId: 'kpr-sbg-dokumente' }] });
  await createUser(db, systemContext('test'), { email: 'ratsmitglied@chemnitz-dokumente.demo', displayName: 'Rat Chemnitz', password: 'anderer-rat-chemnitz-2026',
    grants: [{ role: 'council_member', scopeType: 'council', scopeId: 'kpr-chemnitz-dokumente' }] });
  member = await login(t.app, 'ratsmitglied@dokumente.demo', 'protokoll-und-bericht-2026');
  otherMember = await login(t.app, 'ratsmitglied@chemnitz-dokumente.demo', 'anderer-rat-chemnitz-2026');
});
afterAll(async () => { await t?.close(); });

const minutesUrl = (meeting: string, format: 'pdf' | 'docx', audience: 'internal' | 'public' = 'internal') =>
  `/api/${audience === 'public' ? 'public/' : ''}councils/${ids.council}/meetings/${meeting}/minutes.${format}`;

describe('Ergebnisprotokoll', () => {
  it('internally: every item with its minutes and decisions, the attendance with organisations, the official name; approved with its date', async () => {
    const pdf = await call('commune', 'GET', minutesUrl(ids.approved, 'pdf'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Ergebnisprotokoll Plenum 2026-03-12.pdf')}`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    for (const expected of [
      'Stadt Schwarzenberg/Erzgeb.', 'Kommunaler Präventionsrat Schwarzenberg', 'Ergebnisprotokoll', '1. Sitzung 2026', 'Donnerstag, 12. März 2026', '17:00 – 19:00 Uhr',
      'Rathaus Schwarzenberg, Ratssaal', 'Genehmigt am 11.06.2026 in der Sitzung vom 11.06.2026',
      'Anna Amsel (Stadtverwaltung Schwarzenberg)', 'Bernd Berger (Polizeirevier Aue)', 'Dr. Clara Conrad', 'Gustav Gastmann (Wohnungsgesellschaft Schwarzenberg)',
      'TOP 1: Beleuchtung am Bahnhof', 'TOP 2: Personalangelegenheit der Geschäftsstelle (nicht öffentlich)', 'Vertrauliche Besprechung zur Stellenbesetzung.',
      'Beschluss KPR-1/2026', 'Abstimmung: einstimmig beschlossen', 'Abstimmung: beschlossen (Ja 5, Nein 1, Enthaltungen 1)', 'Die Vorsitzende begrüßt die Anwesenden',
    ]) expect(text).toContain(expected);
    expect(text).not.toContain('Entwurf – nicht genehmigt');

    const docx = await as(member, 'GET', minutesUrl(ids.approved, 'docx'));
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const xml = await docxText(docx.rawPayload);
    for (const expected of ['Stadt Schwarzenberg/Erzgeb.', 'Ergebnisprotokoll', 'TOP 2: Personalangelegenheit der Geschäftsstelle (nicht öffentlich)', 'Vertrauliche Besprechung zur Stellenbesetzung.', 'Bernd Berger (Polizeirevier Aue)', 'Beschluss KPR-2/2026']) {
      expect(xml).toContain(expected);
    }
  });

  it('publicly: approved minutes only, without non-public items and without names of members who did not consent', async () => {
    const pdf = await as(null, 'GET', minutesUrl(ids.approved, 'pdf', 'public'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('(öffentlich).pdf'));
    const docx = await as(null, 'GET', minutesUrl(ids.approved, 'docx', 'public'));
    expect(docx.statusCode, docx.body).toBe(200);
    for (const text of [pdfText(pdf.rawPayload), await docxText(docx.rawPayload)]) {
      expect(text).toContain('TOP 1: Beleuchtung am Bahnhof');
      expect(text).toContain('Die Stadtverwaltung berichtet über die neuen Leuchten am Bahnhofsvorplatz.');
      expect(text).toContain('Anna Amsel (Stadtverwaltung Schwarzenberg)');
      expect(text).toContain('Öffentliche Fassung');
      expect(text).toContain('Eine weitere Person hat teilgenommen');
      for (const hidden of ['Personalangelegenheit', 'Vertrauliche Besprechung', 'KPR-2/2026', 'Stelle der Geschäftsstelle', 'Bernd Berger', 'Polizeirevier Aue']) expect(text).not.toContain(hidden);
    }
  });

  it('a draft is labelled for members and not public; minutes not yet written are not public either', async () => {
    const pdf = await as(member, 'GET', minutesUrl(ids.draft, 'pdf'));
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('(Entwurf).pdf'));
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('Entwurf – nicht genehmigt');
    expect(text).toContain('Entwurfstext zur Sonnenleithe.');
    expect(await docxText((await as(member, 'GET', minutesUrl(ids.draft, 'docx'))).rawPayload)).toContain('Entwurf – nicht genehmigt');
    for (const meeting of [ids.draft, ids.group]) {
      for (const format of ['pdf', 'docx'] as const) {
        const res = await as(null, 'GET', minutesUrl(meeting, format, 'public'));
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
  });

  it('a member of another council, anonymous callers and other councils\' meetings get nothing', async () => {
    expect((await as(otherMember, 'GET', minutesUrl(ids.approved, 'pdf'))).statusCode).toBe(404);
    expect((await as(otherMember, 'GET', minutesUrl(ids.draft, 'docx'))).statusCode).toBe(404);
    expect((await as(null, 'GET', minutesUrl(ids.draft, 'pdf'))).statusCode).toBe(401);
    // A meeting named under the wrong council.
    expect((await call('lpr_staff', 'GET', `/api/councils/${ids.other}/meetings/${ids.approved}/minutes.pdf`)).statusCode).toBe(404);
    expect((await as(null, 'GET', `/api/public/councils/${ids.other}/meetings/${ids.approved}/minutes.pdf`)).statusCode).toBe(404);
  });
});

describe('the crest', () => {
  it('heads the minutes once the commune approved it for its survey letter; before, there is none and no placeholder', async () => {
    const { db } = t.database;
    const [plenum] = await db.insert(councilBodies).values({ councilId: ids.other, kind: 'plenum', name: 'Plenum' }).returning();
    const [meeting] = await db.insert(councilMeetings).values({ councilId: ids.other, bodyId: plenum!.id, startsAt: new Date('2026-05-05T16:00:00+02:00'), state: 'durchgefuehrt', minutesState: 'genehmigt', minutesApprovedOn: '2026-07-01' }).returning();
    const url = (format: 'pdf' | 'docx') => `/api/public/councils/${ids.other}/meetings/${meeting!.id}/minutes.${format}`;
    const images = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype \/Image\b/g) ?? []).length;
    const before = await as(null, 'GET', url('pdf'));
    expect(before.statusCode, before.body).toBe(200);
    expect(images(before.rawPayload)).toBe(0);
    expect(pdfText(before.rawPayload)).toContain('Stadt Chemnitz');

    const { project, analyst } = await buildAnalysis(t, { ags: '14511000' });
    const crest = svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="120"><path d="M5 5h90v60c0 30-25 45-45 52C30 110 5 95 5 65z" fill="#c8102e"/></svg>', 100);
    const m = multipart({}, { name: 'wappen.png', type: 'image/png', data: crest });
    expect((await t.app.inject({ method: 'POST', url: `/api/analyses/${project.id}/letter/crest`, headers: { ...analyst.headers, ...m.headers }, payload: m.payload })).statusCode).toBe(200);
    expect(images((await as(null, 'GET', url('pdf'))).rawPayload)).toBe(0);
    const task = (await as(analyst, 'GET', `/api/analyses/${project.id}`)).json().tasks.find((x: { key: string }) => x.key === 'approve_letter');
    expect((await as(analyst, 'PUT', `/api/analyses/${project.id}/tasks/approve_letter`, { done: true, version: task.version })).statusCode).toBe(200);

    expect(images((await as(null, 'GET', url('pdf'))).rawPayload)).toBeGreaterThan(0);
    const docx = (await as(null, 'GET', url('docx'))).rawPayload;
    expect(Object.keys((await JSZip.loadAsync(docx)).files).filter((f) => f.startsWith('word/media/')).length).toBe(1);
    expect(await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')).toContain('Wappen: Stadt Chemnitz');
  });
});

describe('Präventionsbericht', () => {
  it('generate → edit (409 on a stale version) → publish → public download; a published report is final', async () => {
    const reportsUrl = `/api/councils/${ids.council}/reports`;
    // Council members read their council but never manage one.
    expect((await as(member, 'POST', reportsUrl, { year: 2026 })).statusCode).toBe(403);
    const bad = await call('commune', 'POST', reportsUrl, { year: 'zwanzig' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('Berichtsjahr');

    const generated = await call('commune', 'POST', reportsUrl, { year: 2026 });
    expect(generated.statusCode, generated.body).toBe(201);
    const draft = generated.json();
    expect(draft).toMatchObject({ year: 2026, state: 'entwurf', stateLabel: 'Entwurf', title: 'Präventionsbericht 2026' });
    const f = draft.figures;
    expect(f.meetings).toMatchObject({ total: 3, cancelled: 1 });
    expect(f.meetings.byBody).toEqual([
      { body: 'Plenum', kind: 'plenum', kindLabel: 'Plenum', held: 2, cancelled: 1 },
      { body: 'AG Bahnhofsumfeld', kind: 'arbeitsgruppe', kindLabel: 'Arbeitsgruppe', held: 1, cancelled: 0 },
    ]);
    // Members present: 2 of 3, 2 of 3 (plenum), 2 of 2 (working group): 6 of 8.
    expect(f.attendance).toEqual({ present: 6, expected: 8, rate: 0.75 });
    expect(Object.fromEntries(f.decisions.byState.map((s: { state: string; count: number }) => [s.state, s.count]))).toEqual({ offen: 1, in_arbeit: 1, erledigt: 1, nicht_umgesetzt: 1 });
    expect(f.decisions).toMatchObject({ total: 4, untracked: 0, nonPublic: 1 });
    expect(f.decisions.listed.map((d: { number: string }) => d.number)).toEqual(['KPR-1/2026', 'KPR-3/2026', 'KPR-4/2026']);
    expect(f.workingGroups).toEqual([{ name: 'AG Bahnhofsumfeld', kindLabel: 'Arbeitsgruppe', meetings: 1, nonPublicDecisions: 0, decisions: [{ number: 'KPR-4/2026', text: 'Videoüberwachung am Bahnhof prüfen.', stateLabel: 'nicht umgesetzt' }] }]);
    expect(f.survey.analysis).toMatchObject({ year: '2022' });
    expect(f.survey.previous).toBeNull();
    expect(f.survey.rows.find((r: { label: string }) => r.label === 'Nachts allein in der Wohngegend unsicher')?.current).toBeGreaterThan(0);
    expect(f.crime).toMatchObject({ year: 2022, previousYear: 2021 });
    const total = f.crime.rows.find((r: { key: string }) => r.key === '------');
    expect(total.rate).toBeGreaterThan(0);
    expect(total.previousRate).toBeGreaterThan(0);
    expect(f.recommendations.items).toHaveLength(4);
    expect(f.recommendations.items.find((r: { title: string }) => r.title === 'Beleuchtung am Bahnhof und im Stadtpark verbessern')).toMatchObject({ stateLabel: expect.any(String), decisions: ['KPR-1/2026'] });
    expect(JSON.stringify(draft)).not.toContain('Stelle der Geschäftsstelle');
    const section = (key: string) => draft.sections.find((s: { key: string }) => s.key === key);
    expect(section('sitzungen').text).toContain('fanden 3 Sitzungen des Präventionsrates und seiner Gremien statt');
    expect(section('befragung').text).toContain('Eine frühere Befragung zum Vergleich liegt nicht vor.');
    expect(section('kriminalitaet').text).toContain('sind die des Jahres 2022; für 2026 liegen noch keine vor.');
    expect(f.crime.rows.length).toBeLessThanOrEqual(11);
    expect(draft.foreword).toContain('des Präventionsrates der Stadt Schwarzenberg/Erzgeb.');

    // The member reads the draft and its preview; the public does not.
    expect((await as(member, 'GET', `${reportsUrl}/${draft.id}`)).json().version).toBe(draft.version);
    expect((await as(otherMember, 'GET', `${reportsUrl}/${draft.id}`)).statusCode).toBe(404);
    expect((await as(otherMember, 'GET', reportsUrl)).statusCode).toBe(404);
    expect((await as(null, 'GET', `/api/public/councils/${ids.council}/reports/${draft.id}/report.pdf`)).statusCode).toBe(404);
    expect((await as(null, 'GET', `/api/public/councils/${ids.council}/reports`)).json().items).toEqual([]);

    const edit = { title: 'Präventionsbericht 2026 der Stadt Schwarzenberg', foreword: 'Liebe Bürgerinnen und Bürger, das Jahr 2026 stand im Zeichen der Beleuchtung.',
      sections: [...draft.sections.map((s: { key: string; title: string; text: string }) => (s.key === 'ausblick' ? { ...s, text: 'Im Jahr 2027 folgt die zweite Befragung.' } : s))], version: draft.version };
    const edited = await call('commune', 'PUT', `${reportsUrl}/${draft.id}`, edit);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: edit.title, foreword: edit.foreword, version: draft.version + 1 });
    expect(edited.json().figures).toEqual(draft.figures);
    const stale = await call('commune', 'PUT', `${reportsUrl}/${draft.id}`, { ...edit, foreword: 'Zu spät.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await as(member, 'PUT', `${reportsUrl}/${draft.id}`, { ...edit, version: draft.version + 1 })).statusCode).toBe(403);

    const preview = await as(member, 'GET', `${reportsUrl}/${draft.id}/report.pdf`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.headers['content-disposition']).toContain(encodeURIComponent('Präventionsbericht 2026 Kommunaler Präventionsrat Schwarzenberg (Entwurf).pdf'));
    expect(pdfText(preview.rawPayload)).toContain('Entwurf – nicht veröffentlicht');

    const stalePublish = await call('commune', 'POST', `${reportsUrl}/${draft.id}/publish`, { version: draft.version });
    expect(stalePublish.statusCode).toBe(409);
    const published = await call('commune', 'POST', `${reportsUrl}/${draft.id}/publish`, { version: draft.version + 1 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ state: 'veroeffentlicht', stateLabel: 'veröffentlicht', publishedAt: expect.any(String) });

    const list = (await as(null, 'GET', `/api/public/councils/${ids.council}/reports`)).json().items;
    expect(list).toEqual([expect.objectContaining({ id: draft.id, year: 2026, title: edit.title, downloads: { pdf: `/api/public/councils/${ids.council}/reports/${draft.id}/report.pdf`, docx: `/api/public/councils/${ids.council}/reports/${draft.id}/report.docx` } })]);
    const pdf = await as(null, 'GET', list[0].downloads.pdf);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent('Präventionsbericht 2026 Kommunaler Präventionsrat Schwarzenberg.pdf'));
    const docx = await as(null, 'GET', list[0].downloads.docx);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    // Charts: decisions by state, crime rates, attendance (SVG each with a PNG fallback).
    expect(Object.keys(zip.files).filter((n) => n.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
    for (const text of [pdfText(pdf.rawPayload), await docxText(docx.rawPayload)]) {
      for (const expected of [edit.title, 'Stadt Schwarzenberg/Erzgeb.', 'Liebe Bürgerinnen und Bürger', 'Im Jahr 2027 folgt die zweite Befragung.', 'Beschlüsse nach Stand der Umsetzung',
        'Häufigkeitszahl (Fälle je 100.000 Einwohner) 2022 und 2021', 'Beleuchtung am Bahnhof und im Stadtpark verbessern', 'AG Bahnhofsumfeld', 'Veröffentlicht am']) expect(text).toContain(expected);
      expect(text).not.toContain('Entwurf – nicht veröffentlicht');
      expect(text).not.toContain('Stelle der Geschäftsstelle');
    }
    // The internal download is the stored file.
    expect((await as(member, 'GET', `${reportsUrl}/${draft.id}/report.pdf`)).rawPayload.equals(pdf.rawPayload)).toBe(true);

    const late = await call('commune', 'PUT', `${reportsUrl}/${draft.id}`, { ...edit, version: draft.version + 2 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'report_published' });
    expect(late.json().detail).toContain('bereits veröffentlicht');
    expect((await call('commune', 'POST', reportsUrl, { year: 2026 })).json().code).toBe('report_published');
    expect((await call('commune', 'POST', `${reportsUrl}/${draft.id}/publish`, { version: draft.version + 2 })).statusCode).toBe(409);

    const audit = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entityId, draft.id), inArray(auditLog.action, ['council_report.generated', 'council_report.updated', 'council_report.published'])));
    expect(audit.map((a) => a.action).sort()).toEqual(['council_report.generated', 'council_report.published', 'council_report.updated']);
  });

  it('regenerating a draft keeps the edited texts on request; a year without meetings says so', async () => {
    const reportsUrl = `/api/councils/${ids.council}/reports`;
    const first = (await call('lpr_staff', 'POST', reportsUrl, { year: 2025 })).json();
    expect(first.figures.meetings.total).toBe(0);
    expect(first.sections.find((s: { key: string }) => s.key === 'sitzungen').text).toBe('Im Jahr 2025 sind keine durchgeführten Sitzungen des Präventionsrates erfasst.');
    const sections = first.sections.map((s: { key: string; title: string; text: string }) => (s.key === 'ausblick' ? { ...s, text: 'Eigener Ausblick.' } : s));
    const edited = (await call('lpr_staff', 'PUT', `${reportsUrl}/${first.id}`, { title: first.title, foreword: 'Eigenes Vorwort.', sections: [...sections, { key: 'dank', title: 'Dank', text: 'Wir danken allen Mitgliedern.' }], version: first.version })).json();
    const kept = await call('lpr_staff', 'POST', reportsUrl, { year: 2025, keepTexts: true });
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ id: first.id, foreword: 'Eigenes Vorwort.', version: edited.version + 1 });
    expect(kept.json().sections.map((s: { key: string }) => s.key).at(-1)).toBe('dank');
    expect(kept.json().sections.find((s: { key: string }) => s.key === 'ausblick').text).toBe('Eigener Ausblick.');
    const fresh = (await call('lpr_staff', 'POST', reportsUrl, { year: 2025 })).json();
    expect(fresh.foreword).not.toBe('Eigenes Vorwort.');
    expect(fresh.sections.map((s: { key: string }) => s.key)).not.toContain('dank');
    const list = (await as(member, 'GET', reportsUrl)).json();
    expect(list.items.map((r: { year: number; state: string }) => [r.year, r.state])).toEqual([[2026, 'veroeffentlicht'], [2025, 'entwurf']]);
    expect(list.can.manage).toBe(false);
  });
});
