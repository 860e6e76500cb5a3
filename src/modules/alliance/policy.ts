import { eq } from 'drizzle-orm';
import { access } from '../../server/http/access.js';
import { definePolicy, defineSubject } from '../../server/auth/policy.js';
import { communeSubject } from '../communes/subject.js';
import { communeMilestones } from './schema.js';

const LPR = { lpr_admin: 'any', lpr_staff: 'any' } as const;
const INTERNAL = { ...LPR, commune: 'communes', police: 'communes' } as const;

/** A commune's internal alliance records (stage history, milestones, Bilanz): the LPR, the commune, its police directorate. */
export const allianceCommunePolicy = definePolicy('alliance.commune', {
  readInternal: INTERNAL,
  manage: LPR,
}, communeSubject, { denied: 'forbid', detail: 'Sie haben keinen Zugriff auf die internen Daten dieser Kommune.' });

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

/** Consultations: recorded by the LPR, read by the communes concerned and their police directorate. */
export const consultationPolicy = definePolicy('alliance.consultation', { read: INTERNAL, manage: LPR });

/** Cooperation agreements: drafted and signed through the LPR, read by their parties' communes and police. */
export const agreementPolicy = definePolicy('alliance.agreement', { read: INTERNAL, manage: LPR });

/** Coaching processes: the commune requests and rates, the coach runs their own, the LPR matches. */
export const coachingPolicy = definePolicy('alliance.coaching', {
  read: { ...LPR, commune: 'communes', coach: 'self' },
  request: { ...LPR, commune: 'communes' },
  run: { ...LPR, coach: 'self' },
  feedback: { ...LPR, commune: 'communes' },
  manage: LPR,
});

/** The coach pool: kept by the LPR, read by coaches. */
export const coachPoolPolicy = definePolicy('alliance.coachPool', { read: { ...LPR, coach: 'any' }, manage: LPR });

/** The alliance's settings (fields of action, agreement template). */
export const allianceAdminPolicy = definePolicy('alliance.admin', { manage: LPR });

export const alliancePolicies = [allianceCommunePolicy, milestonePolicy, consultationPolicy, agreementPolicy, coachingPolicy, coachPoolPolicy, allianceAdminPolicy] as const;

/** @deprecated door rules of routes not yet converted to subject routes. */
export const alliancePolicy = {
  public: access.public,
  readInternal: allianceCommunePolicy.door('readInternal'),
  manage: allianceCommunePolicy.door('manage'),
  readCoaching: coachingPolicy.door('read'),
  requestCoaching: coachingPolicy.door('request'),
  runCoaching: coachingPolicy.door('run'),
  coachingFeedback: coachingPolicy.door('feedback'),
  readCoachPool: coachPoolPolicy.door('read'),
};
