/**
 * The Melderegister extract a commune supplies (pure parsing and checks; no I/O).
 *
 * Format (documented for communes in the UI and README): CSV with a header line, separated by `;` or `,`,
 * encoded in UTF-8 (with or without BOM) or Latin-1/Windows-1252 (detected). Columns, in any order,
 * names case-insensitive:
 *   nachname, vorname, strasse, hausnummer, plz, ort   – the address for the letter (required)
 *   ortsteil                                           – required when strata use the Ortsteil
 *   geburtsjahr (JJJJ) or geburtsdatum (TT.MM.JJJJ)    – required
 *   geschlecht (m, w, d or männlich, weiblich, divers) – required
 *   anrede                                             – optional
 * People younger than 16 on the start of the analysis are left out of the sampling frame (not an error).
 */
import { decodeText, parseCsvRows } from '../../lib/csv.js';

export interface RegisterPerson {
  line: number; lastName: string; firstName: string; salutation: string; street: string; houseNumber: string;
  postalCode: string; city: string; district: string; birthYear: number; sex: 'm' | 'w' | 'd';
}
export interface RegisterError { line: number; field: string; message: string }
export interface ParsedRegister { persons: RegisterPerson[]; under16: number; encoding: 'utf-8' | 'latin-1'; errors: RegisterError[] }

export const AGE_GROUPS = [
  { key: '16-24', from: 16, to: 24 }, { key: '25-34', from: 25, to: 34 }, { key: '35-44', from: 35, to: 44 }, { key: '45-54', from: 45, to: 54 },
  { key: '55-64', from: 55, to: 64 }, { key: '65-74', from: 65, to: 74 }, { key: '75+', from: 75, to: 200 },
] as const;
/** Age in whole years on `day`, counted from the birth year (the register extract gives at least the year). */
export const ageGroupOf = (birthYear: number, day: string) => {
  const age = Number(day.slice(0, 4)) - birthYear;
  return AGE_GROUPS.find((g) => age >= g.from && age <= g.to)?.key ?? null;
};

const SEX: Record<string, 'm' | 'w' | 'd'> = { m: 'm', männlich: 'm', maennlich: 'm', w: 'w', weiblich: 'w', f: 'w', d: 'd', divers: 'd', x: 'd' };
const REQUIRED = ['nachname', 'vorname', 'strasse', 'hausnummer', 'plz', 'ort', 'geschlecht'] as const;

export function parseRegister(data: Buffer, startOn: string, needDistrict: boolean): ParsedRegister {
  const { text, encoding } = decodeText(data);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows = parseCsvRows(text, separator);
  const errors: RegisterError[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase().replace('ß', 'ss').replace('straße', 'strasse'));
  const col = (name: string) => header.indexOf(name);
  const missing = [...REQUIRED, ...(needDistrict ? ['ortsteil'] : [])].filter((c) => col(c) < 0);
  if (col('geburtsjahr') < 0 && col('geburtsdatum') < 0) missing.push('geburtsjahr');
  if (missing.length) return { persons: [], under16: 0, encoding, errors: [{ line: 1, field: missing.join(', '), message: `Es fehlen die Spalten: ${missing.join(', ')}.` }] };
  const persons: RegisterPerson[] = [];
  let under16 = 0;
  const startYear = Number(startOn.slice(0, 4));
  rows.slice(1).forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const get = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
    const bad = (field: string, message: string) => errors.push({ line, field, message });
    for (const c of ['nachname', 'vorname', 'strasse', 'hausnummer', 'ort'] as const) if (!get(c)) bad(c, `„${c}“ ist leer.`);
    const plz = get('plz');
    if (!/^\d{5}$/.test(plz)) bad('plz', `Die Postleitzahl „${plz}“ hat nicht 5 Ziffern.`);
    const birth = get('geburtsjahr') || get('geburtsdatum');
    const year = /^\d{4}$/.test(birth) ? Number(birth) : /^\d{1,2}\.\d{1,2}\.(\d{4})$/.exec(birth)?.[1] ? Number(/(\d{4})$/.exec(birth)![1]) : NaN;
    if (!Number.isInteger(year) || year < startYear - 120 || year > startYear) bad('geburtsjahr', `Das Geburtsjahr „${birth}“ ist nicht lesbar.`);
    const sex = SEX[get('geschlecht').toLowerCase()];
    if (!sex) bad('geschlecht', `Das Geschlecht „${get('geschlecht')}“ ist nicht m, w oder d.`);
    const district = get('ortsteil');
    if (needDistrict && !district) bad('ortsteil', `Der Ortsteil fehlt.`);
    if (errors.length && errors.at(-1)!.line === line) return;
    if (startYear - year < 16) { under16 += 1; return; }
    persons.push({
      line, lastName: get('nachname'), firstName: get('vorname'), salutation: get('anrede'), street: get('strasse'), houseNumber: get('hausnummer'),
      postalCode: plz, city: get('ort'), district, birthYear: year, sex: sex!,
    });
  });
  return { persons, under16, encoding, errors };
}
