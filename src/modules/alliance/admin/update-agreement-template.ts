import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { AuditContext } from '../../../server/audit/record.js';
import { updateVersioned } from '../../../server/db/versioned.js';
import { recordAllianceAudit } from '../audit.js';
import { agreementTemplates } from '../schema.js';
import { DEFAULT_TEMPLATE_ID } from '../reference-data.js';
import { getAgreementTemplate } from './get-agreement-template.js';
import type { TTemplate, TTemplateUpdate } from './admin.types.js';

/** New drafts start from the edited template; existing agreements keep their own text. */
export async function updateAgreementTemplate(db: Db, ctx: AuditContext, input: TTemplateUpdate): Promise<TTemplate> {
  return db.transaction(async (tx) => {
    const before = await getAgreementTemplate(tx);
    const sections = input.sections.map((s, i) => ({ ...s, key: s.key || `abschnitt_${i + 1}` }));
    await updateVersioned(tx, agreementTemplates, eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID), input.version, { name: input.name, sections, updatedAt: new Date() }, 'Die Vorlage');
    const after = await getAgreementTemplate(tx);
    await recordAllianceAudit(tx, ctx, { action: 'agreement_template.updated', entityType: 'agreement_template', entityId: DEFAULT_TEMPLATE_ID, before, after });
    return after;
  });
}
