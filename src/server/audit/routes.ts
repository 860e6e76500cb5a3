import type { App, PlatformModule } from '../modules.js';
import { definePolicy } from '../auth/policy.js';
import { ZAuditList, ZAuditQuery } from './audit.types.js';
import { searchAuditLog } from './search-audit-log.js';

/** The audit log is read by the LPR administration only. */
export const auditPolicy = definePolicy('audit.log', { read: { lpr_admin: 'any' } });

async function auditRoutes(app: App) {
  const { db } = app.database;
  app.get('/admin/audit', {
    config: { access: auditPolicy.door('read') },
    schema: { tags: ['Protokoll'], summary: 'Änderungsprotokoll durchsuchen', querystring: ZAuditQuery, response: { 200: ZAuditList } },
  }, async (request) => searchAuditLog(db, request.query));
}

export const auditModule: PlatformModule = { name: 'audit', routes: auditRoutes, policies: [auditPolicy] };
