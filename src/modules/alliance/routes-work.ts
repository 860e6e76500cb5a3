import { z } from 'zod';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { fileSlug, sendDownload } from '../../server/http/download.js';
import { todayIso } from '../../lib/dates.js';
import { ZAgsParams } from '../communes/communes.types.js';
import { alliancePolicy as policy } from './policy.js';
import * as T from './alliance.types.js';
import { communeStage } from './commune-stage.js';
import { deleteMilestone, recordMilestone } from './record-milestone.js';
import { communeTimeline, communeTimelinePdf } from './commune-timeline.js';
import { exportCommuneStages } from './export-communes.js';
import { assertCommuneVisible } from './visibility.js';

export async function workRoutes(app: App) {
  const { db } = app.database;
  const stageTags = ['Beteiligungsstufen und Bilanz'];
  app.get('/alliance/communes/:ags/stage', {
    config: { access: policy.readInternal },
    schema: { tags: stageTags, summary: 'Stufe einer Kommune zu einem Stichtag mit datierter Historie', params: ZAgsParams, querystring: T.ZAsOfQuery, response: { 200: T.ZCommuneStage } },
  }, async (request) => {
    const result = await communeStage(db, request.params.ags, request.query.asOf ?? todayIso());
    await assertCommuneVisible(db, request.actor, request.params.ags);
    return result;
  });

  app.post('/alliance/milestones', {
    config: { access: policy.manage },
    schema: { tags: stageTags, summary: 'Ereignis (Erstkontakt, KPR, Analyse, Förderung) oder manuelle Stufenkorrektur erfassen', body: T.ZMilestoneInput, response: { 201: T.ZMilestone } },
  }, async (request, reply) => reply.status(201).send(await recordMilestone(db, auditContext(request), request.body)));

  app.delete('/alliance/milestones/:id', {
    config: { access: policy.manage },
    schema: { tags: stageTags, summary: 'Erfasstes Ereignis löschen', params: T.ZIdParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteMilestone(db, auditContext(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/alliance/communes/:ags/timeline', {
    config: { access: policy.readInternal },
    schema: { tags: stageTags, summary: 'Bilanz: alle Ereignisse einer Kommune in zeitlicher Folge', params: ZAgsParams, response: { 200: T.ZTimeline } },
  }, async (request) => communeTimeline(db, app.platformModules, request.actor, request.params.ags));

  app.get('/alliance/communes/:ags/timeline.pdf', {
    config: { access: policy.readInternal },
    schema: { tags: stageTags, summary: 'Bilanz als PDF', params: ZAgsParams },
  }, async (request, reply) => {
    const t = await communeTimeline(db, app.platformModules, request.actor, request.params.ags);
    return sendDownload(reply, `ASSKomm-Bilanz-${fileSlug(t.commune.name)}.pdf`, 'pdf', await communeTimelinePdf(t));
  });

  app.get('/alliance/communes/export', {
    config: { access: policy.manage },
    schema: { tags: stageTags, summary: 'Gemeindeliste mit Stufen als CSV oder XLSX', querystring: T.ZExportQuery },
  }, async (request, reply) => {
    const asOf = request.query.asOf ?? todayIso();
    return sendDownload(reply, `ASSKomm-Kommunen-${asOf}.${request.query.format}`, request.query.format, await exportCommuneStages(db, asOf, request.query.format));
  });
}
