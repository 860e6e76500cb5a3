import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { FileStorage } from '../../../server/files/storage.js';
import {
  councilAgendaItems, councilBodies, councilDecisions, councilFiles, councilLocations, councilMeetings, councilMemberships, councilPapers,
  councilPersons, councils,
} from '../schema.js';

/**
 * A council with everything OParl publishes and everything it must not: a plenary and a working group, two
 * consenting members and one who did not consent (with a membership), a location, a meeting with approved minutes
 * and public, non-public and soft-deleted agenda items, a meeting with draft minutes, a public and a non-public
 * paper, files on each of them and on the council (stored with their real SHA-512), decisions with tracking. Everything that must stay
 * hidden carries the marker GEHEIM in its text, so a test can search every answer for it. Rows are created at
 * fixed, distinct times (one hour apart) so that filters have something to narrow.
 */
export const SECRET = 'GEHEIM';
export const FIXTURE_AGS = '14521550';

export interface OparlFixture {
  councilId: string; plenumId: string; groupId: string;
  persons: { anna: string; bernd: string; hidden: string };
  memberships: { annaPlenum: string; annaGroup: string; bernd: string; hidden: string };
  locationId: string;
  meetings: { approved: string; draft: string };
  items: { public: string; secret: string; deleted: string; draftPublic: string };
  papers: { public: string; secret: string };
  files: { paper: string; secretPaper: string; item: string; secretItem: string; rules: string; attendance: string; draftMinutes: string };
  /** Hidden ids: none may appear anywhere in OParl. */
  hiddenIds: string[];
}

