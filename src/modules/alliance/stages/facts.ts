import { asc, eq, isNotNull } from 'drizzle-orm';
import type { FigureContext } from '../../../server/figures.js';
import { communes } from '../../communes/schema.js';
import { agreementCommunes, agreements, coachingProcesses, communeMilestones, consultationCommunes, consultations, modelCommunes } from '../schema.js';
import { ACTIVITY_KINDS, COUNCIL_DISSOLVED, stageHistory, type CommuneFacts, type MilestoneKind, type Stage, type StageChange } from './stages.js';

/** Other modules' events the alliance reads: activities (stages, layers) and a council's dissolution (the map's council layer). */
const countedKind = (kind: string) => (ACTIVITY_KINDS as readonly string[]).includes(kind) || kind === COUNCIL_DISSOLVED;

export interface AllianceFacts {
  /** Every commune of the registry (active and merged), with its recorded events. */
  byAgs: Map<string, CommuneFacts>;
  /** The communes of the registry that exist today (not merged away), by AGS. */
  activeAgs: string[];
  histories: Map<string, StageChange[]>;
  /** Each agreement once (facts per commune repeat group agreements). */
  agreements: { id: string; kind: 'pre' | 'cooperation'; inForceSince: string; endedOn: string | null }[];
  coaching: { id: string; startedOn: string | null; status: string }[];
}

/**
 * Loads everything the stage derivation, figures and map need, in six queries, and adds the events other
 * modules record (an analysis completed in the surveys module) to the communes' milestones.
 */
async function loadAllianceFacts(ctx: FigureContext): Promise<AllianceFacts> {
  const { db } = ctx;
  const byAgs = new Map<string, CommuneFacts>();
  const activeAgs: string[] = [];
  for (const c of await db.select({ ags: communes.ags, name: communes.name, status: communes.status }).from(communes).orderBy(asc(communes.ags))) {
    byAgs.set(c.ags, { ags: c.ags, name: c.name, model: false, consultations: [], agreements: [], coaching: [], milestones: [] });
    if (c.status === 'active') activeAgs.push(c.ags);
  }
  const get = (ags: string) => byAgs.get(ags)!;
  for (const m of await db.select().from(modelCommunes)) get(m.ags).model = true;
  for (const r of await db.select({ ags: consultationCommunes.ags, heldOn: consultations.heldOn }).from(consultationCommunes)
    .innerJoin(consultations, eq(consultations.id, consultationCommunes.consultationId)).orderBy(asc(consultations.heldOn))) {
    get(r.ags).consultations.push(r.heldOn);
  }
  const agreementRows = await db.select({ ags: agreementCommunes.ags, id: agreements.id, kind: agreements.kind, title: agreements.title, inForceSince: agreements.inForceSince, endedOn: agreements.endedOn })
    .from(agreementCommunes).innerJoin(agreements, eq(agreements.id, agreementCommunes.agreementId)).where(isNotNull(agreements.inForceSince));
  const uniqueAgreements = new Map<string, AllianceFacts['agreements'][number]>();
  for (const r of agreementRows) {
    const fact = { id: r.id, kind: r.kind as 'pre' | 'cooperation', title: r.title, inForceSince: r.inForceSince!, endedOn: r.endedOn };
    get(r.ags).agreements.push(fact);
    uniqueAgreements.set(r.id, fact);
  }
  const coachingRows = await db.select({ id: coachingProcesses.id, ags: coachingProcesses.ags, startedOn: coachingProcesses.startedOn, endedOn: coachingProcesses.endedOn, status: coachingProcesses.status }).from(coachingProcesses);
  for (const c of coachingRows) get(c.ags).coaching.push({ id: c.id, startedOn: c.startedOn, endedOn: c.endedOn, status: c.status });
  const milestoneRows = await db.select({ ags: communeMilestones.ags, kind: communeMilestones.kind, occurredOn: communeMilestones.occurredOn, stage: communeMilestones.stage, amountEur: communeMilestones.amountEur, note: communeMilestones.note })
    .from(communeMilestones).orderBy(asc(communeMilestones.occurredOn), asc(communeMilestones.createdAt));
  for (const m of milestoneRows) {
    get(m.ags).milestones.push({ kind: m.kind as MilestoneKind, occurredOn: m.occurredOn, stage: (m.stage as Stage | null) ?? null, amountEur: m.amountEur === null ? null : Number(m.amountEur), note: m.note });
  }
  const others = (await ctx.communeEvents()).filter((e) => e.module !== 'alliance' && countedKind(e.kind) && byAgs.has(e.ags));
  for (const e of others) get(e.ags).milestones.push({ kind: e.kind as MilestoneKind, occurredOn: e.occurredOn, stage: null, amountEur: null, note: e.note ?? '' });
  if (others.length) for (const f of byAgs.values()) f.milestones.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const histories = new Map<string, StageChange[]>();
  for (const f of byAgs.values()) histories.set(f.ags, stageHistory(f));
  return { byAgs, activeAgs, histories, agreements: [...uniqueAgreements.values()], coaching: coachingRows };
}

export const allianceFacts = (ctx: FigureContext) => ctx.memo('alliance.facts', () => loadAllianceFacts(ctx));

/** The stage on `day` from a precomputed history. */
export function stageOn(history: readonly StageChange[] | undefined, day: string): Stage | null {
  let stage: Stage | null = null;
  for (const h of history ?? []) { if (h.date > day) break; stage = h.stage; }
  return stage;
}
