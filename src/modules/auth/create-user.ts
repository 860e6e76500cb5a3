import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { Problem } from '../../server/http/problem.js';
import { hashPassword } from './crypto.js';
import { users } from './schema.js';
import type { TGrant, TUserRecord } from './auth.types.js';
import { validateGrants } from './validate-grants.js';
import { replaceGrants } from './grants.js';
import { emailIs, presentUser } from './users.js';
import { recordAuthAudit } from './audit.js';

/** Creates an account with a password directly (CLI for the first admin, demo data). */
export async function createUser(db: Db, ctx: AuditContext, input: { email: string; displayName: string; password: string; grants: TGrant[] }): Promise<TUserRecord> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const grants = await validateGrants(tx, input.grants);
    const [existing] = await tx.select({ id: users.id }).from(users).where(emailIs(input.email));
    if (existing) throw new Problem(409, 'email_taken', `Für ${input.email} gibt es bereits ein Konto.`, { field: 'email' });
    const [user] = await tx.insert(users).values({ email: input.email.toLowerCase(), displayName: input.displayName, passwordHash }).returning();
    const view = presentUser(user!, await replaceGrants(tx, user!.id, grants));
    await recordAuthAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: user!.id, after: view });
    return view;
  });
}
