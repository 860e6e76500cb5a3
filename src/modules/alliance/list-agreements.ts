import { and, asc, desc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { isAllowed } from '../../server/http/access.js';
import { notFound } from '../../server/http/problem.js';
import { agreementCommunes, agreementRevisions, agreements } from './schema.js';
import { getAgreement, presentAgreements, type PresentedAgreement } from './agreements.js';
import { alliancePolicy } from './policy.js';
import { canSeeAny, visibleCommunes, type Visibility } from './visibility.js';

/** Agreements and drafts the actor may see: LPR all, a commune its own, police their directorate's. */
export async function listAgreements(db: Db, actor: Actor | null, q: { ags?: string; state?: string; kind?: string }) {
  const visible = await visibleCommunes(db, actor);
  const where: SQL[] = [];
  const covering = (list: string[]) => inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(inArray(agreementCommunes.ags, list)));
  if (!visible.all) {
    if (!visible.ags.size) return { items: [] };
    where.push(covering([...visible.ags]));
  }
  if (q.ags) where.push(covering([q.ags]));
  if (q.state) where.push(eq(agreements.state, q.state));
  if (q.kind) where.push(eq(agreements.kind, q.kind));
  const rows = await db.select().from(agreements).where(where.length ? and(...where) : undefined).orderBy(desc(agreements.updatedAt));
  return { items: await presentAgreements(db, rows) };
}

/** Whether `actor` may open this agreement (GET /agreements/:id, links in the Bilanz): an internal role, one of its communes visible. */
export const mayOpenAgreement = (actor: Actor | null, v: Visibility, a: { communes: readonly { ags: string }[] }) =>
  isAllowed(alliancePolicy.readInternal, actor) && canSeeAny(v, a.communes.map((c) => c.ags));

export async function getVisibleAgreement(db: Db, actor: Actor | null, id: string) {
  const a = await getAgreement(db, id);
  if (!mayOpenAgreement(actor, await visibleCommunes(db, actor), a)) throw notFound('Diese Vereinbarung gibt es nicht.');
  return a;
}

/** Headline facts of every signed agreement (its latest signed revision): parties, date, modules. */
export async function listPublicAgreements(db: Db, ags?: string) {
  const where: SQL[] = [isNotNull(agreements.inForceSince)];
  if (ags) where.push(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, ags))));
  const rows = await db.select({ id: agreements.id, endedOn: agreements.endedOn, inForceSince: agreements.inForceSince }).from(agreements).where(and(...where)).orderBy(desc(agreements.inForceSince));
  const latest = new Map<string, PresentedAgreement>();
  if (rows.length) {
    const revisions = await db.select({ id: agreementRevisions.agreementId, snapshot: agreementRevisions.snapshot }).from(agreementRevisions)
      .where(inArray(agreementRevisions.agreementId, rows.map((r) => r.id))).orderBy(asc(agreementRevisions.revision));
    for (const v of revisions) latest.set(v.id, v.snapshot as unknown as PresentedAgreement);
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
