import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, multipart, roleCaller, type Session, type TestApp } from '../../../../test/helpers.js';
import type { Role } from '../../../server/auth/roles.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
const sessions = new Map<Role, Session>();
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'police', 'commune', 'analyst', 'coach']);
  for (const r of ['lpr_staff', 'police', 'commune'] as const) sessions.set(r, await loginAs(t.app, r));
});
afterAll(async () => { await t?.close(); });

const BKA = readFileSync(new URL('../../../../data/crime/bka_pks2022_KR-F-01-T01-Kreise-Faelle-HZ_csv.csv', import.meta.url));
const SCHWARZENBERG = '14521550';
const HEADER = 'AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige';

function upload(who: Role, fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const m = multipart(fields, { ...file, type: 'text/csv' });
  return t.app.inject({ method: 'POST', url: '/api/crime/imports', headers: { ...sessions.get(who)!.headers, ...m.headers }, payload: m.payload });
}
const importCount = async () => (await call('lpr_staff', 'GET', '/api/crime/imports')).json().total as number;

describe('BKA Kreis table (table 01, as published)', () => {
  it('the demo import holds the Saxon Kreise of PKS 2022 with published HZ and clearance rate, and the Land total', async () => {
    const res = await call('commune', 'GET', '/api/crime/kreise?year=2022&key=------');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.kreise).toHaveLength(13);
    const erz = body.kreise.find((k: { ags: string }) => k.ags === '14521');
    expect(erz).toMatchObject({ name: 'Erzgebirgskreis', cases: 10057, solved: 6519, suspects: 4771, crimeRate: 3060, clearanceRate: 64.8 });
    // ISO-8859-1 decoded: umlauts intact.
    expect(body.kreise.map((k: { name: string }) => k.name)).toContain('Görlitz');
    // Saxony = the 13 Kreise (266,609 cases, 155,775 solved in 2022).
    expect(body.saxony).toMatchObject({ cases: 266_609, solved: 155_775 });
    expect(body.saxony.clearanceRate).toBeCloseTo((155_775 / 266_609) * 100, 10);
    expect(body.saxony.crimeRate).toBeCloseTo((266_609 * 100_000) / body.saxony.population, 10);
  });

  it('keeps wildcard offence keys as they are', async () => {
    const { offences, years } = (await call('police', 'GET', '/api/crime/catalogue')).json();
    expect(years).toContain(2022);
    const keys = offences.map((o: { key: string }) => o.key);
    expect(keys[0]).toBe('------');
    expect(keys).toEqual(expect.arrayContaining(['****00', '***100', '*50*00', '326*00', '435*00', '899500']));
    expect(offences.find((o: { key: string }) => o.key === '****00').label).toBe('Diebstahl insgesamt und zwar:');
    const theft = (await call('lpr_staff', 'GET', '/api/crime/kreise?year=2022&key=****00')).json();
    expect(theft.kreise.find((k: { ags: string }) => k.ags === '14521')).toMatchObject({ cases: 2320, solved: 941 });
  });

  it('rejects a damaged table whole, with line numbers, and imports nothing', async () => {
    const before = await importCount();
    const lines = BKA.toString('latin1').split('\n');
    lines[354] = lines[354]!.replace('10,057', '10.05x');   // Erzgebirgskreis, Straftaten insgesamt (line 355)
    lines[754] = lines[754]!.split(';').slice(0, 10).join(';'); // a row cut short (line 755)
    const res = await upload('lpr_staff', { format: 'bka_kreise', year: '2023', version: '1.0' }, { name: 'pks.csv', data: Buffer.from(lines.join('\n'), 'latin1') });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('pks_invalid');
    expect(res.json().errors.map((e: { line: number }) => e.line)).toEqual([355, 755]);
    expect(res.json().errors[0].label).toBe('Zeile 355');
    expect(res.json().errors[0].message).not.toContain('Zeile 355');
    expect(await importCount()).toBe(before);
    expect((await call('lpr_staff', 'GET', '/api/crime/kreise?year=2023&key=------')).json().kreise).toHaveLength(0);
  });

  it('refuses a file without the column-number line, and a missing year', async () => {
    const noNumbers = Buffer.from(BKA.toString('latin1').split('\n').slice(1).join('\n'), 'latin1');
    let res = await upload('lpr_staff', { format: 'bka_kreise', year: '2022', version: '1.0' }, { name: 'pks.csv', data: noNumbers });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain('Spaltennummern');
    res = await upload('lpr_staff', { format: 'bka_kreise', version: '1.0' }, { name: 'pks.csv', data: BKA });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('year');
    res = await upload('lpr_staff', { format: 'bka_kreise', year: '2022' }, { name: 'pks.csv', data: BKA });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('version');
  });

  it('a police user imports only the Kreise of their directorate', async () => {
    const res = await upload('police', { format: 'bka_kreise', year: '2021', version: 'Test' }, { name: 'pks.csv', data: BKA });
    expect(res.statusCode).toBe(201);
    // PD Chemnitz: Chemnitz, Erzgebirgskreis, Mittelsachsen – 3 Kreise × 41 offence groups.
    expect(res.json()).toMatchObject({ rowsImported: 3 * 41, areas: 3, years: [2021] });
    expect(res.json().rowsSkipped).toBe(16_400 - 3 * 41);
    const overview = (await call('lpr_staff', 'GET', '/api/crime/kreise?year=2021&key=------')).json();
    expect(overview.kreise.map((k: { ags: string }) => k.ags).sort()).toEqual(['14511', '14521', '14522']);
    expect(overview.saxony).toBeNull(); // not all Kreise: no Land total
  });
});

