import type { Db } from '../../server/db/client.js';
import { surveyItems } from './schema.js';
import { STANDARD_ITEMS } from './standard-items.js';

/** Idempotent: version 1 of every standard item. */
export async function seedStandardItems(db: Db) {
  await db.insert(surveyItems).values(STANDARD_ITEMS.map(({ code, ...content }) => ({ code, itemVersion: 1, content, note: 'Standarditem der sächsischen Sicherheitsanalysen' }))).onConflictDoNothing();
}
