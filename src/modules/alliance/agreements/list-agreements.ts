import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import { agreementCommunes, agreements } from '../schema.js';
import { agreementPolicy } from '../policy.js';
import { presentAgreements } from './agreement.js';
import type { TAgreementList, TAgreementListQuery } from './agreements.types.js';

/** Agreements and drafts the actor may see: LPR all, a commune its own, police their directorate's. */
export async function listAgreements(db: Db, actor: Actor | null, q: TAgreementListQuery): Promise<TAgreementList> {
  const visible = await agreementPolicy.filter(db, actor, 'read');
  if (visible === 'none') return { items: [] };
  const where: SQL[] = visible ? [visible] : [];
  if (q.ags) where.push(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, q.ags))));
  if (q.state) where.push(eq(agreements.state, q.state));
  if (q.kind) where.push(eq(agreements.kind, q.kind));
  const rows = await db.select().from(agreements).where(where.length ? and(...where) : undefined).orderBy(desc(agreements.updatedAt));
  return { items: await Promise.all((await presentAgreements(db, rows)).map((a) => agreementPolicy.withCan(db, actor, a))) };
}
