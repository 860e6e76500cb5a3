import { describe, expect, it } from 'vitest';
import { berlinDay, berlinDayStart, nextDay } from './council-records.js';

describe('Berlin calendar days', () => {
  it('begin at midnight local time in winter and in summer, and around the clock changes', () => {
    expect(berlinDayStart('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(berlinDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(berlinDayStart('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z'); // clocks go forward at 02:00
    expect(berlinDayStart('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z'); // clocks go back at 03:00
    expect(berlinDay(new Date(berlinDayStart('2026-10-26').getTime() - 1))).toBe('2026-10-25');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});
