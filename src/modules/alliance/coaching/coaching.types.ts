import { z } from 'zod';
import { ZListQuery, ZPage } from '../../../server/http/paging.js';
import { ZAgs } from '../../communes/communes.types.js';
import { ZDate, ZRequiredText, ZString, ZText, ZVersion } from '../../../server/http/zod.js';
import { ZCommuneRef } from '../alliance.types.js';
import { ZFieldOfActionRef, ZPersonList } from '../admin/admin.types.js';

export const COACHING_STATES = ['requested', 'matched', 'running', 'completed', 'cancelled'] as const;

// Coach pool ---------------------------------------------------------------------------------------
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
export const ZCoachList = z.object({ items: z.array(ZCoach) });
export const ZCoachCandidate = ZCoach.extend({ score: z.number(), reasons: z.array(z.string()) });
export const ZCoachCandidateList = z.object({ items: z.array(ZCoachCandidate) });

// Coaching processes -------------------------------------------------------------------------------
export const ZCoachingRequest = z.object({
  ags: ZAgs, requestedOn: ZDate.optional(), reason: ZRequiredText(5000, 'einen Anlass'),
  topics: z.array(ZString.max(40)).max(30).default([]),
  coacheeUserId: z.uuid().nullable().default(null), coacheeName: ZText(200).default(''),
});
export const ZCoacheesQuery = z.object({ ags: ZAgs });
/** The commune's coordinators: who may be coached. */
export const ZCoacheeList = ZPersonList;
export const ZCoachingTransition = z.object({
  action: z.enum(['match', 'start', 'complete', 'cancel']), version: ZVersion,
  coachId: z.uuid().optional(), date: ZDate.optional(), note: ZText(2000).optional(),
});
export const ZCoachingSessionInput = z.object({
  heldOn: ZDate, participants: ZRequiredText(2000, 'die Teilnehmenden'),
  topics: z.array(ZString.max(40)).max(30).default([]), notes: ZText(20000).default(''), nextSteps: ZText(5000).default(''),
});
export const ZFeedbackInput = z.object({
  goalsReached: z.number().int().min(1).max(5), satisfaction: z.number().int().min(1).max(5),
  wouldRecommend: z.boolean(), comment: ZText(5000).default(''),
});
export const ZCoachingSession = ZCoachingSessionInput.extend({ id: z.string(), topics: z.array(ZFieldOfActionRef) });
/** A coaching process as stored and audited; `coach.userId` is the coach's account (a coach runs their own processes). */
export const ZCoachingProcessRecord = z.object({
  id: z.string(), commune: ZCommuneRef, status: z.enum(COACHING_STATES), statusLabel: z.string(),
  requestedOn: z.string(), reason: z.string(), topics: z.array(ZFieldOfActionRef),
  coach: z.object({ id: z.string(), name: z.string(), organisation: z.string(), userId: z.string().nullable() }).nullable(),
  coachee: z.object({ userId: z.string().nullable(), name: z.string() }),
  matchedOn: z.string().nullable(), startedOn: z.string().nullable(), endedOn: z.string().nullable(), endNote: z.string(),
  sessions: z.array(ZCoachingSession),
  feedback: ZFeedbackInput.extend({ submittedAt: z.string() }).nullable(),
  version: z.number().int(),
});
/** A process as a viewer gets it: with what they may do with it (`alliance.coaching.*`). */
export const ZCoachingProcess = ZCoachingProcessRecord.extend({
  can: z.object({ read: z.boolean(), request: z.boolean(), run: z.boolean(), feedback: z.boolean(), manage: z.boolean() }),
});
export const ZCoachingList = ZPage(ZCoachingProcess);
export const COACHING_SORTS = ['requestedOn', 'commune', 'status'] as const;
/** `q`: the commune's name or AGS, or the coach's name; newest request first by default. */
export const ZCoachingListQuery = ZListQuery(COACHING_SORTS, { sort: 'requestedOn', dir: 'desc' }, { ags: ZAgs.optional(), status: z.enum(COACHING_STATES).optional() });

export type TCoachInput = z.infer<typeof ZCoachInput>;
export type TCoachUpdate = z.infer<typeof ZCoachUpdate>;
export type TCoach = z.infer<typeof ZCoach>;
export type TCoachCandidate = z.infer<typeof ZCoachCandidate>;
export type TCoachingRequest = z.infer<typeof ZCoachingRequest>;
export type TCoachingTransition = z.infer<typeof ZCoachingTransition>;
export type TCoachingSessionInput = z.infer<typeof ZCoachingSessionInput>;
export type TFeedbackInput = z.infer<typeof ZFeedbackInput>;
export type TCoachingProcessRecord = z.infer<typeof ZCoachingProcessRecord>;
export type TCoachingProcess = z.infer<typeof ZCoachingProcess>;
export type TCoachingList = z.infer<typeof ZCoachingList>;
export type TCoachingListQuery = z.infer<typeof ZCoachingListQuery>;
