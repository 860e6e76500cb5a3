import { eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound } from '../../../server/http/problem.js';
import { agreementTemplates } from '../schema.js';
import { DEFAULT_TEMPLATE_ID } from '../reference-data.js';
import type { TTemplate } from './admin.types.js';

/** The template new agreement drafts start from. */
export async function getAgreementTemplate(db: Db): Promise<TTemplate> {
  const [row] = await db.select().from(agreementTemplates).where(eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID));
  if (!row) throw notFound('Die Mustervorlage fehlt.');
  return { id: row.id, name: row.name, sections: row.sections, version: row.version };
}
