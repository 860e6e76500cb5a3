import { z } from 'zod';
import type { App } from '../../../server/modules.js';
import { auditContext } from '../../../server/audit/record.js';
import { sendExport } from '../../../server/aggregates/exports.js';
import { ZAsOfQuery, ZExportQuery, ZFile } from '../../../server/aggregates/aggregates.types.js';
import { todayIso } from '../../../lib/dates.js';
import { ZAgsParams } from '../../communes/communes.types.js';
import { allianceCommunePolicy, milestonePolicy } from '../policy.js';
import { communeStage } from './commune-stage.js';
import { recordMilestone } from './record-milestone.js';
import { deleteMilestone } from './delete-milestone.js';
import { communeStagesExport } from './export-communes.js';
import { ZCommuneStage, ZMilestone, ZMilestoneInput, ZMilestoneParams } from './stages.types.js';

const tags = ['Beteiligungsstufen und Bilanz'];

/** A commune's stage and milestones, and the commune list with stages (also served by the core as an export). */
export async function stageRoutes(app: App) {
  const { db } = app.database;

  app.get('/alliance/communes/:ags/stage', {
    config: allianceCommunePolicy.route('readInternal', 'ags'),
    schema: { tags, summary: 'Stufe einer Kommune zu einem Stichtag mit datierter Historie', params: ZAgsParams, querystring: ZAsOfQuery, response: { 200: ZCommuneStage } },
  }, async (request) => communeStage(db, request.actor, allianceCommunePolicy.of(request), request.query.asOf ?? todayIso()));

  app.post('/alliance/milestones', {
    config: { access: allianceCommunePolicy.door('manage') },
    schema: { tags, summary: 'Ereignis (Erstkontakt, KPR, Analyse, Förderung) oder manuelle Stufenkorrektur erfassen', body: ZMilestoneInput, response: { 201: ZMilestone } },
  }, async (request, reply) => reply.status(201).send(await recordMilestone(db, auditContext(request), request.body)));

  app.delete('/alliance/milestones/:id', {
    config: milestonePolicy.route('manage'),
    schema: { tags, summary: 'Erfasstes Ereignis löschen', params: ZMilestoneParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteMilestone(db, auditContext(request), milestonePolicy.of(request));
    return reply.status(204).send(null);
  });

  app.get('/alliance/communes/export', {
    config: { access: communeStagesExport.access },
    schema: { tags, summary: `Gemeindeliste mit Stufen als CSV oder XLSX (auch /api/exports/${communeStagesExport.key})`, querystring: ZExportQuery, response: { 200: ZFile('CSV oder XLSX') } },
  }, async (request, reply) => sendExport(reply, db, communeStagesExport, request.query, request.actor));
}