describe('municipal table from a Polizeidirektion', () => {
  it('police import figures for their communes; a later import of the same year replaces the earlier one', async () => {
    const csv = [HEADER, `${SCHWARZENBERG};2023;------;Straftaten insgesamt;1.234;800;610`, `${SCHWARZENBERG};2023;****00;Diebstahl insgesamt und zwar:;300;90;70`].join('\n');
    let res = await upload('police', { format: 'municipal', version: 'Lieferung 1' }, { name: 'pd.csv', data: Buffer.from(csv) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'municipal', years: [2023], rowsImported: 2, version: 'Lieferung 1' });
    const corrected = [HEADER, `${SCHWARZENBERG};2023;------;Straftaten insgesamt;1240;805;612`].join('\r\n');
    res = await upload('police', { format: 'municipal', version: 'Lieferung 2', source: 'PD Chemnitz, Korrektur' }, { name: 'pd2.csv', data: Buffer.from(corrected, 'latin1') });
    expect(res.statusCode).toBe(201);
    const stats = (await call('commune', 'GET', `/api/crime/communes/${SCHWARZENBERG}`)).json();
    const total2023 = stats.figures.find((f: { key: string; year: number }) => f.key === '------' && f.year === 2023);
    expect(total2023.commune).toMatchObject({ cases: 1240, solved: 805 });
    expect(total2023.commune.clearanceRate).toBeCloseTo((805 / 1240) * 100, 10);
    expect(stats.figures.find((f: { key: string; year: number }) => f.key === '****00' && f.year === 2023)).toBeUndefined();
    expect(stats.sources.map((s: { version: string }) => s.version)).toContain('Lieferung 2');
    expect(stats.sources.map((s: { version: string }) => s.version)).not.toContain('Lieferung 1');
  });

  it('rejects rows for another directorate, bad numbers and duplicates, naming the lines; nothing is stored', async () => {
    const before = await importCount();
    const csv = [HEADER,
      `${SCHWARZENBERG};2023;------;Straftaten insgesamt;100;50;40`,
      '14612000;2023;------;Straftaten insgesamt;100;50;40',          // Dresden: PD Dresden
      `${SCHWARZENBERG};2023;674000;Sachbeschädigung;viele;5;5`,
      `${SCHWARZENBERG};2023;------;Straftaten insgesamt;100;50;40`,   // duplicate of line 2
      `${SCHWARZENBERG};2023;67400;Sachbeschädigung;10;20;5`,          // key too short
    ].join('\n');
    const res = await upload('police', { format: 'municipal', version: 'x' }, { name: 'pd.csv', data: Buffer.from(csv) });
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { line: number; message: string }[];
    expect([...new Set(errors.map((e) => e.line))]).toEqual([3, 4, 5, 6]);
    expect(errors.find((e) => e.line === 3)!.message).toContain('Polizeidirektion');
    expect(errors.find((e) => e.line === 5)!.message).toContain('Zeile 2');
    expect(await importCount()).toBe(before);
  });

  it('only LPR and police import; communes and coaches are refused', async () => {
    const csv = Buffer.from([HEADER, `${SCHWARZENBERG};2023;------;Straftaten insgesamt;1;1;1`].join('\n'));
    expect((await upload('commune', { format: 'municipal', version: 'x' }, { name: 'a.csv', data: csv })).statusCode).toBe(403);
    const m = multipart({ format: 'municipal', version: 'x' }, { name: 'a.csv', type: 'text/csv', data: csv });
    expect((await t.app.inject({ method: 'POST', url: '/api/crime/imports', headers: m.headers, payload: m.payload })).statusCode).toBe(401);
  });
});

