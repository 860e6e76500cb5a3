import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { forbidden } from '../../../server/http/problem.js';
import { mayRequestCoaching } from '../policy.js';
import { usersWithRole } from '../lookups.js';
import type { TPerson } from '../admin/admin.types.js';

/** The coordinators of a commune the actor may request coaching for: the possible coachees. */
export async function listCoachees(db: Db, actor: Actor | null, ags: string): Promise<TPerson[]> {
  if (!(await mayRequestCoaching(db, actor, ags))) throw forbidden('Sie haben keinen Zugriff auf die internen Daten dieser Kommune.');
  return usersWithRole(db, ['commune'], ags);
}
