import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { TimelineEntry } from '../../server/figures.js';
import { isAllowed } from '../../server/http/access.js';
import { analysisPhases, analysisProjects, questionnaires } from './schema.js';
import { fieldPhaseOf, isFrozen } from './survey-state.js';
import { analysisPolicy } from './policy.js';
import { accessibleProjectIds } from './projects.js';

/**
 * The surveys module's entries in a commune's Bilanz: analyses commissioned, field phases, completion. An
 * entry links to the analysis only if `actor` may open it (GET /analyses/:id: analysisPolicy's read rule).
 */
export async function surveysTimeline(db: Db, ags: string, actor: Actor | null): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  const projects = await db.select().from(analysisProjects).where(eq(analysisProjects.ags, ags)).orderBy(asc(analysisProjects.startOn));
  const openable = isAllowed(analysisPolicy.door('read'), actor) ? await accessibleProjectIds(db, actor, projects.map((p) => p.id)) : new Set<string>();
  for (const p of projects) {
    const link = openable.has(p.id) ? `/analysen/${p.id}` : null;
    out.push({ date: p.startOn, module: 'surveys', kind: 'analysis_started', title: 'Sicherheitsanalyse beauftragt', detail: `${p.title} · ${p.institute}`, link });
    const [q] = await db.select({ frozenAt: questionnaires.frozenAt }).from(questionnaires).where(and(eq(questionnaires.projectId, p.id), isFrozen)).orderBy(asc(questionnaires.revision)).limit(1);
    if (q?.frozenAt) out.push({ date: q.frozenAt.toISOString().slice(0, 10), module: 'surveys', kind: 'field_phase_started', title: 'Bürgerbefragung: Feldphase begonnen', detail: p.title, link });
    const [field] = await db.select().from(analysisPhases).where(fieldPhaseOf(p.id));
    if (field?.status === 'done' && field.doneOn) out.push({ date: field.doneOn, module: 'surveys', kind: 'field_phase_closed', title: 'Bürgerbefragung: Feldphase beendet', detail: p.title, link });
    if (p.completedOn) out.push({ date: p.completedOn, module: 'surveys', kind: 'analysis_completed', title: 'Sicherheitsanalyse abgeschlossen', detail: `${p.title} (${p.code})`, link });
  }
  return out;
}
