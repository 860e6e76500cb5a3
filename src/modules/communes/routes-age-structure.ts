import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { ageStructurePolicy } from './policy.js';
import * as T from './communes.types.js';
import { ageStructureForViewer, getAgeStructure } from './get-age-structure.js';
import { saveAgeStructure } from './save-age-structure.js';

const tags = ['Gemeindeverzeichnis'];

export async function ageStructureRoutes(app: App) {
  const { db } = app.database;

  app.get('/communes/:ags/age-structure', {
    config: ageStructurePolicy.route('read', 'ags'),
    schema: { tags, summary: 'Einwohner ab 16 nach Altersgruppe und Geschlecht (Randverteilungen für die Gewichtung), mit Quelle; null, solange keine erfasst ist',
      params: T.ZAgsParams, response: { 200: T.ZAgeStructure.nullable() } },
  }, async (request) => getAgeStructure(db, request.actor, ageStructurePolicy.of(request)));

  app.put('/communes/:ags/age-structure', {
    config: ageStructurePolicy.route('edit', 'ags'),
    schema: { tags, summary: 'Altersstruktur erfassen oder korrigieren (Quelle Pflicht, Versionsprüfung)', params: T.ZAgsParams, body: T.ZAgeStructureInput, response: { 200: T.ZAgeStructure } },
  }, async (request) => {
    const commune = ageStructurePolicy.of(request);
    return ageStructureForViewer(db, request.actor, commune, await saveAgeStructure(db, auditContext(request), commune.ags, request.body));
  });
}
