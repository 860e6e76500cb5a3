import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { agreementCommunes, agreementRevisions, agreements } from '../schema.js';
import type { TAgreementRecord, TPublicAgreementList } from './agreements.types.js';

/** Headline facts of every signed agreement (its latest signed revision): parties, date, modules. */
export async function listPublicAgreements(db: Db, ags?: string): Promise<TPublicAgreementList> {
  const where: SQL[] = [isNotNull(agreements.inForceSince)];
  if (ags) where.push(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, ags))));
  const rows = await db.select({ id: agreements.id, endedOn: agreements.endedOn, inForceSince: agreements.inForceSince }).from(agreements).where(and(...where)).orderBy(desc(agreements.inForceSince));
  const latest = new Map<string, TAgreementRecord>();
  if (rows.length) {
    const revisions = await db.select({ id: agreementRevisions.agreementId, snapshot: agreementRevisions.snapshot }).from(agreementRevisions)
      .where(inArray(agreementRevisions.agreementId, rows.map((r) => r.id))).orderBy(asc(agreementRevisions.revision));
    for (const v of revisions) latest.set(v.id, v.snapshot as unknown as TAgreementRecord);
  }
  const items = rows.filter((r) => latest.has(r.id)).map((r) => {
    const s = latest.get(r.id)!;
    return {
      id: r.id, kind: s.kind, kindLabel: s.kindLabel, title: s.title, signedOn: r.inForceSince!, endedOn: r.endedOn,
      parties: s.parties.map((p) => ({ party: p.party, label: p.label })), communes: s.communes.map(({ ags, name }) => ({ ags, name })), modules: s.modules,
    };
  });
  return { items };
}
