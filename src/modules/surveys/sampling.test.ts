import { describe, expect, it } from 'vitest';
import { allocate, drawSample, seededRandom } from './sampling.js';
import { parseRegister } from './register-csv.js';

function register(rows: number) {
  const districts = ['Altstadt', 'Sonnenleithe', 'Heide'];
  const lines = ['nachname;vorname;strasse;hausnummer;plz;ort;ortsteil;geburtsjahr;geschlecht'];
  for (let i = 0; i < rows; i++) lines.push(`Muster${i};Erika;Hauptstraße;${i + 1};08340;Schwarzenberg;${districts[i % 3]};${1940 + (i % 70)};${i % 2 ? 'm' : 'w'}`);
  return Buffer.from(lines.join('\n'));
}

describe('register extract', () => {
  it('reads UTF-8 and Latin-1, leaves out under-16s and names every bad line', () => {
    const utf = parseRegister(Buffer.from('Nachname;Vorname;Straße;Hausnummer;PLZ;Ort;Geburtsjahr;Geschlecht\nMüller;Jörg;Schloßstraße;1;08340;Schwarzenberg;1970;männlich\nKind;Kim;Weg;2;08340;Schwarzenberg;2020;w\n'), '2026-09-07', false);
    expect(utf).toMatchObject({ encoding: 'utf-8', under16: 1, errors: [] });
    expect(utf.persons[0]).toMatchObject({ lastName: 'Müller', street: 'Schloßstraße', sex: 'm' });
    const latin = parseRegister(Buffer.from('nachname,vorname,strasse,hausnummer,plz,ort,geburtsdatum,geschlecht\nMüller,Jörg,Schloßstraße,1,08340,Schwarzenberg,01.02.1970,m\n', 'latin1'), '2026-09-07', false);
    expect(latin).toMatchObject({ encoding: 'latin-1', errors: [] });
    expect(latin.persons[0]!.lastName).toBe('Müller');
    const bad = parseRegister(Buffer.from('nachname;vorname;strasse;hausnummer;plz;ort;ortsteil;geburtsjahr;geschlecht\nA;B;C;1;0834;D;X;1970;w\nA;B;C;1;08340;D;;19x0;q\n'), '2026-09-07', true);
    expect(bad.errors.map((e) => `${e.line}:${e.field}`)).toEqual(['2:plz', '3:geburtsjahr', '3:geschlecht', '3:ortsteil']);
    expect(parseRegister(Buffer.from('name;ort\nx;y\n'), '2026-09-07', false).errors[0]!.message).toContain('Es fehlen die Spalten');
  });
});

describe('stratified sampling', () => {
  it('allocates proportionally (summing to n) or equally (capped by the stratum size)', () => {
    expect(allocate([500, 300, 200], 100, 'proportional')).toEqual([50, 30, 20]);
    expect(allocate([333, 333, 334], 100, 'proportional').reduce((s, x) => s + x, 0)).toBe(100);
    expect(allocate([10, 300, 300], 90, 'fixed')).toEqual([10, 40, 40]);
  });

  it('draws the same persons again from the same seed, and others from another', () => {
    const { persons } = parseRegister(register(900), '2026-09-07', true);
    const a = drawSample(persons, { by: 'district_age_sex', allocation: 'proportional', size: 120, seed: 42, startOn: '2026-09-07' });
    const b = drawSample(persons, { by: 'district_age_sex', allocation: 'proportional', size: 120, seed: 42, startOn: '2026-09-07' });
    const c = drawSample(persons, { by: 'district_age_sex', allocation: 'proportional', size: 120, seed: 43, startOn: '2026-09-07' });
    expect(a.drawn).toHaveLength(120);
    expect(a.drawn.map((p) => p.line)).toEqual(b.drawn.map((p) => p.line));
    expect(a.drawn.map((p) => p.line)).not.toEqual(c.drawn.map((p) => p.line));
    expect(a.strata.reduce((s, x) => s + x.population, 0)).toBe(900);
    for (const s of a.strata) expect(a.drawn.filter((p) => p.stratumKey === s.key)).toHaveLength(s.sampleSize);
    expect(a.strata[0]!.key).toMatch(/^Altstadt\|\d{2}-\d{2}\|[mw]$|^Altstadt\|75\+\|[mw]$/);
  });

  it('gives uniform-looking random numbers', () => {
    const r = seededRandom(7);
    const xs = Array.from({ length: 10000 }, r);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
