import type { FastifyReply } from 'fastify';
import type { Db } from '../db/client.js';
import type { Actor } from '../auth/roles.js';
import type { Access } from '../http/access.js';
import { sendDownload } from '../http/download.js';
import { sheetRows, toCsv } from '../../lib/csv.js';
import { todayIso } from '../../lib/dates.js';
import type { TExportFormat } from './aggregates.types.js';

/**
 * A table a module offers for download as CSV and XLSX, as of a day (e.g. the alliance's commune list with
 * stages). The core serves it under /api/exports/{key} to whoever passes `access`, and writes both formats
 * safely (no value becomes a formula).
 */
export interface ExportDefinition {
  /** Unique, e.g. `alliance.communeStages`. */
  key: string;
  label: { de: string; en: string };
  /** Who may download it. */
  access: Access;
  /** The file name without extension. */
  fileName(asOf: string): string;
  /** The XLSX worksheet's name. */
  sheetName(asOf: string): string;
  /** XLSX column widths by column; others are as wide as their heading (at least 10). */
  widths?: Record<string, number>;
  /** One record per row as of `asOf`; the first record's keys are the columns. */
  rows(db: Db, asOf: string, actor: Actor | null): Promise<Record<string, unknown>[]>;
}

/** The export as a file: semicolon CSV with BOM (opens correctly in German Excel) or XLSX with a frozen, filterable heading. */
async function renderExport(db: Db, definition: ExportDefinition, format: TExportFormat, asOf: string, actor: Actor | null): Promise<Buffer> {
  const rows = await definition.rows(db, asOf, actor);
  if (format === 'csv') return Buffer.from(`\uFEFF${toCsv(rows, ';')}`, 'utf8');
  const { default: ExcelJS } = await import('exceljs'); // on first use, not at every server start
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ASSKomm-Plattform';
  const ws = wb.addWorksheet(definition.sheetName(asOf));
  const keys = Object.keys(rows[0] ?? {});
  ws.columns = keys.map((k) => ({ header: k, key: k, width: definition.widths?.[k] ?? Math.max(10, k.length + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  if (keys.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: keys.length } };
  ws.addRows(sheetRows(rows));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sends the export as a download (the core's route and a module's older address share this). */
export async function sendExport(reply: FastifyReply, db: Db, definition: ExportDefinition, query: { format: TExportFormat; asOf?: string | undefined }, actor: Actor | null) {
  const asOf = query.asOf ?? todayIso();
  return sendDownload(reply, `${definition.fileName(asOf)}.${query.format}`, query.format, await renderExport(db, definition, query.format, asOf, actor));
}
