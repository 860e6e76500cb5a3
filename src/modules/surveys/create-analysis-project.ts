import { communeBaseName } from '../communes/official-name.js';
import { eq, like } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { recordSurveysAudit } from './audit.js';
import { unprocessable } from '../../server/http/problem.js';
import { fileSlug } from '../../server/http/download.js';
import { communes } from '../communes/schema.js';
import { analysisPhases, analysisProjects, analysisTasks, questionnaires } from './schema.js';
import { planFrom } from './plan.js';
import { presentProject } from './projects.js';
import { DEFAULT_INTRO, defaultElements } from './questionnaires.js';
import type { TProjectRecord } from './surveys.types.js';

/** Commissions an analysis for one commune: the 20-week plan, the commune's checklist and a first questionnaire draft. */
export async function createAnalysisProject(db: Db, ctx: AuditContext, input: { ags: string; institute: string; startOn: string; title?: string; code?: string }): Promise<TProjectRecord> {
  return db.transaction(async (tx) => {
    const [commune] = await tx.select({ name: communes.name, status: communes.status }).from(communes).where(eq(communes.ags, input.ags));
    if (!commune || commune.status !== 'active') throw unprocessable('unknown_commune', `Unbekannte oder nicht mehr bestehende Gemeinde ${input.ags}.`, 'ags');
    const town = communeBaseName(commune.name);
    const year = input.startOn.slice(0, 4);
    let code = input.code ?? `sa-${fileSlug(town).toLowerCase()}-${year}`;
    if (!input.code) {
      const taken = new Set((await tx.select({ c: analysisProjects.code }).from(analysisProjects).where(like(analysisProjects.code, `${code}%`))).map((r) => r.c));
      for (let n = 2; taken.has(code); n++) code = `sa-${fileSlug(town).toLowerCase()}-${year}-${n}`;
    }
    const [row] = await tx.insert(analysisProjects).values({
      code, ags: input.ags, title: input.title || `Sicherheitsanalyse ${town} ${year}`, institute: input.institute, startOn: input.startOn, createdBy: ctx.actorId,
    }).onConflictDoNothing().returning();
    if (!row) throw unprocessable('code_taken', `Das Kürzel ${code} ist schon vergeben.`, 'code');
    const plan = planFrom(input.startOn);
    await tx.insert(analysisPhases).values(plan.phases.map((p) => ({ ...p, projectId: row.id })));
    await tx.insert(analysisTasks).values(plan.tasks.map((t) => ({ ...t, projectId: row.id })));
    await tx.insert(questionnaires).values({
      projectId: row.id, revision: 1, title: { de: `Bürgerbefragung zur Sicherheit in ${town}`, en: `Citizen survey on safety in ${town}` },
      intro: DEFAULT_INTRO(town), elements: await defaultElements(tx),
    });
    const after = await presentProject(tx, row);
    await recordSurveysAudit(tx, ctx, { action: 'analysis_project.created', entityType: 'analysis_project', entityId: row.id, after });
    return after;
  });
}
