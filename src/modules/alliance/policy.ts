import { eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { definePolicy, defineSubject } from '../../server/auth/policy.js';
import { communeSubject } from '../communes/subject.js';
import { agreementCommunes, agreements, coaches, coachingProcesses, communeMilestones, consultationCommunes, consultations } from './schema.js';
import { loadConsultation } from './consultations/consultation.js';
import { loadTask, type TaskSubject } from './consultations/task.js';
import { loadAgreement } from './agreements/agreement.js';
import { loadProcess } from './coaching/coaching.js';
import { loadCoach } from './coaching/coaches.js';
import { loadFieldOfAction } from './admin/list-fields-of-action.js';
import type { TConsultationRecord } from './consultations/consultations.types.js';
import type { TAgreementRecord } from './agreements/agreements.types.js';
import type { TCoach, TCoachingProcessRecord } from './coaching/coaching.types.js';
import type { TFieldOfAction } from './admin/admin.types.js';

const LPR = { lpr_admin: 'any', lpr_staff: 'any' } as const;
const INTERNAL = { ...LPR, commune: 'communes', police: 'communes' } as const;

/** A commune's internal alliance records (stage history, milestones, Bilanz): the LPR, the commune, its police directorate. */
export const allianceCommunePolicy = definePolicy('alliance.commune', {
  readInternal: INTERNAL,
  manage: LPR,
}, communeSubject, { denied: 'forbid', detail: 'Sie haben keinen Zugriff auf die internen Daten dieser Kommune.' });

/** Subqueries of list filters, built without a connection. */
const qb = new QueryBuilder();

/** A recorded milestone or stage correction, named by its id. */
const milestoneSubject = defineSubject<typeof communeMilestones.$inferSelect>({
  name: 'alliance.milestone',
  load: async (db, id) => (await db.select().from(communeMilestones).where(eq(communeMilestones.id, id)))[0],
  ref: (m) => ({ communes: [m.ags] }),
  missing: 'Diesen Eintrag gibt es nicht.',
  columns: { communes: communeMilestones.ags },
});

/** Milestones are recorded and deleted by the LPR (the commune's stage history shows them to INTERNAL readers). */
export const milestonePolicy = definePolicy('alliance.milestone', { manage: LPR }, milestoneSubject, { denied: 'hide' });

/** A consultation concerns the communes it names. */
const consultationSubject = defineSubject<TConsultationRecord>({
  name: 'consultation',
  load: loadConsultation,
  ref: (c) => ({ communes: c.communes.map((x) => x.ags) }),
  missing: 'Diese Beratung gibt es nicht.',
  columns: {
    communes: (ags) => inArray(consultations.id, qb.select({ id: consultationCommunes.consultationId }).from(consultationCommunes).where(inArray(consultationCommunes.ags, ags))),
  },
});

/**
 * Consultations: recorded by the LPR, read by the communes concerned and their police directorate. Others get the
 * 404 of a missing consultation.
 */
export const consultationPolicy = definePolicy('alliance.consultation', { read: INTERNAL, manage: LPR }, consultationSubject, { denied: 'hide' });

/** A consultation's follow-up task concerns the consultation's communes. */
const consultationTaskSubject = defineSubject<TaskSubject>({
  name: 'consultationTask',
  load: loadTask,
  ref: (t) => ({ communes: t.communes }),
  missing: 'Diese Aufgabe gibt es nicht.',
});

/** Follow-up tasks of consultations: ticked off by the LPR. */
export const consultationTaskPolicy = definePolicy('alliance.consultationTask', { update: LPR }, consultationTaskSubject, { denied: 'hide' });

/** An agreement concerns the communes that are its parties. */
const agreementSubject = defineSubject<TAgreementRecord>({
  name: 'agreement',
  load: loadAgreement,
  ref: (a) => ({ communes: a.communes.map((c) => c.ags) }),
  missing: 'Diese Vereinbarung gibt es nicht.',
  columns: {
    communes: (ags) => inArray(agreements.id, qb.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(inArray(agreementCommunes.ags, ags))),
  },
});

/**
 * Cooperation agreements: drafted and signed through the LPR, read by their parties' communes and police. Others
 * get the 404 of a missing agreement.
 */
export const agreementPolicy = definePolicy('alliance.agreement', { read: INTERNAL, manage: LPR }, agreementSubject, { denied: 'hide' });

/** A coaching process belongs to its commune and to the account of the coach who runs it. */
const coachingSubject = defineSubject<TCoachingProcessRecord>({
  name: 'coachingProcess',
  load: loadProcess,
  ref: (p) => ({ communes: [p.commune.ags], users: [p.coach?.userId ?? null] }),
  missing: 'Diesen Coaching-Prozess gibt es nicht.',
  columns: {
    communes: coachingProcesses.ags,
    users: (userId) => inArray(coachingProcesses.coachId, qb.select({ id: coaches.id }).from(coaches).where(eq(coaches.userId, userId))),
  },
});

/**
 * Coaching processes: the commune requests and rates, the coach runs their own, the LPR matches (and cancels).
 * Others' processes stay invisible (404).
 */
export const coachingPolicy = definePolicy('alliance.coaching', {
  read: { ...LPR, commune: 'communes', coach: 'self' },
  request: { ...LPR, commune: 'communes' },
  run: { ...LPR, coach: 'self' },
  feedback: { ...LPR, commune: 'communes' },
  manage: LPR,
}, coachingSubject, { denied: 'hide' });

/**
 * The `request` rule before a process exists: may the actor request coaching for commune `ags` (and pick its
 * coachees)? Asked of the process that the request would create, which names only its commune so far.
 */
export const mayRequestCoaching = (db: Db, actor: Actor | null, ags: string) =>
  coachingPolicy.allows(db, actor, 'request', { commune: { ags, name: '' }, coach: null } as TCoachingProcessRecord);

/** A coach of the pool (no tenant's record: the rules reach every coach or none). */
const coachSubject = defineSubject<TCoach>({ name: 'coach', load: loadCoach, ref: () => ({}), missing: 'Diesen Coach gibt es nicht.' });

/** The coach pool: kept by the LPR, read by coaches. */
export const coachPoolPolicy = definePolicy('alliance.coachPool', { read: { ...LPR, coach: 'any' }, manage: LPR }, coachSubject);

/** A field of action (Handlungsfeld), the one setting with an id. */
const fieldOfActionSubject = defineSubject<TFieldOfAction>({
  name: 'fieldOfAction', load: loadFieldOfAction, ref: () => ({}), missing: 'Dieses Handlungsfeld gibt es nicht.',
});

/** The alliance's settings (fields of action, agreement template) and the LPR staff list. */
export const allianceAdminPolicy = definePolicy('alliance.admin', { manage: LPR }, fieldOfActionSubject);

export const alliancePolicies = [allianceCommunePolicy, milestonePolicy, consultationPolicy, consultationTaskPolicy, agreementPolicy, coachingPolicy, coachPoolPolicy, allianceAdminPolicy] as const;
