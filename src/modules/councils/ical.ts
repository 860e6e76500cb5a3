/**
 * iCalendar (RFC 5545) for council meetings: invitations (iTIP REQUEST/CANCEL, RFC 5546) and feeds (PUBLISH).
 * Times are written in UTC; text is escaped and lines are folded at 75 octets.
 */
export interface CalendarEvent {
  uid: string;
  sequence: number;
  start: Date;
  end: Date | null;
  summary: string;
  description: string;
  location: string;
  url?: string;
  cancelled: boolean;
  updatedAt: Date;
  organizer?: { name: string; email: string };
  attendees?: { name: string; email: string }[];
}

const utc = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const escapeParam = (s: string) => `"${s.replace(/["\r\n]/g, '')}"`;

/** Folds a content line: at most 75 octets per line, continuation lines start with a space (never splits a UTF-8 character). */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > (out.length ? 74 : 75)) { out.push(current); current = ''; bytes = 0; }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendar(method: 'REQUEST' | 'CANCEL' | 'PUBLISH', name: string, events: CalendarEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Landespräventionsrat Sachsen//ASSKomm-Plattform//DE', 'CALSCALE:GREGORIAN', `METHOD:${method}`, `X-WR-CALNAME:${escapeText(name)}`, 'X-WR-TIMEZONE:Europe/Berlin'];
  for (const e of events) {
    const end = e.end ?? new Date(e.start.getTime() + 2 * 3600_000);
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${utc(e.updatedAt)}`, `LAST-MODIFIED:${utc(e.updatedAt)}`,
      `DTSTART:${utc(e.start)}`, `DTEND:${utc(end)}`, `SUMMARY:${escapeText(e.summary)}`, `STATUS:${e.cancelled || method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    if (e.organizer) lines.push(`ORGANIZER;CN=${escapeParam(e.organizer.name)}:mailto:${e.organizer.email}`);
    for (const a of e.attendees ?? []) lines.push(`ATTENDEE;CN=${escapeParam(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${a.email}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
