import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { invalidField, unprocessable } from '../../server/http/problem.js';
import { communeGroups, policeDirectorates } from '../communes/schema.js';
import { agreementCommunes, agreements, agreementTemplates, type AgreementSection, type Signatory } from './schema.js';
import { checkDirectorate, fillPlaceholders, getAgreement, joinNames, KIND_LABELS, moduleLabel, normaliseSignatories, subjectCommunes, type AgreementKind } from './agreements.js';
import { checkTopics } from './lookups.js';
import { DEFAULT_TEMPLATE_ID } from './reference-data.js';

export interface AgreementContent {
  title: string; policeDirectorateId: string | null; policeUnit: string | null; signatories: Signatory[];
  modules: string[]; topics: string[]; goals: string[]; measures: string[]; sections?: AgreementSection[]; signedPlace: string;
}

/** The covered communes and the police party, checked: active communes, all within the directorate. */
export async function resolveParties(db: Db, subject: { subjectAgs: string | null; groupId: string | null }, directorateId: string | null) {
  const list = await subjectCommunes(db, subject);
  if (!list.length) throw unprocessable('no_communes', subject.groupId ? 'Die gewählte Gruppe gibt es nicht oder sie hat keine Mitglieder.' : 'Die gewählte Kommune gibt es nicht.', subject.groupId ? 'groupId' : 'subjectAgs');
  const merged = list.filter((c) => c.status !== 'active');
  if (merged.length) throw unprocessable('commune_merged', `${merged.map((m) => m.name).join(', ')} besteht nicht mehr als eigene Gemeinde.`, 'subjectAgs');
  const id = directorateId ?? list[0]!.directorate;
  const [directorate] = await db.select().from(policeDirectorates).where(eq(policeDirectorates.id, id));
  if (!directorate) throw invalidField('policeDirectorateId', 'Unbekannte Polizeidirektion.');
  checkDirectorate(list, directorate.id, directorate.name);
  return { list, directorate };
}

export async function createAgreement(db: Db, ctx: AuditContext, input: AgreementContent & { kind: AgreementKind; subjectAgs: string | null; groupId: string | null }) {
  if (!!input.subjectAgs === !!input.groupId) throw invalidField('subjectAgs', 'Eine Vereinbarung gilt entweder für eine Kommune oder für eine Gruppe von Kommunen; bitte genau eines wählen.');
  return db.transaction(async (tx) => {
    const { list, directorate } = await resolveParties(tx, input, input.policeDirectorateId);
    await checkTopics(tx, input.topics);
    const [group] = input.groupId ? await tx.select({ name: communeGroups.name }).from(communeGroups).where(eq(communeGroups.id, input.groupId)) : [];
    const subjectName = group?.name ?? list[0]!.name;
    const [template] = await tx.select().from(agreementTemplates).where(eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID));
    const sections = input.sections ?? fillPlaceholders(template?.sections ?? [], {
      communes: group ? `der ${group.name} (${joinNames(list.map((c) => c.name))})` : list[0]!.name,
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
    await recordAudit(tx, ctx, { action: 'agreement.drafted', entityType: 'agreement', entityId: row!.id, after });
    return after;
  });
}
