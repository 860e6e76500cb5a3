import type { App, PlatformModule } from '../modules.js';
import { definePolicy } from '../auth/policy.js';
import { sendDownload } from '../http/download.js';
import { toCsv } from '../../lib/csv.js';
import { ZFile } from '../aggregates/aggregates.types.js';
import { auditContext, recordAudit } from './record.js';
import { ZAuditCsvQuery, ZAuditList, ZAuditQuery, ZAuditVocabulary, type TAuditEntry } from './audit.types.js';
import { allAuditEntries, auditVocabulary, searchAuditLog } from './search-audit-log.js';
import { auditCatalog, type AuditVocabulary } from './vocabulary.js';

/** The audit log is read by the LPR administration only. */
export const auditPolicy = definePolicy('audit.log', { read: { lpr_admin: 'any' } });

/** The most rows one CSV export holds (newest first); narrow the filters for older entries. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

const CSV_HEADER = {
  de: ['Zeitpunkt', 'Person', 'Konto', 'Modul', 'Aktion', 'Aktionskennung', 'Objektart', 'Objekt', 'Objekt-ID', 'Änderungen', 'Anfrage-ID'],
  en: ['Time', 'Person', 'Account', 'Module', 'Action', 'Action key', 'Entity type', 'Entity', 'Entity id', 'Changes', 'Request id'],
} as const;

const show = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function csvRow(e: TAuditEntry, lang: 'de' | 'en'): Record<string, unknown> {
  const time = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Berlin' }).format(new Date(e.at));
  const changes = Object.entries(e.changes ?? {}).map(([k, [b, a]]) => `${k}: ${show(b)} → ${show(a)}`).join('\n');
  const values = [time, e.actorName ?? e.actorLabel, e.actorLabel, e.module ?? '', e.actionLabel?.[lang] ?? e.action, e.action,
    e.entityTypeLabel?.[lang] ?? e.entityType, e.entityName ?? '', e.entityId, changes, e.requestId ?? ''];
  return Object.fromEntries(CSV_HEADER[lang].map((h, i) => [h, values[i]]));
}

/** The core's own audit vocabulary: exporting the log is itself logged. */
const coreAudit: AuditVocabulary = {
  actions: { 'audit_log.exported': { de: 'Protokoll exportiert', en: 'Audit log exported' } },
  entities: { audit_log: { label: { de: 'Änderungsprotokoll', en: 'Audit log' } } },
};

async function auditRoutes(app: App) {
  const { db } = app.database;
  const catalog = auditCatalog(app.platformModules);
  const tags = ['Protokoll'];

  app.get('/admin/audit', {
    config: { access: auditPolicy.door('read') },
    schema: { tags, summary: 'Änderungsprotokoll durchsuchen (lesbare Aktionen, Namen statt Kennungen, seitenweise)', querystring: ZAuditQuery, response: { 200: ZAuditList } },
  }, async (request) => searchAuditLog(db, catalog, request.query));

  app.get('/admin/audit/vocabulary', {
    config: { access: auditPolicy.door('read') },
    schema: { tags, summary: 'Auswahllisten der Protokollfilter: Module, Aktionen, Objektarten, Personen', response: { 200: ZAuditVocabulary } },
  }, async () => auditVocabulary(db, catalog));

  app.get('/admin/audit.csv', {
    config: { access: auditPolicy.door('read') },
    schema: { tags, summary: 'Änderungsprotokoll als CSV (UTF-8 mit BOM, Semikolon; dieselben Filter; der Export wird protokolliert)', querystring: ZAuditCsvQuery, response: { 200: ZFile('CSV') } },
  }, async (request, reply) => {
    const { lang, ...filters } = request.query;
    const entries = await allAuditEntries(db, catalog, filters, AUDIT_CSV_MAX_ROWS);
    await recordAudit(db, auditContext(request), { action: 'audit_log.exported', entityType: 'audit_log', entityId: 'csv', after: { filters, rows: entries.length } });
    const csv = toCsv(entries.map((e) => csvRow(e, lang)), ';', [...CSV_HEADER[lang]]);
    return sendDownload(reply, lang === 'de' ? 'aenderungsprotokoll.csv' : 'audit-log.csv', 'csv', Buffer.from(`\uFEFF${csv}`, 'utf8'));
  });
}

export const auditModule: PlatformModule = { name: 'audit', routes: auditRoutes, policies: [auditPolicy], audit: coreAudit };
