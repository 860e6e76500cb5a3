import { describe, expect, it } from 'vitest';
import { csvField, parseCsvRows, sheetRows, toCsv } from './csv.js';

describe('CSV writer', () => {
  it('neutralises text that spreadsheets would run as a formula (OWASP): quote prefix and quoted field', () => {
    for (const s of ['=HYPERLINK("https://example.org","Klick")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0']) {
      const field = csvField(s, ';');
      expect(field.startsWith(`"'`)).toBe(true);
      expect(parseCsvRows(field, ';')[0]![0]).toBe(`'${s}`);
    }
    expect(csvField('Mehr Licht', ';')).toBe('Mehr Licht');
    expect(csvField('a=b', ';')).toBe('a=b');
  });

  it('leaves numbers as numbers: only text is changed', () => {
    expect(csvField(-5, ';')).toBe('-5');
    expect(csvField(-0.25, ';')).toBe('-0.25');
    expect(csvField('-9', ';')).toBe('-9');
    expect(csvField('-2,5', ';')).toBe('-2,5');
    expect(toCsv([{ a: -3, b: '=1+1', c: 2.5 }], ';')).toBe(`a;b;c\n-3;"'=1+1";2.5\n`);
    expect(toCsv([], ';', ['x', '=y'])).toBe(`x;"'=y"\n`);
  });

  it('gives spreadsheet rows only text, numbers, booleans and dates (no formula or hyperlink objects)', () => {
    expect(sheetRows([{ a: '=1+1', b: -4, c: { formula: 'A1' }, d: null, e: undefined }])).toEqual([{ a: '=1+1', b: -4, c: '{"formula":"A1"}', d: null, e: null }]);
  });
});
