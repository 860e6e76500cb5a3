import type { Db } from '../../server/db/client.js';
import type { TCouncilOffice, TCouncilState, TCouncilTheme } from './councils.types.js';
import { councilBodies, councils, councilStateChanges } from './schema.js';

export interface CouncilRecordSpec {
  code: string;
  ags: string;
  communes?: string[];
  name: string;
  shortName?: string;
  previousNames?: { name: string; until: string }[];
  foundingResolutionOn?: string | null;
  foundingResolutionNumber?: string;
  themes?: TCouncilTheme[];
  office?: TCouncilOffice;
  description?: string;
  website?: string;
  /** The dated state history, oldest first; the council's `state` is the last entry. */
  history: { state: TCouncilState; effectiveOn: string; note?: string }[];
  /** The plenary's start (default: the first entry of the history). */
  plenumStartedOn?: string;
  createdBy?: string | null;
}

/**
 * Inserts a council with its plenary body and its state history (inside the caller's transaction). Used by
 * the take-over of recorded milestones and the demo data; the use cases of the API validate their input first.
 */
export async function insertCouncilRecord(tx: Db, spec: CouncilRecordSpec) {
  const latest = spec.history.at(-1);
  if (!latest) throw new Error(`council ${spec.code}: empty state history`);
  const [council] = await tx.insert(councils).values({
    code: spec.code, ags: spec.ags, communes: spec.communes ?? [spec.ags], name: spec.name, shortName: spec.shortName ?? '',
    previousNames: spec.previousNames ?? [], state: latest.state, foundingResolutionOn: spec.foundingResolutionOn ?? null,
    foundingResolutionNumber: spec.foundingResolutionNumber ?? '', themes: spec.themes ?? [], office: spec.office ?? {},
    description: spec.description ?? '', website: spec.website ?? '', createdBy: spec.createdBy ?? null,
  }).returning();
  const [plenum] = await tx.insert(councilBodies).values({
    councilId: council!.id, kind: 'plenum', name: spec.name, shortName: spec.shortName ?? '', startedOn: spec.plenumStartedOn ?? spec.history[0]!.effectiveOn, sortOrder: 0,
  }).returning();
  // `created_at` set apart by a millisecond each: it orders entries of the same day (now() is one per transaction).
  const at = Date.now();
  await tx.insert(councilStateChanges).values(spec.history.map((h, i) => ({
    councilId: council!.id, state: h.state, effectiveOn: h.effectiveOn, note: h.note ?? '', createdBy: spec.createdBy ?? null, createdAt: new Date(at + i),
  })));
  return { council: council!, plenum: plenum! };
}
