import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { crimeFigures } from './schema.js';
import { offenceOrder } from './offences.js';
import type { TCrimeCatalogue } from './crime.types.js';

/** Offence keys and labels known from imports, and the years with Kreis figures. */
export async function crimeCatalogue(db: Db): Promise<TCrimeCatalogue> {
  const keys = await db.selectDistinctOn([crimeFigures.offenceKey], { key: crimeFigures.offenceKey, label: crimeFigures.offenceLabel })
    .from(crimeFigures).where(eq(crimeFigures.current, true)).orderBy(crimeFigures.offenceKey, desc(crimeFigures.areaLevel));
  const years = await db.selectDistinct({ year: crimeFigures.year }).from(crimeFigures).where(and(eq(crimeFigures.current, true), eq(crimeFigures.areaLevel, 'kreis')));
  return { offences: keys.sort((a, b) => offenceOrder(a.key, b.key)), years: years.map((y) => y.year).sort((a, b) => b - a) };
}
