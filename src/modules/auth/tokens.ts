import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { randomToken, sha256 } from './crypto.js';
import { authTokens } from './schema.js';

export type TokenPurpose = 'password_reset' | 'invitation';
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = { password_reset: 60 * 60_000, invitation: 14 * 24 * 3600_000 };

export async function issueToken(db: Db, userId: string, purpose: TokenPurpose): Promise<string> {
  const token = randomToken();
  await db.insert(authTokens).values({ id: sha256(token), userId, purpose, expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]) });
  return token;
}

/** Marks a valid, unused token as used and returns it; null when unknown, expired or used. */
export async function consumeToken(db: Db, token: string) {
  const [row] = await db.update(authTokens).set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, sha256(token)), isNull(authTokens.usedAt), gt(authTokens.expiresAt, new Date())))
    .returning();
  return row ?? null;
}
