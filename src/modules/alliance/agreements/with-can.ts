import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { agreementPolicy } from '../policy.js';
import type { TAgreement, TAgreementRecord } from './agreements.types.js';

/** The agreement as `actor` gets it: with what they may do with it. */
export const agreementFor = async (db: Db, actor: Actor | null, a: TAgreementRecord): Promise<TAgreement> =>
  ({ ...a, can: await agreementPolicy.can(db, actor, a) });
