import { z } from 'zod';
import { ZAgs } from '../communes/communes.types.js';
import { AGREEMENT_MODULES } from './reference-data.js';
import { ZDate, ZIntParam, ZRequiredText, ZString, ZText, ZVersion } from '../../server/http/zod.js';

export const ZIsoDate = ZDate;
export const ZIdParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
const ZRef = z.object({ ags: z.string(), name: z.string() });

// Fields of action ---------------------------------------------------------------------------------
export const ZFieldOfAction = z.object({ id: z.string(), label: z.string(), sortOrder: z.number().int(), active: z.boolean(), version: z.number().int() });
export const ZFieldOfActionCreate = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Kürzel: Kleinbuchstaben, Ziffern und _, 2–40 Zeichen.' }),
  label: ZRequiredText(120, 'eine Bezeichnung'), sortOrder: z.number().int().min(0).max(10000).default(500),
});
export const ZFieldOfActionUpdate = z.object({ label: ZRequiredText(120, 'eine Bezeichnung'), sortOrder: z.number().int().min(0).max(10000), active: z.boolean(), version: ZVersion });

// Consultations ------------------------------------------------------------------------------------
export const CONSULTATION_FORMATS = ['vor_ort', 'online', 'telefon', 'veranstaltung'] as const;
export const ZTaskInput = z.object({ title: ZRequiredText(300, 'eine Aufgabe'), dueOn: ZIsoDate, assignee: ZText(200).default('') });
export const ZConsultationInput = z.object({
  heldOn: ZIsoDate,
  staffUserId: z.uuid({ error: 'Bitte eine Mitarbeiterin oder einen Mitarbeiter des LPR wählen.' }).optional(),
  format: z.enum(CONSULTATION_FORMATS).default('vor_ort'),
  communes: z.array(ZAgs).min(1, { error: 'Bitte mindestens eine Kommune wählen.' }).max(50),
  topics: z.array(ZString.max(40)).max(30).default([]),
  notes: ZText(20000).default(''),
  tasks: z.array(ZTaskInput).max(50).default([]),
});
export const ZConsultationUpdate = ZConsultationInput.omit({ tasks: true }).extend({ version: ZVersion });
export const ZTask = z.object({ id: z.string(), consultationId: z.string(), title: z.string(), dueOn: z.string(), assignee: z.string(), doneOn: z.string().nullable(), version: z.number().int() });
export const ZTaskUpdate = z.object({ done: z.boolean(), version: ZVersion });
export const ZConsultation = z.object({
  id: z.string(), heldOn: z.string(), format: z.string(),
  staff: z.object({ id: z.string(), name: z.string() }),
  communes: z.array(ZRef), topics: z.array(z.object({ id: z.string(), label: z.string() })),
  notes: z.string(), tasks: z.array(ZTask), version: z.number().int(),
});
export const ZConsultationListQuery = z.object({
  ags: ZAgs.optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional(), topic: ZString.max(40).optional(),
  staffUserId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0),
});
export const ZOpenTasksQuery = z.object({ dueBy: ZIsoDate.optional() });

// Agreements ---------------------------------------------------------------------------------------
export const AGREEMENT_KINDS = ['pre', 'cooperation'] as const;
export const AGREEMENT_STATES = ['draft', 'agreed', 'signed', 'ended'] as const;
export const ZSignatory = z.object({
  party: z.enum(['commune', 'police', 'lpr']), ags: ZAgs.optional(),
  name: ZText(200).default(''), office: ZText(200).default(''),
});
export const ZSection = z.object({ key: ZString.max(40), title: ZRequiredText(200, 'eine Überschrift'), text: ZText(20000) });
export const ZAgreementInput = z.object({
  kind: z.enum(AGREEMENT_KINDS),
  title: ZText(300).default(''),
  subjectAgs: ZAgs.nullable().default(null),
  groupId: z.uuid().nullable().default(null),
  policeDirectorateId: ZString.max(40).nullable().default(null),
  policeUnit: ZText(200).nullable().default(null),
  signatories: z.array(ZSignatory).max(60).default([]),
  modules: z.array(z.enum(AGREEMENT_MODULES)).max(6).default([]),
  topics: z.array(ZString.max(40)).max(30).default([]),
  goals: z.array(ZText(2000)).max(50).default([]),
  measures: z.array(ZText(2000)).max(50).default([]),
  sections: z.array(ZSection).max(30).optional(),
  signedPlace: ZText(200).default(''),
});
export const ZAgreementUpdate = ZAgreementInput.omit({ kind: true, subjectAgs: true, groupId: true }).extend({ version: ZVersion });
export const ZAgreementTransition = z.object({
  action: z.enum(['agree', 'reopen', 'sign', 'end']),
  version: ZVersion,
  signedOn: ZIsoDate.optional(),
  endedOn: ZIsoDate.optional(),
  endReason: ZText(2000).optional(),
});
const ZParty = z.object({ party: z.enum(['commune', 'police', 'lpr']), ags: z.string().nullable(), label: z.string(), signatoryName: z.string(), signatoryOffice: z.string() });
export const ZAgreement = z.object({
  id: z.string(), kind: z.enum(AGREEMENT_KINDS), kindLabel: z.string(), title: z.string(), state: z.enum(AGREEMENT_STATES), stateLabel: z.string(),
  subjectAgs: z.string().nullable(), group: z.object({ id: z.string(), name: z.string() }).nullable(),
  communes: z.array(ZRef.extend({ districtAgs: z.string() })),
  policeDirectorate: z.object({ id: z.string(), name: z.string() }), policeUnit: z.string().nullable(),
  parties: z.array(ZParty), signatories: z.array(ZSignatory),
  modules: z.array(z.string()), topics: z.array(z.object({ id: z.string(), label: z.string() })),
  goals: z.array(z.string()), measures: z.array(z.string()), sections: z.array(ZSection),
  signedOn: z.string().nullable(), signedPlace: z.string(), inForceSince: z.string().nullable(), endedOn: z.string().nullable(), endReason: z.string(),
  revision: z.number().int(), revisions: z.array(z.object({ revision: z.number().int(), signedOn: z.string(), hasScan: z.boolean() })),
  scan: z.object({ revision: z.number().int(), name: z.string(), size: z.number().int(), uploadedAt: z.string() }).nullable(),
  version: z.number().int(), updatedAt: z.string(),
});
export const ZAgreementListQuery = z.object({
  ags: ZAgs.optional(), state: z.enum(AGREEMENT_STATES).optional(), kind: z.enum(AGREEMENT_KINDS).optional(),
});
export const ZAgreementSummary = ZAgreement.pick({ id: true, kind: true, kindLabel: true, title: true, state: true, stateLabel: true, communes: true, policeDirectorate: true, signedOn: true, inForceSince: true, endedOn: true, revision: true, version: true });
export const ZRevisionParams = z.object({ id: z.uuid(), revision: ZIntParam(1) });
export const ZDocumentQuery = z.object({ format: z.enum(['docx', 'pdf']), revision: ZIntParam(1).optional() });
export const ZPublicAgreement = z.object({
  id: z.string(), kind: z.enum(AGREEMENT_KINDS), kindLabel: z.string(), title: z.string(), signedOn: z.string(), endedOn: z.string().nullable(),
  parties: z.array(z.object({ party: z.string(), label: z.string() })), communes: z.array(ZRef), modules: z.array(z.string()),
});
export const ZTemplate = z.object({ id: z.string(), name: z.string(), sections: z.array(ZSection), version: z.number().int() });
export const ZTemplateUpdate = z.object({ name: ZRequiredText(200, 'einen Namen'), sections: z.array(ZSection).min(1).max(30), version: ZVersion });

