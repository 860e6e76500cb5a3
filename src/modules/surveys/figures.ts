import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { CommuneEvent, FigureDefinition } from '../../server/figures.js';
import { analysisProjects } from './schema.js';

/** The commune event of a completed analysis (the alliance records the same kind for analyses done off the platform). */
export const SAFETY_ANALYSIS_COMPLETED = 'safety_analysis_completed';

/** Every completed analysis as an event of its commune, on the day its report was handed over. */
export async function surveysCommuneEvents(db: Db): Promise<CommuneEvent[]> {
  const rows = await db.select({ ags: analysisProjects.ags, completedOn: analysisProjects.completedOn, title: analysisProjects.title, code: analysisProjects.code })
    .from(analysisProjects).where(and(eq(analysisProjects.status, 'completed'), isNotNull(analysisProjects.completedOn)));
  return rows.map((r) => ({ ags: r.ags, kind: SAFETY_ANALYSIS_COMPLETED, occurredOn: r.completedOn!, note: `${r.title} (${r.code})`, module: 'surveys' }));
}

/** The statewide count of security analyses: completed events of every module (this one's and those the LPR recorded). */
export const surveysFigures: FigureDefinition[] = [
  {
    key: 'safetyAnalyses', order: 60, unit: 'count',
    source: 'Abgeschlossene Sicherheitsanalysen: auf der Plattform abgeschlossene und vom Landespräventionsrat erfasste',
    label: { de: 'Sicherheitsanalysen durchgeführt', en: 'Security analyses completed' },
    async values(ctx, days) {
      const dates = (await ctx.communeEvents()).filter((e) => e.kind === SAFETY_ANALYSIS_COMPLETED).map((e) => e.occurredOn);
      return days.map((d) => dates.filter((x) => x <= d).length);
    },
  },
];
