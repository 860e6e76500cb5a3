import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recommendations } from './schema.js';
import { fieldLabels, presentRecommendation } from './present-recommendation.js';
import type { TRecommendation } from './evaluation.types.js';

/** The analysis' recommendations in their order. */
export async function listRecommendations(db: Db, projectId: string): Promise<TRecommendation[]> {
  const labels = await fieldLabels(db);
  const rows = await db.select().from(recommendations).where(eq(recommendations.projectId, projectId)).orderBy(asc(recommendations.sortOrder), asc(recommendations.createdAt));
  return rows.map((r) => presentRecommendation(r, labels));
}
