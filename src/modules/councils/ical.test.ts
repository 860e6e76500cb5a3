import { describe, expect, it } from 'vitest';
import { calendar, escapeText, fold } from './ical.js';

describe('iCalendar', () => {
  it('escapes text and folds long lines at 75 octets without splitting characters', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    const line = `SUMMARY:${'ä'.repeat(60)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const l of folded) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });

  it('writes a cancellation with its sequence and UTC times', () => {
    const ics = calendar('CANCEL', 'KPR', [{ uid: 'm1@x', sequence: 2, start: new Date('2026-12-10T16:00:00Z'), end: null, summary: 'Sitzung', description: '', location: 'Rathaus', cancelled: true, updatedAt: new Date('2026-12-01T10:00:00Z') }]);
    expect(ics).toContain('METHOD:CANCEL\r\n');
    expect(ics).toContain('SEQUENCE:2\r\n');
    expect(ics).toContain('DTSTART:20261210T160000Z\r\n');
    expect(ics).toContain('DTEND:20261210T180000Z\r\n');
    expect(ics).toContain('STATUS:CANCELLED\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
