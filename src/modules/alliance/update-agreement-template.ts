import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { recordAudit, type AuditContext } from '../../server/audit/record.js';
import { updateVersioned } from '../../server/db/versioned.js';
import { notFound } from '../../server/http/problem.js';
import { agreementTemplates, type AgreementSection } from './schema.js';
import { DEFAULT_TEMPLATE_ID } from './reference-data.js';

export async function getAgreementTemplate(db: Db) {
  const [row] = await db.select().from(agreementTemplates).where(eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID));
  if (!row) throw notFound('Die Mustervorlage fehlt.');
  return { id: row.id, name: row.name, sections: row.sections, version: row.version };
}

/** New drafts start from the edited template; existing agreements keep their own text. */
export async function updateAgreementTemplate(db: Db, ctx: AuditContext, input: { name: string; sections: AgreementSection[]; version: number }) {
  return db.transaction(async (tx) => {
    const before = await getAgreementTemplate(tx);
    const sections = input.sections.map((s, i) => ({ ...s, key: s.key || `abschnitt_${i + 1}` }));
    await updateVersioned(tx, agreementTemplates, eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID), input.version, { name: input.name, sections, updatedAt: new Date() }, 'Die Vorlage');
    const after = await getAgreementTemplate(tx);
    await recordAudit(tx, ctx, { action: 'agreement_template.updated', entityType: 'agreement_template', entityId: DEFAULT_TEMPLATE_ID, before, after });
    return after;
  });
}
