import { z } from 'zod';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { App } from '../../server/modules.js';
import { auditContext } from '../../server/audit/record.js';
import { ZListQuery } from '../../server/http/paging.js';
import { isAllowed } from '../../server/http/access.js';
import { ZId, ZString, ZVersionParam } from '../../server/http/zod.js';
import { readUpload } from '../../server/http/form-fields.js';
import { forbidden } from '../../server/http/problem.js';
import { analysisProjects } from '../surveys/schema.js';
import { recommendations } from '../evaluation/schema.js';
import { councilFoundingPolicy, councilPolicy as policy } from './policy.js';
import * as T from './councils.types.js';
import * as V from './councils.views.js';
import { listCouncils } from './list-councils.js';
import { createCouncil } from './create-council.js';
import { updateCouncil } from './update-council.js';
import { changeCouncilState } from './change-council-state.js';
import { addCouncilRules } from './add-council-rules.js';
import { presentCouncil, presentBodies } from './present-council.js';
import { createBody } from './create-body.js';
import { updateBody } from './update-body.js';
import { deleteBody } from './delete-body.js';
import { bodyOf, personOf, fileOf } from './council-records.js';
import { bodyMemberships, presentPersons } from './present-people.js';
import { listPersons } from './list-persons.js';
import { createPerson } from './create-person.js';
import { updatePerson } from './update-person.js';
import { deletePerson } from './delete-person.js';
import { addMembership } from './add-membership.js';
import { updateMembership } from './update-membership.js';
import { deleteMembership } from './delete-membership.js';
import { createPaper } from './create-paper.js';
import { updatePaper } from './update-paper.js';
import { acceptCouncilFile, deleteCouncilFile, MAX_COUNCIL_FILE_BYTES, sendCouncilFile, uploadCouncilFile } from './council-files.js';
import { createCalendarToken } from './calendar-feeds.js';
import { ownsPerson } from './own-person.js';
import { presentMeetingSummaries } from './present-meeting.js';
import { councilMeetings } from './schema.js';
import { fileRef } from './present-council.js';

const ZCouncilListQuery = ZListQuery(['name'] as const, { sort: 'name' });
const ZPersonListQuery = ZListQuery(['name'] as const, { sort: 'name', limit: 100 });
const ZDeleteQuery = z.object({ version: ZVersionParam });
const ZFileQuery = z.object({ ownerType: z.enum(['council', 'rules', 'paper', 'agenda_item', 'meeting'], { error: 'Bitte angeben, wozu die Datei gehört.' }), ownerId: ZId, name: ZString.trim().max(200).optional() });

