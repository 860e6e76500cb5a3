import { eq, inArray } from 'drizzle-orm';
import type { ScopeOwner } from '../../server/auth/scopes.js';
import { analysisProjects } from './schema.js';

/** An analyst's grant names an analysis by its code; it covers the commune analysed. */
export const analysisScope: ScopeOwner = {
  type: 'analysis',
  exists: async (db, code) => (await db.select({ id: analysisProjects.id }).from(analysisProjects).where(eq(analysisProjects.code, code))).length > 0,
  communes: async (db, codes) => codes.length
    ? [...new Set((await db.select({ ags: analysisProjects.ags }).from(analysisProjects).where(inArray(analysisProjects.code, [...codes]))).map((r) => r.ags))]
    : [],
  label: async (db, code) => (await db.select({ title: analysisProjects.title }).from(analysisProjects).where(eq(analysisProjects.code, code)))[0]?.title,
};
