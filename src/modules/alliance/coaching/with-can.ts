import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { coachingPolicy } from '../policy.js';
import type { TCoachingProcess, TCoachingProcessRecord } from './coaching.types.js';

/** The process as `actor` gets it: with what they may do with it. */
export const processFor = async (db: Db, actor: Actor | null, p: TCoachingProcessRecord): Promise<TCoachingProcess> =>
  ({ ...p, can: await coachingPolicy.can(db, actor, p) });
