import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { unprocessable } from '../../server/http/problem.js';
import { todayIso } from '../../lib/dates.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { accessCodes, analysisProjects, analysisTasks, samplePersons, surveySamples, surveyStrata } from './schema.js';
import type { Allocation, StrataBy } from './sampling.js';
import { readRegisterAndDrawOffLoop } from './register-sample.js';
import { hashCode, newAccessCode } from './access-codes.js';
import { getSample } from './sample.js';
import { latestFrozenQuestionnaire } from './survey-state.js';
import type { TSample } from './surveys.types.js';

/** The largest register extract accepted (a city of 600,000 adults is about 50 MB). */
export const MAX_REGISTER_BYTES = 50 * 1024 * 1024;
export interface SampleOptions { strataBy: StrataBy; allocation: Allocation; size: number; seed?: number }

/**
 * Reads the register extract and draws the stratified sample in one step: only the drawn persons (for the
 * letters) and the per-stratum counts are stored; the rest of the register is never kept. A malformed file
 * is rejected whole with every bad line. Drawing again replaces the sample until letters are produced.
 */
export async function drawProjectSample(db: Db, ctx: AuditContext, project: AnalysisRow, file: { name: string; data: Buffer }, options: SampleOptions): Promise<TSample> {
  const seed = options.seed ?? randomInt(1, 2 ** 31 - 1);
  const { encoding, personsRead, under16, strata, drawn, districts } = await readRegisterAndDrawOffLoop(file.data, project.startOn, { ...options, seed });
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(surveySamples).where(eq(surveySamples.projectId, project.id));
    if (existing?.lettersAt) throw unprocessable('letters_produced', 'Die Anschreiben sind bereits erstellt; die Stichprobe kann nicht mehr neu gezogen werden.');
    await tx.delete(samplePersons).where(eq(samplePersons.projectId, project.id));
    await tx.delete(accessCodes).where(eq(accessCodes.projectId, project.id));
    await tx.delete(surveyStrata).where(eq(surveyStrata.projectId, project.id));
    await tx.delete(surveySamples).where(eq(surveySamples.projectId, project.id));
    await tx.insert(surveySamples).values({
      projectId: project.id, strataBy: options.strataBy, allocation: options.allocation, requestedSize: options.size, seed,
      fileName: file.name.slice(0, 200), encoding, personsRead, under16,
    });
    await tx.insert(surveyStrata).values(strata.map((s) => ({ ...s, projectId: project.id })));
    const people = drawn.map((p, i) => ({
      projectId: project.id, serial: i + 1, stratumKey: p.stratumKey, salutation: p.salutation, firstName: p.firstName, lastName: p.lastName,
      street: `${p.street} ${p.houseNumber}`, postalCode: p.postalCode, city: p.city, code: newAccessCode(),
    }));
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      await tx.insert(samplePersons).values(chunk);
      await tx.insert(accessCodes).values(chunk.map((p) => ({ codeHash: hashCode(p.code), projectId: project.id, stratumKey: p.stratumKey })));
    }
    // The register's Ortsteile become the answer options of the district question (while it can change).
    if (districts.length && !(await latestFrozenQuestionnaire(tx, project.id))) await tx.update(analysisProjects).set({ districts, updatedAt: new Date() }).where(eq(analysisProjects.id, project.id));
    await tx.update(analysisTasks).set({ doneOn: todayIso(), doneBy: ctx.actorId })
      .where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'register_extract'), isNull(analysisTasks.doneOn)));
    const summary = { strataBy: options.strataBy, allocation: options.allocation, size: options.size, seed, personsRead, under16, strata: strata.length };
    await recordSurveysAudit(tx, ctx, { action: 'survey_sample.drawn', entityType: 'analysis_project', entityId: project.id, after: summary });
    return (await getSample(tx, project.id))!;
  });
}
