import { pgTable, text, integer, doublePrecision, timestamp, uuid, boolean, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import type { TCrimeFileFormat } from './crime.types.js';

/** One uploaded PKS file: its format, source and version, who imported it, and the original file. */
export const crimeImports = pgTable('crime_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** bka_kreise (BKA table 01, Kreise) or municipal (a Polizeidirektion's commune table). */
  format: text('format').$type<TCrimeFileFormat>().notNull(),
  years: jsonb('years').$type<number[]>().notNull(),
  source: text('source').notNull(),
  version: text('version').notNull(),
  fileName: text('file_name').notNull(),
  fileKey: text('file_key').notNull(),
  encoding: text('encoding').notNull(),
  rowsImported: integer('rows_imported').notNull(),
  rowsSkipped: integer('rows_skipped').notNull(),
  /** The uploader's directorate when a police user imported (the rows are limited to it). */
  policeDirectorateId: text('police_directorate_id'),
  importedBy: uuid('imported_by'),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Figures per area (Kreis: 5-digit AGS, commune: 8 digits), year and offence key. A later import of the
 * same area and year replaces the earlier one (`current`), which stays for the record.
 */
export const crimeFigures = pgTable('crime_figures', {
  importId: uuid('import_id').notNull().references(() => crimeImports.id, { onDelete: 'cascade' }),
  areaLevel: text('area_level').notNull(),
  areaAgs: text('area_ags').notNull(),
  year: integer('year').notNull(),
  offenceKey: text('offence_key').notNull(),
  offenceLabel: text('offence_label').notNull(),
  cases: integer('cases').notNull(),
  attempts: integer('attempts'),
  solved: integer('solved').notNull(),
  suspects: integer('suspects'),
  /** Häufigkeitszahl and Aufklärungsquote as published (BKA), kept next to the platform's own computation. */
  publishedRate: doublePrecision('published_rate'),
  publishedClearanceRate: doublePrecision('published_clearance_rate'),
  current: boolean('current').notNull().default(true),
}, (t) => [
  primaryKey({ columns: [t.importId, t.areaAgs, t.year, t.offenceKey] }),
  index('crime_figures_area_idx').on(t.areaAgs, t.year),
  index('crime_figures_key_idx').on(t.offenceKey, t.year),
]);
