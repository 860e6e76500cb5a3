import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { FileStorage } from '../../../server/files/storage.js';
import { notFound } from '../../../server/http/problem.js';
import { agreementRevisions } from '../schema.js';

/** The scan of a signed revision (the latest signed one unless `revision` is given). */
export async function readAgreementScan(db: Db, files: FileStorage, id: string, revision?: number) {
  const where = revision ? and(eq(agreementRevisions.agreementId, id), eq(agreementRevisions.revision, revision)) : eq(agreementRevisions.agreementId, id);
  const [rev] = await db.select().from(agreementRevisions).where(where).orderBy(desc(agreementRevisions.revision)).limit(1);
  if (!rev?.scanKey) throw notFound('Zu dieser Vereinbarung wurde noch kein Scan hochgeladen.');
  return { name: rev.scanName ?? 'scan.pdf', data: await files.get(rev.scanKey) };
}
