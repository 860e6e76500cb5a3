import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatDateDe, monthEnds, todayIso } from './dates.js';

describe('dates', () => {
  it('gives the Saxon calendar day, not the UTC one', () => {
    expect(todayIso(new Date('2021-10-31T23:30:00Z'))).toBe('2021-11-01');
    expect(todayIso(new Date('2022-07-22T10:00:00Z'))).toBe('2022-07-22');
  });
  it('formats German dates', () => expect(formatDateDe('2021-12-17')).toBe('17.12.2021'));
  it('lists month ends up to and including the last day', () => {
    expect(monthEnds('2021-11-15', '2022-02-10')).toEqual(['2021-11-30', '2021-12-31', '2022-01-31', '2022-02-10']);
    expect(monthEnds('2022-01-01', '2022-01-31')).toEqual(['2022-01-31']);
  });
  it('counts calendar days across month and year ends', () => {
    expect(addDays('2021-12-30', 3)).toBe('2022-01-02');
    expect(addDays('2022-03-01', -1)).toBe('2022-02-28');
    expect(daysBetween('2019-01-01', '2021-11-01')).toBe(1035);
  });
});