export async function councilRoutes(app: App) {
  const { db } = app.database;
  const tags = ['Präventionsräte'];
  const council = (request: Parameters<typeof policy.of>[0]) => policy.of(request);

  app.get('/councils', {
    config: { access: policy.door('read') },
    schema: { tags, summary: 'Präventionsräte, die der Nutzer sieht (LPR: alle), nach Name gefiltert', querystring: ZCouncilListQuery, response: { 200: V.ZCouncilList } },
  }, async (request) => ({
    ...(await listCouncils(db, request.actor, request.query)),
    canCreate: isAllowed(councilFoundingPolicy.door('create'), request.actor),
  }));

  app.post('/councils', {
    config: { access: councilFoundingPolicy.door('create') },
    schema: { tags, summary: 'Präventionsrat gründen (mit Plenum; Stand geplant)', body: T.ZCouncilInput, response: { 201: V.ZCouncilDetail } },
  }, async (request, reply) => {
    const row = await createCouncil(db, auditContext(request), request.actor!, request.body);
    return reply.status(201).send(await presentCouncil(db, request.actor, row));
  });

  app.get('/councils/:id', {
    config: policy.route('read'),
    schema: { tags, summary: 'Präventionsrat mit Gremien, Stand und Geschäftsordnung', params: T.ZCouncilParams, response: { 200: V.ZCouncilDetail } },
  }, async (request) => presentCouncil(db, request.actor, council(request)));

  app.put('/councils/:id', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Profil des Rates ändern (Name, Gründungsbeschluss, Themen, Geschäftsstelle)', params: T.ZCouncilParams, body: T.ZCouncilUpdate, response: { 200: V.ZCouncilDetail } },
  }, async (request) => presentCouncil(db, request.actor, await updateCouncil(db, auditContext(request), council(request), request.body)));

  app.post('/councils/:id/states', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Stand fortschreiben (geplant → konstituiert → aktiv → ruhend → reaktiviert → aufgelöst)', params: T.ZCouncilParams, body: T.ZStateChangeInput, response: { 200: V.ZCouncilDetail } },
  }, async (request) => presentCouncil(db, request.actor, await changeCouncilState(db, auditContext(request), council(request), request.body)));

  app.post('/councils/:id/rules', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Neue Fassung der Geschäftsordnung', params: T.ZCouncilParams, body: T.ZRulesInput, response: { 200: V.ZCouncilDetail } },
  }, async (request) => {
    await addCouncilRules(db, auditContext(request), council(request), request.body);
    return presentCouncil(db, request.actor, council(request));
  });

  // Bodies

  app.post('/councils/:id/bodies', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Gremium anlegen (Lenkungsgruppe, Arbeitsgruppe, Fachkreis, Begleitgremium)', params: T.ZCouncilParams, body: T.ZBodyInput, response: { 201: V.ZBodySummary } },
  }, async (request, reply) => reply.status(201).send((await presentBodies(db, [await createBody(db, auditContext(request), council(request), request.body)]))[0]!));

  app.get('/councils/:id/bodies/:childId', {
    config: policy.route('read'),
    schema: { tags, summary: 'Gremium mit Mitgliedern und Sitzungen', params: T.ZCouncilChildParams, response: { 200: V.ZBodyDetail } },
  }, async (request) => {
    const c = council(request);
    const body = await bodyOf(db, c.id, request.params.childId);
    const meetings = await db.select().from(councilMeetings).where(and(eq(councilMeetings.bodyId, body.id), isNull(councilMeetings.deletedAt))).orderBy(desc(councilMeetings.startsAt)).limit(200);
    const [summary] = await presentBodies(db, [body]);
    return { ...summary!, councilId: c.id, memberships: await bodyMemberships(db, body.id), meetings: await presentMeetingSummaries(db, meetings), can: await policy.can(db, request.actor, c) };
  });

  app.put('/councils/:id/bodies/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Gremium ändern', params: T.ZCouncilChildParams, body: T.ZBodyUpdate, response: { 200: V.ZBodySummary } },
  }, async (request) => (await presentBodies(db, [await updateBody(db, auditContext(request), council(request), request.params.childId, request.body)]))[0]!);

  app.delete('/councils/:id/bodies/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Gremium ohne Sitzungen löschen', params: T.ZCouncilChildParams, querystring: ZDeleteQuery, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteBody(db, auditContext(request), council(request), request.params.childId, request.query.version);
    return reply.status(204).send(null);
  });

  app.post('/councils/:id/bodies/:childId/memberships', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Person als Mitglied eines Gremiums eintragen (ein Vorsitz zur Zeit)', params: T.ZCouncilChildParams, body: T.ZMembershipInput, response: { 201: V.ZPersonView } },
  }, async (request, reply) => {
    const c = council(request);
    const m = await addMembership(db, auditContext(request), c, request.params.childId, request.body);
    return reply.status(201).send((await presentPersons(db, [await personOf(db, c.id, m.personId)]))[0]!);
  });

  app.put('/councils/:id/memberships/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Mitgliedschaft ändern (Rolle, Stimmrecht, Zeitraum)', params: T.ZCouncilChildParams, body: T.ZMembershipUpdate, response: { 200: V.ZPersonView } },
  }, async (request) => {
    const c = council(request);
    const m = await updateMembership(db, auditContext(request), c, request.params.childId, request.body);
    return (await presentPersons(db, [await personOf(db, c.id, m.personId)]))[0]!;
  });

  app.delete('/councils/:id/memberships/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Versehentlich eingetragene Mitgliedschaft löschen', params: T.ZCouncilChildParams, querystring: ZDeleteQuery, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteMembership(db, auditContext(request), council(request), request.params.childId, request.query.version);
    return reply.status(204).send(null);
  });

  // Persons

  app.get('/councils/:id/persons', {
    config: policy.route('read'),
    schema: { tags, summary: 'Personen des Rates mit Kontaktdaten und Mitgliedschaften', params: T.ZCouncilParams, querystring: ZPersonListQuery, response: { 200: V.ZPersonList } },
  }, async (request) => listPersons(db, council(request), request.query));

  app.post('/councils/:id/persons', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Person aufnehmen (mit vertretener Organisation und Einverständnis zur Veröffentlichung)', params: T.ZCouncilParams, body: T.ZPersonInput, response: { 201: V.ZPersonView } },
  }, async (request, reply) => reply.status(201).send((await presentPersons(db, [await createPerson(db, auditContext(request), council(request), request.body)]))[0]!));

  app.put('/councils/:id/persons/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Person ändern', params: T.ZCouncilChildParams, body: T.ZPersonUpdate, response: { 200: V.ZPersonView } },
  }, async (request) => (await presentPersons(db, [await updatePerson(db, auditContext(request), council(request), request.params.childId, request.body)]))[0]!);

  app.delete('/councils/:id/persons/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Person mit ihren Mitgliedschaften entfernen', params: T.ZCouncilChildParams, querystring: ZDeleteQuery, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deletePerson(db, auditContext(request), council(request), request.params.childId, request.query.version);
    return reply.status(204).send(null);
  });

  app.post('/councils/:id/persons/:childId/calendar-token', {
    config: policy.route('read'),
    schema: { tags, summary: 'Persönlichen Kalender-Link erzeugen (die Person selbst oder die Koordination; ein früherer Link verfällt)', params: T.ZCouncilChildParams, response: { 200: z.object({ url: z.string() }) } },
  }, async (request) => {
    const c = council(request);
    const person = await personOf(db, c.id, request.params.childId);
    if (!(await policy.allows(db, request.actor, 'manage', c)) && !ownsPerson(request.actor!, person)) throw forbidden('Den persönlichen Kalender-Link erzeugt die Person selbst oder die Koordination des Rates.');
    return createCalendarToken(db, auditContext(request), app.config, c, person);
  });

  // Papers and files

  app.post('/councils/:id/papers', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Vorlage anlegen', params: T.ZCouncilParams, body: T.ZPaperInput, response: { 201: V.ZPaperView } },
  }, async (request, reply) => {
    const p = await createPaper(db, auditContext(request), council(request), request.body);
    return reply.status(201).send({ id: p.id, reference: p.reference, name: p.name, paperType: p.paperType, date: p.date, isPublic: p.isPublic, files: [], version: p.version });
  });

  app.put('/councils/:id/papers/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Vorlage ändern', params: T.ZCouncilChildParams, body: T.ZPaperInput.extend({ version: z.number().int().min(0) }), response: { 200: V.ZPaperView } },
  }, async (request) => {
    const p = await updatePaper(db, auditContext(request), council(request), request.params.childId, request.body);
    return { id: p.id, reference: p.reference, name: p.name, paperType: p.paperType, date: p.date, isPublic: p.isPublic, files: [], version: p.version };
  });

  app.post('/councils/:id/files', {
    config: policy.route('manage'),
    schema: { tags, summary: `Datei anhängen (an Vorlage, Tagesordnungspunkt, Sitzung oder Rat; höchstens ${MAX_COUNCIL_FILE_BYTES / 1024 / 1024} MB)`, params: T.ZCouncilParams, querystring: ZFileQuery, consumes: ['multipart/form-data'], response: { 201: V.ZFileRef } },
  }, async (request, reply) => {
    const c = council(request);
    const file = await readUpload(request, reply, { maxBytes: MAX_COUNCIL_FILE_BYTES, tooLarge: `Die Datei ist größer als ${MAX_COUNCIL_FILE_BYTES / 1024 / 1024} MB.`, missing: 'Bitte wählen Sie eine Datei aus.', accept: acceptCouncilFile });
    const row = await uploadCouncilFile(db, app.files, auditContext(request), c, { ownerType: request.query.ownerType, ownerId: request.query.ownerId, name: request.query.name ?? '', fileName: file.filename, data: file.data });
    return reply.status(201).send(fileRef(row));
  });

  app.get('/councils/:id/files/:childId', {
    config: policy.route('read'),
    schema: { tags, summary: 'Datei herunterladen (auch nicht öffentliche, für Mitglieder)', params: T.ZCouncilChildParams, response: { 200: z.unknown() } },
  }, async (request, reply) => sendCouncilFile(reply, app.files, await fileOf(db, council(request).id, request.params.childId), 'attachment'));

  app.delete('/councils/:id/files/:childId', {
    config: policy.route('manage'),
    schema: { tags, summary: 'Datei entfernen', params: T.ZCouncilChildParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await deleteCouncilFile(db, auditContext(request), council(request), request.params.childId);
    return reply.status(204).send(null);
  });

  app.get('/councils/:id/recommendations', {
    config: policy.route('read'),
    schema: {
      tags, summary: 'Sicherheitsanalysen der Kommune mit ihren Handlungsempfehlungen (Grundlage für Beschlüsse; Mitglieder lesen Ergebnisse und Bericht)', params: T.ZCouncilParams,
      response: { 200: z.object({
        analyses: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), completedOn: z.string().nullable() })),
        items: z.array(z.object({ id: z.string(), title: z.string(), state: z.string(), analysisId: z.string(), analysisTitle: z.string() })),
      }) },
    },
  }, async (request) => {
    const c = council(request);
    const [analyses, items] = await Promise.all([
      db.select({ id: analysisProjects.id, title: analysisProjects.title, status: analysisProjects.status, completedOn: analysisProjects.completedOn }).from(analysisProjects)
        .where(inArray(analysisProjects.ags, c.communes)).orderBy(desc(analysisProjects.startOn)),
      db.select({ id: recommendations.id, title: recommendations.title, state: recommendations.state, analysisId: analysisProjects.id, analysisTitle: analysisProjects.title })
        .from(recommendations).innerJoin(analysisProjects, eq(analysisProjects.id, recommendations.projectId))
        .where(inArray(analysisProjects.ags, c.communes)).orderBy(desc(analysisProjects.startOn), asc(recommendations.sortOrder)),
    ]);
    return { analyses, items };
  });

}
