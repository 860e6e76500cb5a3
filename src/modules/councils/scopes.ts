import { eq, inArray } from 'drizzle-orm';
import type { ScopeOwner } from '../../server/auth/scopes.js';
import { councils } from './schema.js';

/** A `council_member` grant names a council by its code (e.g. kpr-chemnitz) and covers the council's communes. */
export const councilScope: ScopeOwner = {
  type: 'council',
  exists: async (db, code) => (await db.select({ id: councils.id }).from(councils).where(eq(councils.code, code))).length > 0,
  communes: async (db, codes) => codes.length
    ? [...new Set((await db.select({ c: councils.communes }).from(councils).where(inArray(councils.code, [...codes]))).flatMap((r) => r.c))]
    : [],
  label: async (db, code) => (await db.select({ name: councils.name }).from(councils).where(eq(councils.code, code)))[0]?.name,
};
