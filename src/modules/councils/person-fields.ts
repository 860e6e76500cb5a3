import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { Problem } from '../../server/http/problem.js';
import { users } from '../auth/schema.js';
import { councilPersons } from './schema.js';
import type { TPersonInput } from './councils.types.js';

/** The account a person's e-mail belongs to (their start page shows the decisions they own). */
export async function accountOf(db: Db, email: string): Promise<string | null> {
  if (!email) return null;
  return (await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`))[0]?.id ?? null;
}

/** A person's e-mail is unique within a council (the same person is one record with several memberships). */
export async function checkUniqueEmail(db: Db, councilId: string, email: string, exceptId?: string) {
  if (!email) return;
  const [other] = await db.select({ id: councilPersons.id, familyName: councilPersons.familyName }).from(councilPersons)
    .where(and(eq(councilPersons.councilId, councilId), isNull(councilPersons.deletedAt), sql`lower(${councilPersons.email}) = ${email.toLowerCase()}`));
  if (other && other.id !== exceptId) throw new Problem(409, 'person_exists', `Mit dieser E-Mail-Adresse ist bereits ${other.familyName} im Rat erfasst. Fügen Sie diese Person dem Gremium als Mitglied hinzu.`, { field: 'email' });
}

export const consentDay = (input: Pick<TPersonInput, 'publicConsent' | 'consentGivenOn'>, today: string) =>
  input.publicConsent ? (input.consentGivenOn ?? today) : null;
