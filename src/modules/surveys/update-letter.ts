import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { Problem } from '../../server/http/problem.js';
import { recordSurveysAudit } from './audit.js';
import type { AnalysisRow } from './policy.js';
import { surveyLetters } from './schema.js';
import { getLetter } from './letter.js';
import type { TLetter } from './surveys.types.js';

/** Saves the letter text (version 0 = the first save of the default text). */
export async function updateLetter(db: Db, ctx: AuditContext, project: AnalysisRow, input: { sender: string; subject: string; body: string; reminderBody: string; signature: string; version: number }): Promise<TLetter> {
  return db.transaction(async (tx) => {
    const before = await getLetter(tx, project);
    const { version, ...values } = input;
    if (before.version === 0) {
      if (version !== 0) throw new Problem(409, 'version_conflict', 'Das Anschreiben wurde zwischenzeitlich geändert. Bitte laden Sie die Seite neu.');
      await tx.insert(surveyLetters).values({ projectId: project.id, ...values }).onConflictDoNothing();
    } else {
      await updateVersioned(tx, surveyLetters, eq(surveyLetters.projectId, project.id), version, { ...values, updatedAt: new Date() }, 'Das Anschreiben');
    }
    const after = await getLetter(tx, project);
    await recordSurveysAudit(tx, ctx, { action: 'survey_letter.updated', entityType: 'analysis_project', entityId: project.id, before, after });
    return after;
  });
}
