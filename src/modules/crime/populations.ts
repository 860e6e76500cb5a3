import { desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communePopulation, communes } from '../communes/schema.js';

export interface Populations {
  byAgs: Map<string, number>;
  /** Sums per Kreis and for the Land, for the rates of the larger areas. */
  byKreis: Map<string, number>;
  total: number | null;
  referenceDate: string | null;
}

/** Commune populations at the end of `year` (latest registry date on or before it, else the current registry). */
export async function populationsAt(db: Db, year: number): Promise<Populations> {
  const limit = `${year}-12-31`;
  const rows = await db.selectDistinctOn([communePopulation.ags], { ags: communePopulation.ags, population: communePopulation.population, date: communePopulation.referenceDate })
    .from(communePopulation).where(lte(communePopulation.referenceDate, limit)).orderBy(communePopulation.ags, desc(communePopulation.referenceDate));
  const byAgs = new Map(rows.map((r) => [r.ags, r.population]));
  let referenceDate = rows.reduce<string | null>((max, r) => (max === null || r.date > max ? r.date : max), null);
  if (!byAgs.size) {
    const current = await db.select({ ags: communes.ags, population: communes.population, date: communes.referenceDate }).from(communes).where(eq(communes.status, 'active'));
    for (const c of current) byAgs.set(c.ags, c.population);
    referenceDate = current[0]?.date ?? null;
  }
  const byKreis = new Map<string, number>();
  for (const c of await db.select({ ags: communes.ags, kreis: communes.districtAgs }).from(communes)) {
    const p = byAgs.get(c.ags);
    if (p) byKreis.set(c.kreis, (byKreis.get(c.kreis) ?? 0) + p);
  }
  const total = [...byAgs.values()].reduce((sum, v) => sum + v, 0) || null;
  return { byAgs, byKreis, total, referenceDate };
}
