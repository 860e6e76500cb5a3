import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { recommendations } from '../evaluation/schema.js';
import { councilAgendaItems, councilBodies, councilDecisionUpdates, councilMeetings, councilPersons, councils } from './schema.js';
import { LABELS, OPEN_TRACK_STATES } from './councils.types.js';
import { berlinDay, personName, type DecisionRow } from './council-records.js';
import type { TDecisionView } from './councils.views.js';
import { ownsPerson } from './own-person.js';

/** "einstimmig beschlossen", "beschlossen (7 Ja, 1 Nein, 2 Enthaltungen)", "abgelehnt (…)", "zur Kenntnis genommen". */
export function resultLabel(d: Pick<DecisionRow, 'voteMode' | 'votesYes' | 'votesNo' | 'votesAbstain' | 'adopted'>): string {
  if (d.voteMode === 'einstimmig') return 'einstimmig beschlossen';
  if (d.voteMode === 'ohne_abstimmung') return 'ohne Abstimmung beschlossen';
  const counts = `${d.votesYes} Ja, ${d.votesNo} Nein, ${d.votesAbstain} ${d.votesAbstain === 1 ? 'Enthaltung' : 'Enthaltungen'}`;
  return `${d.adopted ? 'beschlossen' : 'abgelehnt'} (${counts})`;
}

export interface DecisionViewOptions {
  /** Who asks: owners may track their own decisions (canTrack), managers all. */
  actor: Actor | null;
  canManage: boolean;
  /** Public views leave out the tracking history's names and notes of non-consenting owners. */
  publicView?: boolean;
}

export async function presentDecisions(db: Db, rows: DecisionRow[], opts: DecisionViewOptions): Promise<TDecisionView[]> {
  if (!rows.length) return [];
  const uniq = <T>(xs: T[]) => [...new Set(xs)];
  const [items, meetings, owners, recs, updates, councilRows] = await Promise.all([
    db.select().from(councilAgendaItems).where(inArray(councilAgendaItems.id, uniq(rows.map((r) => r.agendaItemId)))),
    db.select({ m: councilMeetings, bodyName: councilBodies.name }).from(councilMeetings).innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId))
      .where(inArray(councilMeetings.id, uniq(rows.map((r) => r.meetingId)))),
    rows.some((r) => r.ownerPersonId) ? db.select().from(councilPersons).where(inArray(councilPersons.id, uniq(rows.flatMap((r) => (r.ownerPersonId ? [r.ownerPersonId] : []))))) : Promise.resolve([]),
    !opts.publicView && rows.some((r) => r.recommendationId) ? db.select({ id: recommendations.id, title: recommendations.title }).from(recommendations).where(inArray(recommendations.id, uniq(rows.flatMap((r) => (r.recommendationId ? [r.recommendationId] : []))))) : Promise.resolve([]),
    opts.publicView ? Promise.resolve([]) : db.select().from(councilDecisionUpdates).where(inArray(councilDecisionUpdates.decisionId, rows.map((r) => r.id))).orderBy(asc(councilDecisionUpdates.at)),
    db.select({ id: councils.id, name: councils.name }).from(councils).where(inArray(councils.id, uniq(rows.map((r) => r.councilId)))),
  ]);
  const item = new Map(items.map((i) => [i.id, i]));
  const meeting = new Map(meetings.map((m) => [m.m.id, m]));
  const owner = new Map(owners.map((p) => [p.id, p]));
  const rec = new Map(recs.map((r) => [r.id, r]));
  const councilName = new Map(councilRows.map((c) => [c.id, c.name]));
  const today = berlinDay(new Date());
  const ownedByActor = (personId: string | null) => {
    const p = personId ? owner.get(personId) : undefined;
    return !!p && !!opts.actor && ownsPerson(opts.actor, p);
  };
  return rows.map((d) => {
    const i = item.get(d.agendaItemId)!;
    const m = meeting.get(d.meetingId)!;
    const o = d.ownerPersonId ? owner.get(d.ownerPersonId) : undefined;
    const showOwner = o && (!opts.publicView || o.publicConsent);
    return {
      id: d.id, number: d.number, text: d.text, voteMode: d.voteMode, voteModeLabel: LABELS.voteMode[d.voteMode],
      votesYes: d.votesYes, votesNo: d.votesNo, votesAbstain: d.votesAbstain, adopted: d.adopted, resultLabel: resultLabel(d),
      recommendation: !opts.publicView && d.recommendationId && rec.get(d.recommendationId) ? { id: d.recommendationId, title: rec.get(d.recommendationId)!.title } : null,
      tracked: d.trackState !== null, trackState: d.trackState, trackStateLabel: d.trackState ? LABELS.trackState[d.trackState] : null,
      owner: showOwner ? { id: o.id, name: personName(o) } : null, dueOn: d.dueOn,
      overdue: !!d.dueOn && d.dueOn < today && !!d.trackState && OPEN_TRACK_STATES.includes(d.trackState),
      trackNote: d.trackNote, doneOn: d.doneOn,
      council: { id: d.councilId, name: councilName.get(d.councilId) ?? '' },
      meeting: { id: m.m.id, title: m.m.title || `Sitzung: ${m.bodyName}`, startsAt: m.m.startsAt.toISOString(), bodyName: m.bodyName },
      agendaItem: { id: i.id, order: i.order, title: i.title, isPublic: i.isPublic },
      history: updates.filter((u) => u.decisionId === d.id).map((u) => ({ state: u.state, stateLabel: LABELS.trackState[u.state], note: u.note, byName: u.byName, at: u.at.toISOString() })),
      version: d.version,
      canTrack: !opts.publicView && d.trackState !== null && (opts.canManage || ownedByActor(d.ownerPersonId)),
    };
  });
}
