import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { unprocessable } from '../../../server/http/problem.js';
import { stableJson } from '../../../lib/json.js';
import { recordAllianceAudit, type AllianceAuditAction } from '../audit.js';
import { agreementCommunes, agreements } from '../schema.js';
import { getAgreement, getAgreementRow } from './agreement.js';
import { normaliseSignatories, resolveParties } from './parties.js';
import { checkTopics } from '../lookups.js';
import type { TAgreementRecord, TAgreementUpdate } from './agreements.types.js';

const CONTENT_FIELDS = ['title', 'policeDirectorateId', 'policeUnit', 'modules', 'topics', 'goals', 'measures', 'sections'] as const;

/**
 * Edits an agreement. A draft changes in place; an agreed draft whose content changes goes back to
 * Entwurf (signatories and place may still be completed). A signed agreement gets a new revision in
 * Entwurf while the signed one stays in force and readable; an ended agreement is closed.
 */
export async function updateAgreement(db: Db, ctx: AuditContext, id: string, input: TAgreementUpdate): Promise<TAgreementRecord> {
  return db.transaction(async (tx) => {
    const row = await getAgreementRow(tx, id);
    if (row.state === 'ended') throw unprocessable('agreement_ended', 'Die Vereinbarung ist beendet und kann nicht mehr geändert werden.');
    const before = await getAgreement(tx, id);
    const stillDraft = row.inForceSince === null;
    const { list, directorate } = await resolveParties(tx, { subjectAgs: row.subjectAgs, groupId: row.groupId }, input.policeDirectorateId ?? row.policeDirectorateId);
    // Once signed, the covered communes are those that signed; later group changes need a new agreement.
    const covered = stillDraft ? list : before.communes.map((c) => ({ ags: c.ags }));
    await checkTopics(tx, input.topics, 'topics', row.topics);
    const values = {
      title: input.title || row.title, policeDirectorateId: directorate.id, policeUnit: input.policeUnit || null,
      signatories: normaliseSignatories(input.signatories, covered), modules: [...new Set(input.modules)], topics: [...new Set(input.topics)],
      goals: input.goals.filter(Boolean), measures: input.measures.filter(Boolean), sections: input.sections ?? row.sections, signedPlace: input.signedPlace,
    };
    const contentChanged = CONTENT_FIELDS.some((f) => stableJson(values[f]) !== stableJson(row[f]));
    const changes: Record<string, unknown> = { ...values, updatedAt: new Date() };
    let action: AllianceAuditAction = 'agreement.updated';
    if (row.state === 'signed') {
      Object.assign(changes, { state: 'draft', revision: row.revision + 1, signedOn: null });
      action = 'agreement.amendment_started';
    } else if (row.state === 'agreed' && contentChanged) {
      changes.state = 'draft';
    }
    await updateVersioned(tx, agreements, eq(agreements.id, id), input.version, changes, 'Die Vereinbarung');
    if (stillDraft) {
      await tx.delete(agreementCommunes).where(eq(agreementCommunes.agreementId, id));
      await tx.insert(agreementCommunes).values(list.map((c) => ({ agreementId: id, ags: c.ags })));
    }
    const after = await getAgreement(tx, id);
    await recordAllianceAudit(tx, ctx, { action, entityType: 'agreement', entityId: id, before, after });
    return after;
  });
}