// Coaching -----------------------------------------------------------------------------------------
export const COACHING_STATES = ['requested', 'matched', 'running', 'completed', 'cancelled'] as const;
export const ZCoachInput = z.object({
  name: ZRequiredText(200, 'einen Namen'), organisation: ZRequiredText(200, 'eine Organisation'),
  email: z.union([z.literal(''), z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' })]).default(''),
  userId: z.uuid().nullable().default(null),
  competencies: z.array(ZString.max(40)).max(30).default([]),
  regions: z.array(z.string().regex(/^\d{5}$/, { error: 'Regionen sind Kreisschlüssel (5 Ziffern).' })).max(13).default([]),
  capacity: z.number().int().min(0).max(50), active: z.boolean().default(true),
});
export const ZCoachUpdate = ZCoachInput.extend({ version: ZVersion });
export const ZCoach = z.object({
  id: z.string(), name: z.string(), organisation: z.string(), email: z.string(), userId: z.string().nullable(),
  competencies: z.array(z.string()), regions: z.array(z.string()), capacity: z.number().int(), active: z.boolean(),
  load: z.number().int(), version: z.number().int(),
});
export const ZCoachingRequest = z.object({
  ags: ZAgs, requestedOn: ZIsoDate.optional(), reason: ZRequiredText(5000, 'einen Anlass'),
  topics: z.array(ZString.max(40)).max(30).default([]),
  coacheeUserId: z.uuid().nullable().default(null), coacheeName: ZText(200).default(''),
});
export const ZCoachingTransition = z.object({
  action: z.enum(['match', 'start', 'complete', 'cancel']), version: ZVersion,
  coachId: z.uuid().optional(), date: ZIsoDate.optional(), note: ZText(2000).optional(),
});
export const ZCoachingSessionInput = z.object({
  heldOn: ZIsoDate, participants: ZRequiredText(2000, 'die Teilnehmenden'),
  topics: z.array(ZString.max(40)).max(30).default([]), notes: ZText(20000).default(''), nextSteps: ZText(5000).default(''),
});
export const ZFeedbackInput = z.object({
  goalsReached: z.number().int().min(1).max(5), satisfaction: z.number().int().min(1).max(5),
  wouldRecommend: z.boolean(), comment: ZText(5000).default(''),
});
export const ZCoachingSession = ZCoachingSessionInput.extend({ id: z.string(), topics: z.array(z.object({ id: z.string(), label: z.string() })) });
export const ZCoachingProcess = z.object({
  id: z.string(), commune: ZRef, status: z.enum(COACHING_STATES), statusLabel: z.string(),
  requestedOn: z.string(), reason: z.string(), topics: z.array(z.object({ id: z.string(), label: z.string() })),
  coach: z.object({ id: z.string(), name: z.string(), organisation: z.string() }).nullable(),
  coachee: z.object({ userId: z.string().nullable(), name: z.string() }),
  matchedOn: z.string().nullable(), startedOn: z.string().nullable(), endedOn: z.string().nullable(), endNote: z.string(),
  sessions: z.array(ZCoachingSession),
  feedback: ZFeedbackInput.extend({ submittedAt: z.string() }).nullable(),
  version: z.number().int(),
});
export const ZCoachingListQuery = z.object({ ags: ZAgs.optional(), status: z.enum(COACHING_STATES).optional() });
export const ZCoachCandidate = ZCoach.extend({ score: z.number(), reasons: z.array(z.string()) });
