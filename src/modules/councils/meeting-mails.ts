import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Config } from '../../server/config.js';
import type { Mail, Mailer } from '../../server/mail/mailer.js';
import { councilAgendaItems, councilBodies, councilLocations, councilMemberships, councilPersons, councils } from './schema.js';
import { LABELS } from './councils.types.js';
import { berlinDay, currentOn, personName, type MeetingRow } from './council-records.js';
import { calendar, type CalendarEvent } from './ical.js';
import { councilPaths } from './paths.js';

/** The body's members on the meeting day, with their e-mail address (the invitees). */
export async function meetingInvitees(db: Db, meeting: MeetingRow) {
  const day = berlinDay(meeting.startsAt);
  const rows = await db.select({ m: councilMemberships, p: councilPersons }).from(councilMemberships)
    .innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
    .where(and(eq(councilMemberships.bodyId, meeting.bodyId), isNull(councilMemberships.deletedAt), isNull(councilPersons.deletedAt)))
    .orderBy(asc(councilPersons.familyName), asc(councilPersons.givenName));
  return rows.filter((r) => currentOn(r.m, day)).map((r) => ({
    personId: r.p.id, name: personName(r.p), organisation: r.p.organisation, email: r.p.email, role: r.m.role, roleLabel: LABELS.role[r.m.role], votingRight: r.m.votingRight,
  }));
}

const dateTime = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
const time = (d: Date) => new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d);

export async function meetingContext(db: Db, meeting: MeetingRow) {
  const [[council], [body], location, agenda] = await Promise.all([
    db.select().from(councils).where(eq(councils.id, meeting.councilId)),
    db.select().from(councilBodies).where(eq(councilBodies.id, meeting.bodyId)),
    meeting.locationId ? db.select().from(councilLocations).where(eq(councilLocations.id, meeting.locationId)) : Promise.resolve([]),
    db.select().from(councilAgendaItems).where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt))).orderBy(asc(councilAgendaItems.order)),
  ]);
  const place = location[0] ? [location[0].description, location[0].room, [location[0].streetAddress, [location[0].postalCode, location[0].locality].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(', ') : '';
  return { council: council!, body: body!, place, agenda };
}

export const meetingTitle = (meeting: Pick<MeetingRow, 'title'>, body: { name: string }) => meeting.title || `Sitzung: ${body.name}`;

/** The meeting as a calendar event; `internal` lists non-public agenda items too (invitations to members only). */
export function meetingEvent(meeting: MeetingRow, ctx: Awaited<ReturnType<typeof meetingContext>>, config: Config, internal: boolean): CalendarEvent {
  const items = ctx.agenda.filter((a) => internal || a.isPublic);
  const description = [
    `${ctx.council.name} – ${ctx.body.name}`,
    meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : '',
    items.length ? `Tagesordnung:\n${items.map((a) => `TOP ${a.order}: ${a.title}${internal && !a.isPublic ? ' (nicht öffentlich)' : ''}`).join('\n')}` : '',
  ].filter(Boolean).join('\n\n');
  return {
    uid: `council-meeting-${meeting.id}@${new URL(config.publicUrl).host}`, sequence: meeting.sequence, start: meeting.startsAt, end: meeting.endsAt,
    summary: `${meetingTitle(meeting, ctx.body)} (${ctx.council.shortName || ctx.council.name})`, description,
    location: ctx.place || meeting.onlineUrl, url: `${config.publicUrl}${councilPaths.publicMeeting(ctx.council.id, meeting.id)}`,
    cancelled: meeting.state === 'abgesagt', updatedAt: meeting.updatedAt,
  };
}

export type MeetingMailKind = 'invitation' | 'update' | 'cancellation';

/** Invitation, change or cancellation to every invitee with an e-mail address, each with the .ics (iMIP). */
export async function sendMeetingMails(db: Db, mailer: Mailer, config: Config, meeting: MeetingRow, kind: MeetingMailKind): Promise<number> {
  const ctx = await meetingContext(db, meeting);
  const invitees = (await meetingInvitees(db, meeting)).filter((i) => i.email);
  const event = meetingEvent(meeting, ctx, config, true);
  const title = meetingTitle(meeting, ctx.body);
  const when = `${dateTime(meeting.startsAt)} Uhr${meeting.endsAt ? ` bis ${time(meeting.endsAt)} Uhr` : ''}`;
  const subject = { invitation: `Einladung: ${title} am ${dateTime(meeting.startsAt)} Uhr`, update: `Geänderte Einladung: ${title}`, cancellation: `Abgesagt: ${title} am ${dateTime(meeting.startsAt)} Uhr` }[kind];
  const agenda = ctx.agenda.map((a) => `  TOP ${a.order}  ${a.title}${a.isPublic ? '' : ' (nicht öffentlich)'}`).join('\n');
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const mails: Mail[] = invitees.map((i) => ({
    to: i.email,
    subject,
    text: [
      `Guten Tag ${i.name},`,
      '',
      kind === 'invitation' ? `hiermit lädt ${ctx.council.name} Sie zur Sitzung „${title}“ ein.`
        : kind === 'update' ? `die Sitzung „${title}“ wurde geändert. Es gilt:`
          : `die Sitzung „${title}“ am ${dateTime(meeting.startsAt)} Uhr wird abgesagt.${meeting.cancelReason ? `\nGrund: ${meeting.cancelReason}` : ''}`,
      '',
      ...(kind === 'cancellation' ? [] : [
        `Zeit: ${when}`,
        ctx.place ? `Ort: ${ctx.place}` : '',
        meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : '',
        '',
        agenda ? `Tagesordnung:\n${agenda}` : 'Die Tagesordnung folgt.',
        '',
        `Unterlagen und Tagesordnung: ${config.publicUrl}${councilPaths.meeting(ctx.council.id, meeting.id)}`,
      ]),
      '',
      'Der Termin ist als Kalenderdatei (.ics) angehängt.',
      '',
      `Mit freundlichen Grüßen`,
      ctx.council.office.contactName || ctx.council.name,
      ctx.council.office.place ?? '',
    ].filter((l, idx, all) => !(l === '' && all[idx - 1] === '')).join('\n'),
    icalEvent: {
      method, filename: 'sitzung.ics',
      content: calendar(method, ctx.council.name, [{ ...event, attendees: [{ name: i.name, email: i.email }], organizer: { name: ctx.council.name, email: config.mail.from.replace(/^.*<([^>]+)>.*$/, '$1') } }]),
    },
  }));
  for (const m of mails) await mailer.send(m);
  return mails.length;
}

