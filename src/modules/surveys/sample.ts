import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { samplePersons, surveySamples, surveyStrata } from './schema.js';
import type { TSample } from './surveys.types.js';

/** The drawn sample: how it was drawn, its strata, and what has happened to the personal data (null before drawing). */
export async function getSample(db: Db, projectId: string): Promise<TSample | null> {
  const [s] = await db.select().from(surveySamples).where(eq(surveySamples.projectId, projectId));
  if (!s) return null;
  const strata = await db.select().from(surveyStrata).where(eq(surveyStrata.projectId, projectId)).orderBy(asc(surveyStrata.key));
  const persons = s.personalDataDeletedAt ? 0 : (await db.select({ id: samplePersons.id }).from(samplePersons).where(eq(samplePersons.projectId, projectId))).length;
  return {
    strataBy: s.strataBy, allocation: s.allocation, requestedSize: s.requestedSize, seed: s.seed, fileName: s.fileName, encoding: s.encoding,
    personsRead: s.personsRead, under16: s.under16, drawnAt: s.drawnAt.toISOString(), lettersAt: s.lettersAt?.toISOString() ?? null,
    remindersAt: s.remindersAt?.toISOString() ?? null, personalDataDeletedAt: s.personalDataDeletedAt?.toISOString() ?? null, personsStored: persons,
    strata: strata.map((x) => ({ key: x.key, district: x.district, ageGroup: x.ageGroup, sex: x.sex, population: x.population, sampleSize: x.sampleSize })),
    version: s.version,
  };
}
