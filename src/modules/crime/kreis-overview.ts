import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { districts } from '../communes/schema.js';
import { crimeFigures } from './schema.js';
import { areaFigures, landFigures } from './crime-rates.js';
import { populationsAt } from './populations.js';
import type { TKreisOverview } from './crime.types.js';

/** The Saxon Kreise and Saxony for one year and offence (published BKA figures; Land total computed). */
export async function kreisOverview(db: Db, year: number, key: string): Promise<TKreisOverview> {
  const rows = await db.select({ f: crimeFigures, name: districts.name }).from(crimeFigures).innerJoin(districts, eq(districts.ags, crimeFigures.areaAgs))
    .where(and(eq(crimeFigures.year, year), eq(crimeFigures.offenceKey, key), eq(crimeFigures.current, true), eq(crimeFigures.areaLevel, 'kreis'))).orderBy(asc(districts.name));
  const { byKreis, total, referenceDate } = await populationsAt(db, year);
  return {
    year, key, label: rows[0]?.f.offenceLabel ?? null,
    kreise: rows.map(({ f, name }) => ({ ags: f.areaAgs, name, ...areaFigures(f.cases, f.solved, f.suspects, byKreis.get(f.areaAgs) ?? null, { rate: f.publishedRate, clearance: f.publishedClearanceRate }) })),
    saxony: landFigures(rows.map((r) => r.f), total),
    populationDate: referenceDate,
  };
}
