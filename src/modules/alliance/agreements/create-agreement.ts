import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { invalidField } from '../../../server/http/problem.js';
import { communeGroups } from '../../communes/schema.js';
import { recordAllianceAudit } from '../audit.js';
import { agreementCommunes, agreements, agreementTemplates } from '../schema.js';
import { fillPlaceholders, getAgreement, joinNames, KIND_LABELS, moduleLabel } from './agreement.js';
import { communesParty, officialName } from '../../communes/official-name.js';
import { normaliseSignatories, resolveParties } from './parties.js';
import { checkTopics } from '../lookups.js';
import { DEFAULT_TEMPLATE_ID } from '../reference-data.js';
import type { TAgreementInput, TAgreementRecord } from './agreements.types.js';

/** A draft from the template: for one commune or a group, with the directorate of the Kreis as police party unless given. */
export async function createAgreement(db: Db, ctx: AuditContext, input: TAgreementInput): Promise<TAgreementRecord> {
  if (!!input.subjectAgs === !!input.groupId) throw invalidField('subjectAgs', 'Eine Vereinbarung gilt entweder für eine Kommune oder für eine Gruppe von Kommunen; bitte genau eines wählen.', 'Kommune');
  return db.transaction(async (tx) => {
    const { list, directorate } = await resolveParties(tx, input, input.policeDirectorateId);
    await checkTopics(tx, input.topics);
    const [group] = input.groupId ? await tx.select({ name: communeGroups.name, kind: communeGroups.kind }).from(communeGroups).where(eq(communeGroups.id, input.groupId)) : [];
    const subjectName = group?.name ?? officialName(list[0]!).name;
    const [template] = await tx.select().from(agreementTemplates).where(eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID));
    const sections = input.sections ?? fillPlaceholders(template?.sections ?? [], {
      communes: communesParty(list, group ?? null),
      police: input.policeUnit ? `die ${directorate.name} (${input.policeUnit})` : `die ${directorate.name}`,
      modules: joinNames(input.modules.map(moduleLabel)),
    });
    const [row] = await tx.insert(agreements).values({
      kind: input.kind, title: input.title || `${KIND_LABELS[input.kind]} ${subjectName}`,
      subjectAgs: input.subjectAgs, groupId: input.groupId, policeDirectorateId: directorate.id, policeUnit: input.policeUnit || null,
      signatories: normaliseSignatories(input.signatories, list), modules: [...new Set(input.modules)], topics: [...new Set(input.topics)],
      goals: input.goals.filter(Boolean), measures: input.measures.filter(Boolean), sections, signedPlace: input.signedPlace, createdBy: ctx.actorId,
    }).returning();
    await tx.insert(agreementCommunes).values(list.map((c) => ({ agreementId: row!.id, ags: c.ags })));
    const after = await getAgreement(tx, row!.id);
    await recordAllianceAudit(tx, ctx, { action: 'agreement.drafted', entityType: 'agreement', entityId: row!.id, after });
    return after;
  });
}
