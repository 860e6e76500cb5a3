import { z } from 'zod';
import { ZAgs } from '../../communes/communes.types.js';
import { labelled, ZDate, ZRequiredText, ZString, ZText, ZVersion } from '../../../server/http/zod.js';
import { ZListQuery, ZPage } from '../../../server/http/paging.js';
import { ZCommuneRef } from '../alliance.types.js';
import { ZFieldOfActionRef } from '../admin/admin.types.js';

export const CONSULTATION_FORMATS = ['vor_ort', 'online', 'telefon', 'veranstaltung'] as const;

export const ZTaskInput = labelled(z.object({ title: labelled(ZRequiredText(300, 'eine Aufgabe'), 'Bezeichnung'), dueOn: labelled(ZDate, 'Fällig am'), assignee: labelled(ZText(200).default(''), 'Zuständig') }), 'Aufgabe');
export const ZConsultationInput = z.object({
  heldOn: labelled(ZDate, 'Datum'),
  staffUserId: z.uuid({ error: 'Bitte eine Mitarbeiterin oder einen Mitarbeiter des LPR wählen.' }).optional(),
  format: labelled(z.enum(CONSULTATION_FORMATS).default('vor_ort'), 'Form'),
  communes: labelled(z.array(labelled(ZAgs, 'Kommune')).min(1, { error: 'Bitte mindestens eine Kommune wählen.' }).max(50), 'Kommunen'),
  topics: labelled(z.array(labelled(ZString.max(40), 'Handlungsfeld')).max(30).default([]), 'Handlungsfelder'),
  notes: labelled(ZText(20000).default(''), 'Notizen'),
  tasks: labelled(z.array(ZTaskInput).max(50).default([]), 'Folgeaufgaben'),
});
export const ZConsultationUpdate = ZConsultationInput.omit({ tasks: true }).extend({ version: ZVersion });

export const ZTask = z.object({ id: z.string(), consultationId: z.string(), title: z.string(), dueOn: z.string(), assignee: z.string(), doneOn: z.string().nullable(), version: z.number().int() });
/** An open follow-up task with the communes of its consultation. */
export const ZOpenTask = ZTask.extend({ communes: z.array(ZCommuneRef) });
export type TOpenTask = z.infer<typeof ZOpenTask>;
export const ZTaskUpdate = z.object({ done: z.boolean(), version: ZVersion });
export const ZOpenTasksQuery = ZListQuery(['dueOn'] as const, { sort: 'dueOn', limit: 10 }, { dueBy: ZDate.optional() });
export type TOpenTasksQuery = z.infer<typeof ZOpenTasksQuery>;

/** A consultation as stored and audited. */
export const ZConsultationRecord = z.object({
  id: z.string(), heldOn: z.string(), format: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  communes: z.array(ZCommuneRef), topics: z.array(ZFieldOfActionRef),
  notes: z.string(), tasks: z.array(ZTask), version: z.number().int(),
});
/** A consultation as a viewer gets it: with what they may do with it (`alliance.consultation.*`). */
export const ZConsultation = ZConsultationRecord.extend({ can: z.object({ read: z.boolean(), manage: z.boolean() }) });
export const ZConsultationList = ZPage(ZConsultation);

export const CONSULTATION_SORTS = ['heldOn', 'commune', 'staff'] as const;
/** `q`: a commune's name or AGS; sorted by day (newest first by default), commune name or staff member. */
export const ZConsultationListQuery = ZListQuery(CONSULTATION_SORTS, { sort: 'heldOn', dir: 'desc' }, {
  ags: ZAgs.optional(), from: ZDate.optional(), to: ZDate.optional(), topic: ZString.max(40).optional(),
  staffUserId: z.uuid().optional(),
});

export type TConsultationInput = z.infer<typeof ZConsultationInput>;
export type TConsultationUpdate = z.infer<typeof ZConsultationUpdate>;
export type TTask = z.infer<typeof ZTask>;
export type TTaskUpdate = z.infer<typeof ZTaskUpdate>;
export type TConsultationRecord = z.infer<typeof ZConsultationRecord>;
export type TConsultation = z.infer<typeof ZConsultation>;
export type TConsultationList = z.infer<typeof ZConsultationList>;
export type TConsultationListQuery = z.infer<typeof ZConsultationListQuery>;
