import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { notFound } from '../../../server/http/problem.js';
import { agreementRevisions } from '../schema.js';
import type { TAgreementRecord } from './agreements.types.js';

/** A signed revision exactly as it was signed. */
export async function getAgreementRevision(db: Db, id: string, revision: number): Promise<TAgreementRecord> {
  const [row] = await db.select().from(agreementRevisions).where(and(eq(agreementRevisions.agreementId, id), eq(agreementRevisions.revision, revision)));
  if (!row) throw notFound(`Von dieser Vereinbarung gibt es keine unterzeichnete Fassung ${revision}.`);
  return row.snapshot as unknown as TAgreementRecord;
}
