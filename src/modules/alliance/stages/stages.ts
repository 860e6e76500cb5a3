/**
 * Participation stages, derived from recorded events (pure; no I/O).
 *
 * A commune's stage on day D (inclusive) follows from what was recorded up to D:
 *   Kooperationsvereinbarung in force + a module in use (coaching started, council constituted,
 *     analysis completed or funding committed) → aktiv
 *   Kooperationsvereinbarung in force → kooperationsvereinbarung
 *   Vorvereinbarung in force → vorvereinbarung
 *   had an agreement, none in force any more → ausgetreten
 *   a consultation → beraten; a recorded first contact → kontaktiert.
 * A manual correction (e.g. ruhend) wins from its date until the derived stage next changes.
 */
export const STAGES = ['contacted', 'advised', 'pre_agreement', 'cooperation', 'active', 'dormant', 'withdrawn'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  contacted: 'kontaktiert', advised: 'beraten', pre_agreement: 'Vorvereinbarung', cooperation: 'Kooperationsvereinbarung',
  active: 'aktiv', dormant: 'ruhend', withdrawn: 'ausgetreten',
};

/** Stages in which a commune counts as "cooperating closely" (has a formal agreement in force). */
export const COOPERATING_STAGES: ReadonlySet<Stage | null> = new Set(['pre_agreement', 'cooperation', 'active']);
const ADVISED_OR_LATER: ReadonlySet<Stage> = new Set(['advised', 'pre_agreement', 'cooperation', 'active', 'dormant', 'withdrawn']);

/**
 * Every kind a milestone row may have. Council milestones are legacy: councils are recorded by the councils
 * module now (which took the rows over); a row of theirs is still read without harm.
 */
export const MILESTONE_KINDS = ['contacted', 'council_constituted', 'council_reactivated', 'safety_analysis_completed', 'funding_committed', 'stage_correction'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
/** The kinds the LPR records as milestones. */
export const RECORDED_MILESTONE_KINDS = ['contacted', 'safety_analysis_completed', 'funding_committed', 'stage_correction'] as const satisfies readonly MilestoneKind[];
/** Events that show a module in use, whichever module records them (councils, analyses, funding). */
export const ACTIVITY_KINDS = ['council_constituted', 'council_reactivated', 'safety_analysis_completed', 'funding_committed'] as const satisfies readonly MilestoneKind[];
/** The milestones the alliance offers other modules as commune events (councils come from the councils module). */
export const ALLIANCE_EVENT_KINDS = ['safety_analysis_completed', 'funding_committed'] as const satisfies readonly (typeof ACTIVITY_KINDS)[number][];
const isActivity = (kind: MilestoneKind) => (ACTIVITY_KINDS as readonly MilestoneKind[]).includes(kind);

export interface AgreementFact { id: string; kind: 'pre' | 'cooperation'; title: string; inForceSince: string; endedOn: string | null }
export interface CoachingFact { id: string; startedOn: string | null; endedOn: string | null; status: string }
export interface MilestoneFact { kind: MilestoneKind; occurredOn: string; stage: Stage | null; amountEur: number | null; note: string }

export interface CommuneFacts {
  ags: string;
  name: string;
  model: boolean;
  consultations: string[];
  agreements: AgreementFact[];
  coaching: CoachingFact[];
  milestones: MilestoneFact[];
}

const inForce = (a: AgreementFact, day: string) => a.inForceSince <= day && (a.endedOn === null || a.endedOn > day);

/** The stage that the recorded events alone give on `day`. */
export function derivedStageAt(f: CommuneFacts, day: string): Stage | null {
  const agreementsSoFar = f.agreements.filter((a) => a.inForceSince <= day);
  const cooperation = agreementsSoFar.some((a) => a.kind === 'cooperation' && inForce(a, day));
  if (cooperation) {
    const activity = f.coaching.some((c) => c.startedOn !== null && c.startedOn <= day)
      || f.milestones.some((m) => isActivity(m.kind) && m.occurredOn <= day);
    return activity ? 'active' : 'cooperation';
  }
  if (agreementsSoFar.some((a) => a.kind === 'pre' && inForce(a, day))) return 'pre_agreement';
  if (agreementsSoFar.length > 0) return 'withdrawn';
  if (f.consultations.some((d) => d <= day)) return 'advised';
  if (f.milestones.some((m) => m.kind === 'contacted' && m.occurredOn <= day)) return 'contacted';
  return null;
}

/** Every day on which something was recorded for the commune, ascending. */
function eventDays(f: CommuneFacts): string[] {
  const days = new Set<string>([...f.consultations, ...f.milestones.map((m) => m.occurredOn)]);
  for (const a of f.agreements) { days.add(a.inForceSince); if (a.endedOn) days.add(a.endedOn); }
  for (const c of f.coaching) if (c.startedOn) days.add(c.startedOn);
  return [...days].sort();
}

export interface StageChange { date: string; stage: Stage; corrected: boolean; note: string }

/** The dated stage history: one entry per change, corrections marked. */
export function stageHistory(f: CommuneFacts): StageChange[] {
  const corrections = f.milestones.filter((m) => m.kind === 'stage_correction' && m.stage).sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const out: StageChange[] = [];
  let derived: Stage | null = null;
  let current: Stage | null = null;
  for (const day of eventDays(f)) {
    const next = derivedStageAt(f, day);
    let note = '';
    let corrected = false;
    let stage: Stage | null = current;
    if (next !== derived) { stage = next; derived = next; }
    for (const c of corrections) if (c.occurredOn === day) { stage = c.stage; corrected = true; note = c.note; }
    if (stage !== current && stage !== null) out.push({ date: day, stage, corrected, note });
    current = stage;
  }
  return out;
}

/** The stage on `day` (inclusive), corrections applied. */
export function stageAt(f: CommuneFacts, day: string): Stage | null {
  const history = stageHistory(f);
  let stage: Stage | null = null;
  for (const h of history) { if (h.date > day) break; stage = h.stage; }
  return stage;
}

export const wasAdvisedBy = (f: CommuneFacts, day: string) =>
  f.consultations.some((d) => d <= day) || f.agreements.some((a) => a.inForceSince <= day)
  || f.milestones.some((m) => m.kind === 'stage_correction' && m.occurredOn <= day && m.stage !== null && ADVISED_OR_LATER.has(m.stage));

export interface MapFlags { contacted: boolean; modelCommune: boolean; agreement: boolean; coaching: boolean; safetyAnalysis: boolean; council: boolean }

/** Whether the commune has a council on `day`: constituted or reactivated, and not dissolved since (councils module's events). */
function councilOn(f: CommuneFacts, day: string): boolean {
  let on = false;
  for (const m of f.milestones) {
    if (m.occurredOn > day) continue;
    if (m.kind === 'council_constituted' || m.kind === 'council_reactivated') on = true;
    else if ((m.kind as string) === COUNCIL_DISSOLVED) on = false;
  }
  return on;
}

/** The kind of the councils module's event for a dissolved council (no milestone row has it). */
export const COUNCIL_DISSOLVED = 'council_dissolved';

/** The public map's layers for one commune on `day`. */
export function mapFlags(f: CommuneFacts, day: string, stage: Stage | null): MapFlags {
  return {
    contacted: stage !== null,
    modelCommune: f.model,
    agreement: f.agreements.some((a) => inForce(a, day)),
    coaching: f.coaching.some((c) => c.startedOn !== null && c.startedOn <= day && c.status !== 'cancelled'),
    safetyAnalysis: f.milestones.some((m) => m.kind === 'safety_analysis_completed' && m.occurredOn <= day),
    council: councilOn(f, day),
  };
}
