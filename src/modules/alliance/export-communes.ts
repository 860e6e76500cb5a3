import ExcelJS from 'exceljs';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { figureContext } from '../../server/figures.js';
import { sheetRows, toCsv } from '../../lib/csv.js';
import { formatDateDe } from '../../lib/dates.js';
import { communes, districts, policeDirectorates } from '../communes/schema.js';
import { allianceFacts, stageOn } from './facts.js';
import { mapFlags, STAGE_LABELS } from './stages.js';

const yes = (b: boolean) => (b ? 'ja' : 'nein');

/** The commune list with stages and layers on `asOf`: one row per active commune. */
export async function communeStageRows(db: Db, asOf: string) {
  const facts = await allianceFacts(figureContext(db));
  const rows = await db.select({ ags: communes.ags, name: communes.name, population: communes.population, district: districts.name, directorate: policeDirectorates.name })
    .from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs)).innerJoin(policeDirectorates, eq(policeDirectorates.id, districts.policeDirectorateId))
    .where(eq(communes.status, 'active')).orderBy(asc(communes.name));
  return rows.map((r) => {
    const f = facts.byAgs.get(r.ags)!;
    const history = facts.histories.get(r.ags) ?? [];
    const stage = stageOn(history, asOf);
    const since = [...history].reverse().find((h) => h.date <= asOf)?.date ?? null;
    const flags = mapFlags(f, asOf, stage);
    const lastConsultation = [...f.consultations].filter((d) => d <= asOf).sort().at(-1) ?? null;
    return {
      AGS: r.ags, Gemeinde: r.name, Kreis: r.district, Polizeidirektion: r.directorate, Einwohner: r.population,
      Stufe: stage ? STAGE_LABELS[stage] : '', 'Stufe seit': since ? formatDateDe(since) : '',
      Modellkommune: yes(flags.modelCommune), Vereinbarung: yes(flags.agreement), Coaching: yes(flags.coaching),
      Sicherheitsanalyse: yes(flags.safetyAnalysis), KPR: yes(flags.council), 'Letzte Beratung': lastConsultation ? formatDateDe(lastConsultation) : '',
    };
  });
}

export async function exportCommuneStages(db: Db, asOf: string, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const rows = await communeStageRows(db, asOf);
  // Semicolon CSV with BOM: opens correctly in German Excel.
  if (format === 'csv') return Buffer.from(`\uFEFF${toCsv(rows, ';')}`, 'utf8');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ASSKomm-Plattform';
  const ws = wb.addWorksheet(`Stand ${formatDateDe(asOf)}`);
  const keys = Object.keys(rows[0] ?? {});
  ws.columns = keys.map((k) => ({ header: k, key: k, width: Math.max(10, k.length + 2) }));
  ws.getColumn('Gemeinde').width = 32;
  ws.getColumn('Kreis').width = 30;
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  ws.addRows(sheetRows(rows));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
