import { readFile } from 'node:fs/promises';
import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import { seededRandom } from '../surveys/sampling.js';
import { importCrimeStatistics } from './import-crime-statistics.js';

const BKA_KREISE_2022 = new URL('../../../data/crime/bka_pks2022_KR-F-01-T01-Kreise-Faelle-HZ_csv.csv', import.meta.url);

/** Städtebund Silberberg: Aue-Bad Schlema, Lauter-Bernsbach, Lößnitz, Schneeberg, Schwarzenberg. */
const SILBERBERG = ['14521035', '14521355', '14521370', '14521530', '14521550'];

/**
 * The real BKA PKS 2022 Kreis table (Saxon Kreise, through the real import), and invented commune
 * figures 2018–2022 for the Städtebund Silberberg in the Polizeidirektion's format: each town gets a share
 * of the Erzgebirgskreis' 2022 cases by population, with a gentle trend and noise (fixed seed).
 */
export async function seedCrimeDemo(ctx: SeedContext) {
  const sys = systemContext('demo-seed');
  const bka = await importCrimeStatistics(ctx.db, ctx.files, sys, { all: true }, { name: 'bka_pks2022_KR-F-01-T01-Kreise-Faelle-HZ_csv.csv', data: await readFile(BKA_KREISE_2022) },
    { format: 'bka_kreise', year: 2022, version: '1.0 (29.05.2023)', source: 'Polizeiliche Kriminalstatistik 2022, Bundeskriminalamt, Tabelle 01 (Kreise)' });

  const kreis = await ctx.db.execute(`select offence_key, offence_label, cases, solved from crime_figures where area_ags = '14521' and year = 2022 and current`) as unknown as { rows: { offence_key: string; offence_label: string; cases: number; solved: number }[] };
  const populations = await ctx.db.execute(`select ags, population from communes where ags in (${SILBERBERG.map((a) => `'${a}'`).join(',')})`) as unknown as { rows: { ags: string; population: number }[] };
  const kreisPopulation = 328_000;
  const random = seededRandom(2022_14521);
  const lines = ['AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige'];
  for (const { ags, population } of populations.rows) {
    // Towns see somewhat more recorded crime per head than the rural Kreis average.
    const urban = 1.15 + random() * 0.3;
    for (const year of [2018, 2019, 2020, 2021, 2022]) {
      const drift = 1 + (2022 - year) * (0.03 + random() * 0.02);
      for (const row of kreis.rows) {
        const expected = (row.cases * population) / kreisPopulation * urban * drift;
        const cases = Math.max(0, Math.round(expected * (0.85 + random() * 0.3)));
        const solved = Math.min(cases, Math.round(cases * (row.cases ? row.solved / row.cases : 0.6) * (0.9 + random() * 0.2)));
        lines.push(`${ags};${year};${row.offence_key};${row.offence_label.replaceAll(';', ',')};${cases};${solved};${Math.round(solved * 0.75)}`);
      }
    }
  }
  const municipal = await importCrimeStatistics(ctx.db, ctx.files, sys, { all: true }, { name: 'pd-chemnitz-silberberg-2018-2022.csv', data: Buffer.from(lines.join('\n')) },
    { format: 'municipal', version: 'Lieferung 15.03.2023 (Demo)', source: 'Demo-Daten (erfunden) im Format der Gemeindetabelle der Polizeidirektion Chemnitz' });
  ctx.log(`demo crime statistics: ${bka.rowsImported} Kreis rows (BKA 2022), ${municipal.rowsImported} commune rows`);
}