describe('a commune compared with its Kreis and Saxony', () => {
  it('gives HZ, clearance rate and trends per year and offence, with sources and population basis', async () => {
    const res = await call('analyst', 'GET', `/api/crime/communes/${SCHWARZENBERG}`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.commune.name).toContain('Schwarzenberg');
    expect(s.kreis).toEqual({ ags: '14521', name: 'Erzgebirgskreis' });
    expect(s.years).toEqual(expect.arrayContaining([2018, 2019, 2020, 2021, 2022]));
    expect(s.offences[0].key).toBe('------');
    const row = s.figures.find((f: { key: string; year: number }) => f.key === '------' && f.year === 2022);
    expect(row.commune.crimeRate).toBeCloseTo((row.commune.cases * 100_000) / row.commune.population, 10);
    expect(row.kreis).toMatchObject({ cases: 10057, crimeRate: 3060, clearanceRate: 64.8 });
    expect(row.saxony.cases).toBe(266_609);
    const trend = s.trends.find((x: { key: string }) => x.key === '------').commune;
    const [y21, y22] = [trend.find((p: { year: number }) => p.year === 2021), trend.find((p: { year: number }) => p.year === 2022)];
    expect(y22.changeToPrevious).toBeCloseTo(((y22.value - y21.value) / y21.value) * 100, 10);
    expect(s.sources.map((x: { format: string }) => x.format)).toEqual(expect.arrayContaining(['bka_kreise', 'municipal']));
    expect(s.populationBasis).toContain('Gemeindeverzeichnis');
  });

  it('commune figures are internal: own commune, its directorate, its analysts and the LPR only', async () => {
    expect((await call('commune', 'GET', `/api/crime/communes/${SCHWARZENBERG}`)).statusCode).toBe(200);
    expect((await call('police', 'GET', `/api/crime/communes/${SCHWARZENBERG}`)).statusCode).toBe(200);
    expect((await call('commune', 'GET', '/api/crime/communes/14521035')).statusCode).toBe(403);
    expect((await call('analyst', 'GET', '/api/crime/communes/14521035')).statusCode).toBe(403);
    expect((await call('police', 'GET', '/api/crime/communes/14612000')).statusCode).toBe(403);
    expect((await call('coach', 'GET', `/api/crime/communes/${SCHWARZENBERG}`)).statusCode).toBe(403);
    expect((await call('lpr_staff', 'GET', '/api/crime/communes/99999999')).statusCode).toBe(404);
  });

  it('every import is in the audit log', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const log = (await t.app.inject({ method: 'GET', url: '/api/admin/audit?action=crime_statistics.imported', headers: admin.headers })).json();
    const versions = log.items.map((e: { after: { version: string } }) => e.after.version);
    expect(versions).toEqual(expect.arrayContaining(['Lieferung 1', 'Lieferung 2', '1.0 (29.05.2023)']));
    expect(log.items.find((e: { after: { version: string } }) => e.after.version === 'Lieferung 2').actorLabel).toBe('praevention@pd-chemnitz.demo');
  });
});
