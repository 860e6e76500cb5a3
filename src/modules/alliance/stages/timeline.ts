import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import type { Actor } from '../../../server/auth/roles.js';
import type { TimelineEntry } from '../../../server/figures.js';
import { agreementCommunes, agreementRevisions, agreements, coachingProcesses, communeMilestones, consultationCommunes, consultations } from '../schema.js';
import { presentConsultations } from '../consultations/consultation.js';
import { presentProcesses } from '../coaching/coaching.js';
import { KIND_LABELS, presentAgreements, type AgreementKind } from '../agreements/agreement.js';
import { agreementPolicy, coachingPolicy, consultationPolicy } from '../policy.js';
import { STAGE_LABELS, type Stage } from './stages.js';
import { communeBaseName, joinGerman } from '../../communes/official-name.js';

const MILESTONE_TITLES: Record<string, string> = {
  contacted: 'Erstkontakt', council_constituted: 'Kommunaler Präventionsrat konstituiert', council_reactivated: 'Kommunaler Präventionsrat reaktiviert',
  safety_analysis_completed: 'Sicherheitsanalyse abgeschlossen', funding_committed: 'Fördermittel bewilligt', stage_correction: 'Stufe manuell korrigiert',
};
const euro = (n: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);

/**
 * The alliance's entries in a commune's Bilanz: consultations, agreements, coaching and milestones. An
 * entry links to its record only if `actor` may open it: consultations and agreements of the commune for
 * whoever reaches its internal records and may read them, coaching processes by the check of their own route.
 */
export async function allianceTimeline(db: Db, ags: string, actor: Actor | null): Promise<TimelineEntry[]> {
  const out: TimelineEntry[] = [];
  const consultationRows = await db.select().from(consultations)
    .where(inArray(consultations.id, db.select({ id: consultationCommunes.consultationId }).from(consultationCommunes).where(eq(consultationCommunes.ags, ags))))
    .orderBy(asc(consultations.heldOn));
  for (const c of await presentConsultations(db, consultationRows)) {
    const others = c.communes.filter((x) => x.ags !== ags).map((x) => communeBaseName(x.name));
    out.push({
      date: c.heldOn, module: 'alliance', kind: 'consultation', title: 'Beratung durch den Landespräventionsrat',
      detail: [c.staff.name, c.topics.map((t) => t.label).join(', '), others.length ? `gemeinsam mit ${joinGerman(others)}` : '', c.tasks.length ? `${c.tasks.length} ${c.tasks.length === 1 ? 'Folgeaufgabe' : 'Folgeaufgaben'}` : ''].filter(Boolean).join(' · '),
      link: (await consultationPolicy.allows(db, actor, 'read', c)) ? `/beratungen?ags=${ags}` : null,
    });
  }
  const agreementRows = await db.select().from(agreements)
    .where(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, ags))));
  const revisions = agreementRows.length ? await db.select().from(agreementRevisions).where(inArray(agreementRevisions.agreementId, agreementRows.map((a) => a.id))) : [];
  const presented = new Map((await presentAgreements(db, agreementRows)).map((a) => [a.id, a]));
  for (const a of agreementRows) {
    const kind = KIND_LABELS[a.kind as AgreementKind];
    const link = (await agreementPolicy.allows(db, actor, 'read', presented.get(a.id)!)) ? `/vereinbarungen/${a.id}` : null;
    for (const r of revisions.filter((v) => v.agreementId === a.id)) {
      out.push({ date: r.signedOn, module: 'alliance', kind: 'agreement_signed', title: r.revision === 1 ? `${kind} unterzeichnet` : `${kind}: Änderung (Fassung ${r.revision}) unterzeichnet`, detail: a.title, link });
    }
    if (a.endedOn) out.push({ date: a.endedOn, module: 'alliance', kind: 'agreement_ended', title: `${kind} beendet`, detail: [a.title, a.endReason].filter(Boolean).join(' · '), link });
  }
  const processRows = await db.select().from(coachingProcesses).where(eq(coachingProcesses.ags, ags));
  for (const p of await presentProcesses(db, processRows)) {
    const link = (await coachingPolicy.allows(db, actor, 'read', p)) ? `/coaching/${p.id}` : null;
    const coach = p.coach ? `${p.coach.name} (${p.coach.organisation})` : '';
    out.push({ date: p.requestedOn, module: 'alliance', kind: 'coaching_requested', title: 'Coaching angefragt', detail: p.topics.map((t) => t.label).join(', '), link });
    if (p.matchedOn) out.push({ date: p.matchedOn, module: 'alliance', kind: 'coaching_matched', title: 'Coach vermittelt', detail: coach, link });
    if (p.startedOn) out.push({ date: p.startedOn, module: 'alliance', kind: 'coaching_started', title: 'Coaching begonnen', detail: coach, link });
    for (const s of p.sessions) out.push({ date: s.heldOn, module: 'alliance', kind: 'coaching_session', title: 'Coaching-Sitzung', detail: [s.topics.map((t) => t.label).join(', '), s.nextSteps && `Nächste Schritte: ${s.nextSteps}`].filter(Boolean).join(' · '), link });
    if (p.endedOn) out.push({ date: p.endedOn, module: 'alliance', kind: `coaching_${p.status}`, title: p.status === 'completed' ? 'Coaching abgeschlossen' : 'Coaching abgebrochen', detail: p.endNote, link });
  }
  for (const m of await db.select().from(communeMilestones).where(eq(communeMilestones.ags, ags))) {
    const detail = m.kind === 'stage_correction' ? `auf „${STAGE_LABELS[m.stage as Stage]}“ · ${m.note}` : m.kind === 'funding_committed' ? [euro(Number(m.amountEur)), m.note].filter(Boolean).join(' · ') : m.note;
    out.push({ date: m.occurredOn, module: 'alliance', kind: m.kind, title: MILESTONE_TITLES[m.kind] ?? m.kind, detail, link: null });
  }
  return out;
}
