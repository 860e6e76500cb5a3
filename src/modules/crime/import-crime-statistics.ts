import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { FileStorage } from '../../server/files/storage.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem, unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { communes, districts, policeDirectorates } from '../communes/schema.js';
import { crimeFigures, crimeImports } from './schema.js';
import { parsePksFileOffLoop, type PksScope } from './parse-pks-file.js';
import { recordCrimeAudit } from './audit.js';
import type { Importer } from './policy.js';
import type { TCrimeFileFormat, TCrimeImportOptions, TCrimeImportResult } from './crime.types.js';

export const MAX_PKS_BYTES = 20 * 1024 * 1024;
const DEFAULT_SOURCE: Record<TCrimeFileFormat, string> = {
  bka_kreise: 'Polizeiliche Kriminalstatistik, Bundeskriminalamt, Tabelle 01 (Kreise)',
  municipal: 'Polizeiliche Kriminalstatistik, Gemeindetabelle der Polizeidirektion',
};

/** Options that do not fit together (a BKA table needs its year); checked before the file is read. */
export function checkImportOptions(options: TCrimeImportOptions): TCrimeImportOptions {
  if (options.format === 'bka_kreise' && !options.year) throw new Problem(400, 'validation_failed', 'Berichtsjahr: Bitte geben Sie das Berichtsjahr der BKA-Tabelle an.', { field: 'year', errors: [{ field: 'year', label: 'Berichtsjahr', message: 'Bitte geben Sie das Berichtsjahr der BKA-Tabelle an.' }] });
  return options;
}

/**
 * Imports a PKS file all-or-nothing, for the areas of `importer` (see importableAreas): a BKA table's rows of
 * other Kreise are skipped, a municipal row for a commune of another directorate is an error. Figures of the
 * same area and year from an earlier import stop being current.
 */
export async function importCrimeStatistics(db: Db, files: FileStorage, ctx: AuditContext, importer: Importer, file: { name: string; data: Buffer }, options: TCrimeImportOptions): Promise<TCrimeImportResult> {
  if (file.data.length > MAX_PKS_BYTES) throw new Problem(413, 'file_too_large', `Die Datei darf höchstens ${MAX_PKS_BYTES / 1024 / 1024} MB groß sein.`, { field: 'file' });
  checkImportOptions(options);
  const lpr = importer.all;
  const directorates = importer.all ? [] : importer.directorates;

  const ownKreise = importer.all ? (await db.select({ ags: districts.ags }).from(districts)).map((k) => k.ags) : importer.kreise;
  const scope: PksScope = { format: options.format, year: options.year, ownKreise, kreisOf: [], own: '', currentYear: Number(todayIso().slice(0, 4)) };
  if (options.format !== 'bka_kreise') {
    scope.kreisOf = (await db.select({ ags: communes.ags, kreis: communes.districtAgs }).from(communes)).map((r) => [r.ags, r.kreis]);
    const names = new Map((await db.select().from(policeDirectorates)).map((d) => [d.id, d.name]));
    scope.own = directorates.map((d) => names.get(d) ?? d).join(', ');
  }
  // Large files are parsed in a worker thread, so the server keeps answering meanwhile.
  const parsed = await parsePksFileOffLoop(file.data, scope);
  if (parsed.errors.length) {
    throw new Problem(422, 'pks_invalid', `Die Datei enthält ${parsed.errors.length} fehlerhafte Zeile(n); es wurde nichts übernommen.`, {
      field: 'file', errors: parsed.errors.slice(0, 200).map((e) => ({ field: 'file', label: `Zeile ${e.line}`, message: e.message, line: e.line })),
    });
  }
  if (!parsed.rows.length) throw unprocessable('pks_empty', options.format === 'bka_kreise' ? 'Die Tabelle enthält keine Zeilen für Ihre Kreise.' : 'Die Datei enthält keine Zeilen.', 'file');

  const areaLevel = options.format === 'bka_kreise' ? 'kreis' : 'commune';
  const years = [...new Set(parsed.rows.map((r) => r.year))].sort();
  return db.transaction(async (tx) => {
    const [record] = await tx.insert(crimeImports).values({
      format: options.format, years, source: options.source?.trim() || DEFAULT_SOURCE[options.format], version: options.version.trim(),
      fileName: file.name.slice(0, 200), fileKey: '', encoding: parsed.encoding, rowsImported: parsed.rows.length, rowsSkipped: parsed.skipped,
      policeDirectorateId: lpr ? null : directorates.join(','), importedBy: ctx.actorId,
    }).returning();
    const key = `crime/${record!.id}/${file.name.replace(/[^\w.-]+/g, '_').slice(0, 120) || 'pks.csv'}`;
    await files.put(key, file.data, 'text/csv');
    await tx.update(crimeImports).set({ fileKey: key }).where(eq(crimeImports.id, record!.id));
    // Earlier figures for the same areas and years are superseded, not deleted.
    const areas = [...new Set(parsed.rows.map((r) => r.areaAgs))];
    for (let i = 0; i < areas.length; i += 500) {
      await tx.update(crimeFigures).set({ current: false })
        .where(and(inArray(crimeFigures.areaAgs, areas.slice(i, i + 500)), inArray(crimeFigures.year, years), eq(crimeFigures.current, true)));
    }
    const values = parsed.rows.map((r) => ({
      importId: record!.id, areaLevel, areaAgs: r.areaAgs, year: r.year, offenceKey: r.offenceKey, offenceLabel: r.offenceLabel, cases: r.cases,
      attempts: r.attempts, solved: r.solved, suspects: r.suspects, publishedRate: r.publishedRate, publishedClearanceRate: r.publishedClearanceRate,
    }));
    for (let i = 0; i < values.length; i += 1000) await tx.insert(crimeFigures).values(values.slice(i, i + 1000));
    const summary = { id: record!.id, format: options.format, years, source: record!.source, version: record!.version, fileName: record!.fileName, rowsImported: parsed.rows.length, rowsSkipped: parsed.skipped, areas: areas.length };
    await recordCrimeAudit(tx, ctx, { action: 'crime_statistics.imported', entityType: 'crime_import', entityId: record!.id, after: summary });
    return { ...summary, encoding: parsed.encoding, importedAt: record!.importedAt.toISOString() };
  });
}
