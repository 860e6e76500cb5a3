import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { communeAgeStructure } from './schema.js';
import type { TAgeStructureCell, TAgeStructureRecord } from './communes.types.js';

/** The age groups of the survey's age question (SD01) and of the register sample. */
export const AGE_GROUP_KEYS = ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'] as const;
export type AgeStructureCell = TAgeStructureCell;

/** The commune's stored margins, or null when none are recorded. */
export async function ageStructureRecord(db: Db, ags: string): Promise<TAgeStructureRecord | null> {
  const [row] = await db.select().from(communeAgeStructure).where(eq(communeAgeStructure.ags, ags));
  if (!row) return null;
  const total = row.cells.reduce((s, c) => s + c.count, 0);
  return { ags: row.ags, referenceDate: row.referenceDate, source: row.source, cells: row.cells, total, updatedAt: row.updatedAt.toISOString(), version: row.version };
}

/** Kept for the evaluation module's demo seed, which imports it from here. */
export { saveAgeStructure } from './save-age-structure.js';
