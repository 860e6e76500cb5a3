import type { App } from '../modules.js';
import { access, isAllowed } from '../http/access.js';
import { forbidden, notFound } from '../http/problem.js';
import { sendExport, type ExportDefinition } from './exports.js';
import { EXPORT_FORMATS, ZExportList, ZExportListQuery, ZExportParams, ZExportQuery, ZFile } from './aggregates.types.js';

const tags = ['Exporte'];

/** Every module's exports: which ones the viewer may download, and each as CSV or XLSX. */
export async function exportsRoutes(app: App) {
  const { db } = app.database;
  const definitions = new Map<string, ExportDefinition>();
  for (const d of app.platformModules.flatMap((m) => m.exports ?? [])) {
    if (definitions.has(d.key)) throw new Error(`Two modules define the export "${d.key}".`);
    definitions.set(d.key, d);
  }

  app.get('/exports', {
    config: { access: access.authenticated },
    schema: { tags, summary: 'Die Exporte, die Sie herunterladen dürfen', querystring: ZExportListQuery, response: { 200: ZExportList } },
  }, async (request) => ({
    items: [...definitions.values()].filter((d) => isAllowed(d.access, request.actor))
      .map((d) => ({ key: d.key, label: d.label[request.query.lang], formats: [...EXPORT_FORMATS], href: `/api/exports/${encodeURIComponent(d.key)}` })),
  }));

  app.get('/exports/:key', {
    config: { access: access.authenticated },
    schema: { tags, summary: 'Einen Export als CSV oder XLSX herunterladen (Stand: Stichtag, sonst heute)', params: ZExportParams, querystring: ZExportQuery, response: { 200: ZFile('CSV oder XLSX') } },
  }, async (request, reply) => {
    const definition = definitions.get(request.params.key);
    if (!definition) throw notFound('Diesen Export gibt es nicht.');
    if (!isAllowed(definition.access, request.actor)) throw forbidden();
    return sendExport(reply, db, definition, request.query, request.actor);
  });
}
