import { and, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { randomToken, sha256 } from './crypto.js';
import { authTokens, users } from './schema.js';

export type TokenPurpose = 'password_reset' | 'invitation';
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { password_reset: 60 * 60_000, invitation: 14 * 24 * 3600_000 };

/** Serialises token changes of one user (issue and use), so that at most one link stays valid. */
const lockUser = (tx: Db, userId: string) => tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');

/**
 * Issues a single-use token; every other token of the user (reset or invitation, both set the password)
 * stops working, so only the newest link is valid.
 */
export async function issueToken(db: Db, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  await db.transaction(async (tx) => {
    await lockUser(tx, userId);
    await tx.delete(authTokens).where(eq(authTokens.userId, userId));
    await tx.insert(authTokens).values({ id: sha256(token), userId, purpose, expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]) });
  });
  return token;
}

/**
 * Marks a valid, unused token as used and returns it; null when unknown, expired or used. The user's other
 * tokens are deleted. Run it in the transaction that uses the token.
 */
export async function consumeToken(db: Db, token: string) {
  const id = sha256(token);
  const [found] = await db.select({ userId: authTokens.userId }).from(authTokens).where(eq(authTokens.id, id));
  if (!found) return null;
  await lockUser(db, found.userId);
  const [row] = await db.update(authTokens).set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .returning();
  if (!row) return null;
  await db.delete(authTokens).where(and(eq(authTokens.userId, row.userId), ne(authTokens.id, id)));
  return row;
}
