import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import { councilAgendaItems, councilAttendance, councilBodies, councilDecisions, councilLocations, councilMeetings, councilPersons } from './schema.js';
import type { TAttendanceStatus } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { councilLetterhead, dateDe, longDateDe, timeDe, type Letterhead } from './letterhead.js';
import { berlinDay, meetingOf, personName } from './council-records.js';

export interface MinutesAttendee { name: string; organisation: string }
export interface MinutesDecision { number: string; text: string; adopted: boolean; vote: string }
export interface MinutesItem { order: number; title: string; isPublic: boolean; minutes: string; decisions: MinutesDecision[] }

/** Everything an Ergebnisprotokoll shows, in German, ready for PDF and DOCX. */
export interface MinutesModel {
  letterhead: Letterhead;
  council: string;
  body: string;
  title: string;
  /** "Donnerstag, 10. Dezember 2026" */
  date: string;
  /** "17:00 – 19:00 Uhr" */
  time: string;
  place: string;
  draft: boolean;
  /** "Genehmigt am 14.01.2027 in der Sitzung vom 14.01.2027" */
  approval: string | null;
  general: string;
  present: MinutesAttendee[];
  excused: MinutesAttendee[];
  guests: MinutesAttendee[];
  /** Attendees left unnamed in the public version (no consent to be named). */
  unnamed: number;
  items: MinutesItem[];
  publicOnly: boolean;
  /** For the file name: 2026-12-10 */
  day: string;
}

export const DRAFT_LABEL = 'Entwurf – nicht genehmigt';

/** "einstimmig beschlossen", "beschlossen (Ja 7, Nein 1, Enthaltungen 2)", "abgelehnt (…)". */
export function voteText(d: { voteMode: string; votesYes: number | null; votesNo: number | null; votesAbstain: number | null; adopted: boolean }): string {
  const outcome = d.adopted ? 'beschlossen' : 'abgelehnt';
  if (d.voteMode === 'einstimmig') return `einstimmig ${outcome}`;
  if (d.voteMode === 'ohne_abstimmung') return d.adopted ? 'ohne Abstimmung beschlossen' : 'ohne Abstimmung abgelehnt';
  const parts = [d.votesYes !== null ? `Ja ${d.votesYes}` : null, d.votesNo !== null ? `Nein ${d.votesNo}` : null, d.votesAbstain !== null ? `Enthaltungen ${d.votesAbstain}` : null].filter(Boolean);
  return parts.length ? `${outcome} (${parts.join(', ')})` : outcome;
}

/**
 * The minutes of a meeting. `publicOnly` (the public version of approved minutes) leaves out non-public agenda
 * items with their decisions, and names only attendees who consented to be named publicly.
 */
export async function minutesModel(db: Db, files: FileStorage, council: CouncilRow, meetingId: string, options: { publicOnly: boolean }): Promise<MinutesModel> {
  const meeting = await meetingOf(db, council.id, meetingId);
  const [body] = await db.select().from(councilBodies).where(eq(councilBodies.id, meeting.bodyId));
  const [location] = meeting.locationId ? await db.select().from(councilLocations).where(eq(councilLocations.id, meeting.locationId)) : [];
  const attendance = await db.select({ status: councilAttendance.status, person: councilPersons }).from(councilAttendance)
    .innerJoin(councilPersons, eq(councilPersons.id, councilAttendance.personId))
    .where(and(eq(councilAttendance.meetingId, meeting.id), isNull(councilPersons.deletedAt)))
    .orderBy(asc(councilPersons.familyName), asc(councilPersons.givenName));
  const items = (await db.select().from(councilAgendaItems)
    .where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt))).orderBy(asc(councilAgendaItems.order)))
    .filter((i) => !options.publicOnly || i.isPublic);
  const decisions = items.length ? await db.select().from(councilDecisions)
    .where(and(inArray(councilDecisions.agendaItemId, items.map((i) => i.id)), isNull(councilDecisions.deletedAt))).orderBy(asc(councilDecisions.createdAt), asc(councilDecisions.number)) : [];
  const [approvedIn] = meeting.minutesApprovedInMeetingId
    ? await db.select({ startsAt: councilMeetings.startsAt }).from(councilMeetings).where(eq(councilMeetings.id, meeting.minutesApprovedInMeetingId)) : [];

  let unnamed = 0;
  const list = (status: TAttendanceStatus) => attendance.filter((a) => a.status === status).flatMap((a) => {
    if (options.publicOnly && !a.person.publicConsent) { unnamed += 1; return []; }
    return [{ name: personName(a.person), organisation: a.person.organisation }];
  });
  const place = location ? [location.description, location.room, [location.streetAddress, [location.postalCode, location.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(', ') : '';
  const approval = meeting.minutesState === 'genehmigt'
    ? `Genehmigt${meeting.minutesApprovedOn ? ` am ${dateDe(new Date(`${meeting.minutesApprovedOn}T12:00:00Z`))}` : ''}${approvedIn ? ` in der Sitzung vom ${dateDe(approvedIn.startsAt)}` : ''}`
    : null;
  const bodyName = body?.name ?? council.name;
  return {
    letterhead: await councilLetterhead(db, files, council),
    council: council.name,
    body: bodyName,
    title: meeting.title || `Sitzung ${body?.kind === 'plenum' ? 'des Plenums' : `– ${bodyName}`}`,
    date: longDateDe(meeting.startsAt),
    time: `${timeDe(meeting.startsAt)}${meeting.endsAt ? ` – ${timeDe(meeting.endsAt)}` : ''} Uhr`,
    place: [place, meeting.onlineUrl ? 'online' : ''].filter(Boolean).join('; ') || 'nicht angegeben',
    draft: meeting.minutesState !== 'genehmigt',
    approval,
    general: meeting.minutesGeneral,
    present: list('anwesend'),
    excused: list('entschuldigt'),
    guests: list('gast'),
    unnamed,
    items: items.map((i) => ({
      order: i.order, title: i.title, isPublic: i.isPublic, minutes: i.minutes,
      decisions: decisions.filter((d) => d.agendaItemId === i.id).map((d) => ({ number: d.number, text: d.text, adopted: d.adopted, vote: voteText(d) })),
    })),
    publicOnly: options.publicOnly,
    day: berlinDay(meeting.startsAt),
  };
}

/** "Ergebnisprotokoll Plenum 2026-12-10.pdf" with the body's name as written. */
export const minutesFileName = (m: MinutesModel, format: 'pdf' | 'docx') =>
  `Ergebnisprotokoll ${m.body.replace(/[\\/:*?"<>|]+/g, '-')} ${m.day}${m.draft ? ' (Entwurf)' : ''}${m.publicOnly ? ' (öffentlich)' : ''}.${format}`;
