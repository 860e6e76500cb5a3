import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { analysisPolicy, analysisSubject } from '../policy.js';
import * as T from '../surveys.types.js';
import { presentProject, viewedBy } from '../projects.js';
import { listProjects } from '../list-projects.js';
import { createAnalysisProject } from '../create-analysis-project.js';
import { setPhaseStatus } from '../set-phase-status.js';
import { setTaskDone } from '../set-task-done.js';
import { updateDistricts } from '../update-districts.js';
import { completeProject } from '../complete-project.js';
import { uploadDistrictAreas } from '../upload-district-areas.js';
import { mapBaseOfProject } from '../map-base.js';

/** Analysis projects: commissioning, the 20-week plan, the commune's checklist, districts, completion. */
export async function projectRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Sicherheitsanalysen'];

  app.get('/analyses', {
    config: { access: analysisPolicy.door('read') },
    schema: { tags, summary: 'Sicherheitsanalysen (Analyst: zugewiesene, Kommune: eigene)', querystring: T.ZProjectListQuery, response: { 200: T.ZProjectList } },
  }, async (request) => listProjects(db, request.actor, request.query));

  app.post('/analyses', {
    config: { access: analysisPolicy.door('commission') },
    schema: { tags, summary: 'Sicherheitsanalyse beauftragen (20-Wochen-Plan, Aufgaben der Kommune, Fragebogenentwurf)', body: T.ZProjectCreate, response: { 201: T.ZProject } },
  }, async (request, reply) => {
    const created = await createAnalysisProject(db, auditContext(request), request.body);
    return reply.status(201).send(await viewedBy(db, request.actor, (await analysisSubject.load(db, created.id))!, created));
  });

  app.get('/analyses/:id', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Eine Sicherheitsanalyse mit Phasen und Aufgaben', params: T.ZProjectParams, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await presentProject(db, project));
  });

  app.put('/analyses/:id/phases/:key', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Stand einer Phase setzen', params: T.ZKeyParams, body: T.ZPhaseUpdate, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await setPhaseStatus(db, auditContext(request), project, request.params.key, request.body));
  });

  app.put('/analyses/:id/tasks/:key', {
    config: analysisPolicy.route('communeTasks'),
    schema: { tags, summary: 'Aufgabe der Kommune abhaken', params: T.ZKeyParams, body: T.ZTaskUpdate, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await setTaskDone(db, auditContext(request), project, request.params.key, request.body));
  });

  app.put('/analyses/:id/districts', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Ortsteile für die Frage nach dem Wohnort', params: T.ZProjectParams, body: T.ZDistrictsUpdate, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await updateDistricts(db, auditContext(request), project, request.body));
  });

  app.put('/analyses/:id/district-areas', {
    config: analysisPolicy.route('work'), bodyLimit: 8 * 1024 * 1024,
    schema: { tags, summary: 'Ortsteilgrenzen hochladen (GeoJSON-FeatureCollection, als Ganzes geprüft) oder mit null entfernen', params: T.ZProjectParams, body: T.ZDistrictAreasUpload, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await uploadDistrictAreas(db, auditContext(request), project, request.body));
  });

  app.get('/analyses/:id/map', {
    config: analysisPolicy.route('read'),
    schema: { tags, summary: 'Kartengrundlage der Analyse: Gemeinde, Nachbargemeinden, Ortsteile, Hintergrundkarte', params: T.ZProjectParams, response: { 200: T.ZMapBase } },
  }, async (request) => mapBaseOfProject(db, analysisPolicy.of(request).id, app.config.mapBase));

  app.post('/analyses/:id/complete', {
    config: analysisPolicy.route('work'),
    schema: { tags, summary: 'Analyse abschließen (zählt in der landesweiten Kennzahl)', params: T.ZProjectParams, body: T.ZComplete, response: { 200: T.ZProject } },
  }, async (request) => {
    const project = analysisPolicy.of(request);
    return viewedBy(db, request.actor, project, await completeProject(db, auditContext(request), project, request.body));
  });
}
