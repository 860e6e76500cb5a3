import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { estimateProportion, independentDifference } from '../../stats/estimate.js';
import { analysisProjects } from '../surveys/schema.js';
import { loadAnalysisInputs, type AnalysisInputs } from './analysis-inputs.js';
import { indicatorsFor } from './indicators.js';
import { publish } from './indicator-findings.js';
import { weighForFindings } from './weigh-for-findings.js';
import { readableAnalyses } from './policy.js';
import type { TIndicatorFinding, TWaveComparison } from './evaluation.types.js';

/**
 * Whose findings these are, which decides the other waves compared: `'all'` for the stored report's full
 * version (the download picks the version per requester), otherwise only waves `actor` may read
 * (LPR, the commune, analysts assigned to both analyses).
 */
export type WaveAudience = 'all' | { actor: Actor | null };

/** The commune's other analyses with answers, indicator by indicator against this one (later − earlier). */
export async function waveComparisons(db: Db, inputs: AnalysisInputs, current: TIndicatorFinding[], audience: WaveAudience): Promise<{ waves: TWaveComparison[]; withheld: boolean }> {
  const others = await db.select().from(analysisProjects)
    .where(and(eq(analysisProjects.ags, inputs.project.ags), ne(analysisProjects.id, inputs.project.id))).orderBy(asc(analysisProjects.startOn));
  const readable = audience === 'all' ? null : await readableAnalyses(db, audience.actor, others);
  const out: TWaveComparison[] = [];
  let withheld = false;
  for (const other of others) {
    const otherInputs = await loadAnalysisInputs(db, other);
    if (!otherInputs.definition || !otherInputs.responses.length) continue;
    if (readable && !readable.has(other.id)) { withheld = true; continue; }
    const { data, design } = weighForFindings(otherInputs);
    const shared = indicatorsFor(otherInputs.definition).filter((i) => current.some((c) => c.key === i.key) && (i.group !== 'victimisation' || i.key === 'victim_any'));
    const previous = new Map(shared.map((indicator) => {
      const y = Float64Array.from(data.rows, (r) => indicator.value(r.answers));
      const e = estimateProportion(design, y, null);
      return [indicator.key, { e, cell: publish(e, inputs.publication.minRespondents) }] as const;
    }));
    const earlier = other.startOn < inputs.project.startOn;
    const rows = current.filter((c) => previous.has(c.key)).map((c) => {
      const p = previous.get(c.key)!;
      const mine = { estimate: c.overall.estimate!, se: c.overall.se! };
      const d = !c.overall.suppressed && !p.cell.suppressed ? (earlier ? independentDifference(mine, p.e) : independentDifference(p.e, mine)) : null;
      return { key: c.key, label: c.label, current: c.overall, other: p.cell, difference: d ? { estimate: d.estimate, low: d.ci[0], high: d.ci[1], significant: d.ci[0] > 0 || d.ci[1] < 0 } : null };
    });
    out.push({ project: { id: other.id, code: other.code, title: other.title, startOn: other.startOn, status: other.status, earlier }, rows });
  }
  return { waves: out, withheld };
}
