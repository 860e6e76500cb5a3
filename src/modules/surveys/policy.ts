import { eq } from 'drizzle-orm';
import { definePolicy, defineSubject } from '../../server/auth/policy.js';
import { analysisProjects } from './schema.js';

export type AnalysisRow = typeof analysisProjects.$inferSelect;

/** An analysis project: it belongs to its commune and is the scope of the analysts assigned to it (by code). */
export const analysisSubject = defineSubject<AnalysisRow>({
  name: 'analysis',
  load: async (db, id) => (await db.select().from(analysisProjects).where(eq(analysisProjects.id, id)))[0],
  ref: (p) => ({ communes: [p.ags], scopes: { analysis: [p.code] } }),
  missing: 'Diese Sicherheitsanalyse gibt es nicht oder Sie haben keinen Zugriff darauf.',
  columns: { communes: analysisProjects.ags, scopes: { analysis: analysisProjects.code } },
});

/**
 * Who may see or work on an analysis: the LPR every one; an analyst the analyses assigned to them; the commune
 * its own (reading, and ticking its checklist). Others get a 404, so others' analyses stay invisible.
 */
export const analysisPolicy = definePolicy('surveys.analysis', {
  read: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope', commune: 'communes' },
  work: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope' },
  communeTasks: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'scope', commune: 'communes' },
  commission: { lpr_admin: 'any', lpr_staff: 'any' },
}, analysisSubject, { denied: 'hide' });

/** The item bank: read by those who build questionnaires, maintained by the LPR. */
export const itemBankPolicy = definePolicy('surveys.items', {
  read: { lpr_admin: 'any', lpr_staff: 'any', analyst: 'any' },
  maintain: { lpr_admin: 'any', lpr_staff: 'any' },
});

export const surveysPolicies = [analysisPolicy, itemBankPolicy] as const;
