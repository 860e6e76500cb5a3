import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { consultationPolicy } from '../policy.js';
import type { TConsultation, TConsultationRecord } from './consultations.types.js';

/** The consultation as `actor` gets it: with what they may do with it. */
export const consultationFor = async (db: Db, actor: Actor | null, c: TConsultationRecord): Promise<TConsultation> =>
  ({ ...c, can: await consultationPolicy.can(db, actor, c) });
