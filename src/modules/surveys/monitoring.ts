import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AnalysisRow } from './policy.js';
import { accessCodes, surveyPool, surveyResponses, surveyStrata } from './schema.js';
import { codeIsUsed } from './survey-state.js';
import type { TMonitoring } from './surveys.types.js';

/**
 * Field monitoring: returns per stratum (from the codes marked used, which carry their stratum but no link
 * to a response), the response rate, the mixing pool, and stored answers per day they left the pool
 * (online and paper, cumulative).
 */
export async function fieldMonitoring(db: Db, project: AnalysisRow): Promise<TMonitoring> {
  const strata = await db.select().from(surveyStrata).where(eq(surveyStrata.projectId, project.id)).orderBy(asc(surveyStrata.key));
  const used = await db.select({ key: accessCodes.stratumKey, n: count() }).from(accessCodes)
    .where(and(eq(accessCodes.projectId, project.id), codeIsUsed))
    .groupBy(accessCodes.stratumKey);
  const usedBy = new Map(used.map((u) => [u.key, u.n]));
  const days = await db.select({ day: surveyResponses.submittedOn, mode: surveyResponses.mode, n: count() }).from(surveyResponses)
    .where(eq(surveyResponses.projectId, project.id)).groupBy(surveyResponses.submittedOn, surveyResponses.mode).orderBy(asc(surveyResponses.submittedOn));
  const byDay: TMonitoring['byDay'] = [];
  let cumulative = 0;
  for (const d of days) {
    let row = byDay.at(-1);
    if (row?.date !== d.day) { row = { date: d.day, online: 0, paper: 0, cumulative }; byDay.push(row); }
    if (d.mode === 'paper') row.paper += d.n; else row.online += d.n;
    cumulative += d.n;
    row.cumulative = cumulative;
  }
  const [pool] = await db.select({ n: count() }).from(surveyPool).where(eq(surveyPool.projectId, project.id));
  const [batches] = await db.select({ n: sql<number>`coalesce(max(${surveyResponses.batch}), 0)::int` }).from(surveyResponses).where(eq(surveyResponses.projectId, project.id));
  const waiting = pool?.n ?? 0;
  const returned = cumulative + waiting;
  const invited = strata.reduce((s, x) => s + x.sampleSize, 0);
  const codesUsed = used.reduce((s, x) => s + x.n, 0);
  return {
    invited, returned, codesUsed, withoutCode: Math.max(0, returned - codesUsed),
    responseRate: invited ? returned / invited : 0,
    byDay,
    mixing: { threshold: project.mixThreshold, waiting, mixed: cumulative, batches: batches?.n ?? 0 },
    byStratum: strata.map((s) => ({ key: s.key, district: s.district, ageGroup: s.ageGroup, sex: s.sex, population: s.population, invited: s.sampleSize, returned: usedBy.get(s.key) ?? 0, rate: s.sampleSize ? (usedBy.get(s.key) ?? 0) / s.sampleSize : 0 })),
  };
}