export async function createOparlFixture(db: Db, files: FileStorage, code = 'kpr-oparl-test'): Promise<OparlFixture> {
  let clock = Date.parse('2026-03-02T08:00:00Z');
  const next = () => { clock += 3_600_000; const at = new Date(clock); return { createdAt: at, updatedAt: at }; };

  const [council] = await db.insert(councils).values({ code, ags: FIXTURE_AGS, communes: [FIXTURE_AGS], name: 'Kommunaler Präventionsrat Testhausen', shortName: 'KPR Testhausen', state: 'aktiv', office: { email: 'kpr@testhausen.example' }, website: 'https://testhausen.example/kpr', ...next() }).returning();
  const councilId = council!.id;
  const [plenum] = await db.insert(councilBodies).values({ councilId, kind: 'plenum', name: 'Kommunaler Präventionsrat Testhausen', startedOn: '2020-01-15', ...next() }).returning();
  const [group] = await db.insert(councilBodies).values({ councilId, kind: 'arbeitsgruppe', name: 'AG Sicherer Bahnhof', shortName: 'AG Bahnhof', ...next() }).returning();
  const person = async (values: Partial<typeof councilPersons.$inferInsert> & { familyName: string }) =>
    (await db.insert(councilPersons).values({ councilId, ...values, ...next() }).returning())[0]!.id;
  const anna = await person({ title: 'Dr.', givenName: 'Anna', familyName: 'Beispiel', position: 'Bürgermeisterin', organisation: 'Stadtverwaltung Testhausen', organisationType: 'stadtverwaltung', email: 'anna@testhausen.example', phone: '0371 1234', publicConsent: true, consentGivenOn: '2026-01-10' });
  const bernd = await person({ givenName: 'Bernd', familyName: 'Muster', organisation: 'Polizeirevier Testhausen', organisationType: 'polizei', publicConsent: true });
  const hidden = await person({ givenName: 'Gisela', familyName: `${SECRET}-Person`, organisation: `${SECRET} Verein`, email: 'geheim@testhausen.example', publicConsent: false });
  const membership = async (bodyId: string, personId: string, values: Partial<typeof councilMemberships.$inferInsert> = {}) =>
    (await db.insert(councilMemberships).values({ councilId, bodyId, personId, startedOn: '2024-01-01', ...values, ...next() }).returning())[0]!.id;
  const annaPlenum = await membership(plenum!.id, anna, { role: 'vorsitz' });
  const annaGroup = await membership(group!.id, anna, { role: 'mitglied', onBehalfOf: 'Ordnungsamt Testhausen' });
  const berndM = await membership(plenum!.id, bernd, { role: 'beratend', votingRight: false, endedOn: '2026-12-31' });
  const hiddenM = await membership(plenum!.id, hidden, { role: 'mitglied' });
  const [location] = await db.insert(councilLocations).values({ councilId, description: 'Rathaus Testhausen, Ratssaal', streetAddress: 'Markt 1', postalCode: '09999', locality: 'Testhausen', room: 'Ratssaal', ...next() }).returning();

  const meeting = async (bodyId: string, values: Partial<typeof councilMeetings.$inferInsert>) =>
    (await db.insert(councilMeetings).values({ councilId, bodyId, startsAt: new Date('2026-04-01T16:00:00Z'), ...values, ...next() }).returning())[0]!.id;
  const approved = await meeting(plenum!.id, { title: '1. Sitzung 2026', endsAt: new Date('2026-04-01T18:00:00Z'), locationId: location!.id, state: 'durchgefuehrt', minutesState: 'genehmigt', minutesApprovedOn: '2026-06-01' });
  const draft = await meeting(group!.id, { title: 'Treffen der AG', startsAt: new Date('2026-05-01T15:00:00Z'), state: 'durchgefuehrt', minutesState: 'entwurf', minutesGeneral: `${SECRET} Entwurf` });

  const paper = async (values: Partial<typeof councilPapers.$inferInsert> & { name: string }) =>
    (await db.insert(councilPapers).values({ councilId, ...values, ...next() }).returning())[0]!.id;
  const publicPaper = await paper({ name: 'Beleuchtung am Bahnhof', reference: 'KPR-V-1/2026', date: '2026-03-20' });
  const secretPaper = await paper({ name: `${SECRET}: Lagebild`, reference: 'KPR-V-2/2026', isPublic: false });

  const item = async (meetingId: string, values: Partial<typeof councilAgendaItems.$inferInsert> & { order: number; title: string }) =>
    (await db.insert(councilAgendaItems).values({ councilId, meetingId, ...values, ...next() }).returning())[0]!.id;
  const publicItem = await item(approved, { order: 1, title: 'Beleuchtung am Bahnhof', paperId: publicPaper, minutes: 'Der Rat berät die Vorlage.' });
  const secretItem = await item(approved, { order: 2, title: `${SECRET}: Einzelfälle`, isPublic: false, paperId: secretPaper, minutes: `${SECRET} Protokoll` });
  const deleted = next();
  const deletedItem = await item(approved, { order: 3, title: 'Zurückgezogener Punkt', createdAt: deleted.createdAt, updatedAt: new Date('2026-06-02T09:00:00Z'), deletedAt: new Date('2026-06-02T09:00:00Z') });
  const draftPublic = await item(draft, { order: 1, title: 'Bericht der AG', minutes: `${SECRET} Entwurfsprotokoll` });

  const decision = async (meetingId: string, agendaItemId: string, values: Partial<typeof councilDecisions.$inferInsert> & { number: string; text: string; voteMode: 'einstimmig' | 'abstimmung' | 'ohne_abstimmung' }) =>
    db.insert(councilDecisions).values({ councilId, meetingId, agendaItemId, ...values, ...next() });
  await decision(approved, publicItem, { number: 'KPR-1/2026', text: 'Die Stadt prüft eine bessere Beleuchtung am Bahnhof.', voteMode: 'abstimmung', votesYes: 7, votesNo: 1, votesAbstain: 2, trackState: 'in_arbeit', ownerPersonId: anna, dueOn: '2026-09-30', trackNote: 'Angebote eingeholt' });
  await decision(approved, secretItem, { number: 'KPR-2/2026', text: `${SECRET} Beschluss`, voteMode: 'einstimmig' });
  await decision(draft, draftPublic, { number: 'KPR-3/2026', text: 'Die AG legt bis Herbst einen Bericht vor.', voteMode: 'einstimmig', trackState: 'offen', ownerPersonId: hidden, dueOn: '2026-10-31' });

  const file = async (ownerType: 'paper' | 'agenda_item' | 'meeting' | 'council', ownerId: string, name: string, content: string, mimeType = 'application/pdf') => {
    const data = Buffer.from(content);
    const [row] = await db.insert(councilFiles).values({
      councilId, ownerType, ownerId, name, fileName: `${name.replace(/[^A-Za-z0-9äöüÄÖÜß-]+/g, '-')}.pdf`, mimeType, size: data.length,
      sha512: createHash('sha512').update(data).digest('hex'), storageKey: 'pending', ...next(),
    }).returning();
    const key = `councils/${councilId}/files/${row!.id}.pdf`;
    await files.put(key, data, mimeType);
    await db.update(councilFiles).set({ storageKey: key }).where(eq(councilFiles.id, row!.id));
    return row!.id;
  };
  const pdf = (text: string) => `%PDF-1.4\n% ${text}\n1 0 obj\n<<>>\nendobj\n%%EOF\n`;
  const files_ = {
    paper: await file('paper', publicPaper, 'Vorlage Beleuchtung Bahnhof', pdf('Vorlage Beleuchtung')),
    secretPaper: await file('paper', secretPaper, `${SECRET} Lagebild`, pdf(SECRET)),
    item: await file('agenda_item', publicItem, 'Präsentation Lichtkonzept', pdf('Lichtkonzept')),
    secretItem: await file('agenda_item', secretItem, `${SECRET} Fallliste`, pdf(SECRET)),
    rules: await file('council', councilId, 'Geschäftsordnung des Präventionsrates', pdf('Geschäftsordnung')),
    // Files of a meeting as such (attendance lists, drafts) stay internal, even with approved minutes.
    attendance: await file('meeting', approved, `${SECRET} Anwesenheitsliste`, pdf(SECRET)),
    draftMinutes: await file('meeting', draft, `${SECRET} Protokollentwurf`, pdf(SECRET)),
  };
  return {
    councilId, plenumId: plenum!.id, groupId: group!.id,
    persons: { anna, bernd, hidden },
    memberships: { annaPlenum, annaGroup, bernd: berndM, hidden: hiddenM },
    locationId: location!.id,
    meetings: { approved, draft },
    items: { public: publicItem, secret: secretItem, deleted: deletedItem, draftPublic },
    papers: { public: publicPaper, secret: secretPaper },
    files: files_,
    hiddenIds: [hidden, hiddenM, secretItem, secretPaper, files_.secretPaper, files_.secretItem, files_.attendance, files_.draftMinutes],
  };
}

type FetchInit = { method?: string; headers?: Record<string, string> };
/** A fetch answered by the app in process (app.inject) for URLs under `origin`: the checker crawls it as a server. */
export function injectFetch(app: { inject: (o: { method: string; url: string; headers?: Record<string, string> }) => Promise<{ statusCode: number; headers: Record<string, unknown>; rawPayload: Buffer }> }, origin: string) {
  return async (url: string, init?: FetchInit): Promise<Response> => {
    const u = new URL(url);
    if (u.origin !== origin) throw new Error(`not on ${origin}: ${url}`);
    const method = init?.method ?? 'GET';
    const res = await app.inject({ method, url: u.pathname + u.search, ...(init?.headers ? { headers: init.headers } : {}) });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? v : [v]) headers.append(k, String(x));
    }
    const body = [204, 304].includes(res.statusCode) || method === 'HEAD' ? null : new Uint8Array(res.rawPayload);
    return new Response(body, { status: res.statusCode, headers });
  };
}
