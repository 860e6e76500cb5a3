import { and, asc, count, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import { communes } from '../communes/schema.js';
import { councilBodies, councilDecisions, councilFiles, councilMeetings, councilMemberships, councilRules, councilStateChanges } from './schema.js';
import { COUNCIL_TRANSITIONS, LABELS, OPEN_TRACK_STATES } from './councils.types.js';
import { councilPolicy, type CouncilRow } from './policy.js';
import { berlinDay, type BodyRow, type FileRow } from './council-records.js';
import type { TBodySummary, TCouncilDetail, TCouncilSummary, TFileRef } from './councils.views.js';

export const fileRef = (f: FileRow): TFileRef => ({ id: f.id, name: f.name, fileName: f.fileName, mimeType: f.mimeType, size: f.size, createdAt: f.createdAt.toISOString() });

const today = () => berlinDay(new Date());

/** Open and overdue tracked decisions per council. */
export async function decisionCounts(db: Db, councilIds: string[]): Promise<Map<string, { open: number; overdue: number }>> {
  if (!councilIds.length) return new Map();
  const rows = await db.select({
    councilId: councilDecisions.councilId,
    open: count(),
    overdue: sql<number>`count(*) filter (where ${councilDecisions.dueOn} < ${today()})`.mapWith(Number),
  }).from(councilDecisions)
    .where(and(inArray(councilDecisions.councilId, councilIds), isNull(councilDecisions.deletedAt), inArray(councilDecisions.trackState, [...OPEN_TRACK_STATES])))
    .groupBy(councilDecisions.councilId);
  return new Map(rows.map((r) => [r.councilId, { open: r.open, overdue: r.overdue }]));
}

/** The next meeting (not cancelled) of each council, or of each body. */
async function nextMeetings(db: Db, key: 'councilId' | 'bodyId', ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const column = key === 'councilId' ? councilMeetings.councilId : councilMeetings.bodyId;
  const rows = await db.select({ id: column, at: sql<string>`min(${councilMeetings.startsAt})` }).from(councilMeetings)
    .where(and(inArray(column, ids), isNull(councilMeetings.deletedAt), gte(councilMeetings.startsAt, new Date()), inArray(councilMeetings.state, ['geplant', 'eingeladen'])))
    .groupBy(column);
  return new Map(rows.map((r) => [r.id, new Date(r.at).toISOString()]));
}

export async function communeNames(db: Db, list: string[]): Promise<Map<string, string>> {
  if (!list.length) return new Map();
  return new Map((await db.select({ ags: communes.ags, name: communes.name }).from(communes).where(inArray(communes.ags, [...new Set(list)]))).map((r) => [r.ags, r.name]));
}

export async function presentCouncilSummaries(db: Db, rows: CouncilRow[]): Promise<TCouncilSummary[]> {
  const ids = rows.map((r) => r.id);
  const [counts, next, names] = await Promise.all([decisionCounts(db, ids), nextMeetings(db, 'councilId', ids), communeNames(db, rows.map((r) => r.ags))]);
  return rows.map((c) => ({
    id: c.id, code: c.code, name: c.name, ags: c.ags, communeName: names.get(c.ags) ?? c.ags, state: c.state, stateLabel: LABELS.councilState[c.state],
    openDecisions: counts.get(c.id)?.open ?? 0, overdueDecisions: counts.get(c.id)?.overdue ?? 0, nextMeetingAt: next.get(c.id) ?? null,
  }));
}

export async function presentBodies(db: Db, bodies: BodyRow[]): Promise<TBodySummary[]> {
  const ids = bodies.map((b) => b.id);
  const day = today();
  const [members, next] = await Promise.all([
    ids.length ? db.select({ bodyId: councilMemberships.bodyId, n: count() }).from(councilMemberships)
      .where(and(inArray(councilMemberships.bodyId, ids), isNull(councilMemberships.deletedAt), sql`${councilMemberships.startedOn} <= ${day}`, sql`(${councilMemberships.endedOn} is null or ${councilMemberships.endedOn} >= ${day})`))
      .groupBy(councilMemberships.bodyId) : Promise.resolve([]),
    nextMeetings(db, 'bodyId', ids),
  ]);
  const memberCount = new Map(members.map((m) => [m.bodyId, m.n]));
  return bodies.map((b) => ({
    id: b.id, kind: b.kind, kindLabel: LABELS.bodyKind[b.kind], name: b.name, shortName: b.shortName, description: b.description, theme: b.theme,
    startedOn: b.startedOn, endedOn: b.endedOn, memberCount: memberCount.get(b.id) ?? 0, nextMeetingAt: next.get(b.id) ?? null, version: b.version,
  }));
}

export const liveBodies = (db: Db, councilId: string) => db.select().from(councilBodies)
  .where(and(eq(councilBodies.councilId, councilId), isNull(councilBodies.deletedAt)))
  .orderBy(sql`${councilBodies.kind} <> 'plenum'`, sql`${councilBodies.kind} <> 'lenkungsgruppe'`, asc(councilBodies.sortOrder), asc(councilBodies.name));

export async function presentCouncil(db: Db, actor: Actor | null, council: CouncilRow): Promise<TCouncilDetail> {
  const [history, rules, bodies, names, counts, file, can] = await Promise.all([
    db.select().from(councilStateChanges).where(eq(councilStateChanges.councilId, council.id)).orderBy(asc(councilStateChanges.effectiveOn), asc(councilStateChanges.createdAt)),
    db.select().from(councilRules).where(eq(councilRules.councilId, council.id)).orderBy(asc(councilRules.number)),
    liveBodies(db, council.id),
    communeNames(db, council.communes),
    decisionCounts(db, [council.id]),
    db.select().from(councilFiles).where(and(eq(councilFiles.councilId, council.id), inArray(councilFiles.ownerType, ['council', 'rules']), isNull(councilFiles.deletedAt))),
    councilPolicy.can(db, actor, council),
  ]);
  return {
    id: council.id, code: council.code, name: council.name, shortName: council.shortName, ags: council.ags, communeName: names.get(council.ags) ?? council.ags,
    communes: council.communes.map((ags) => ({ ags, name: names.get(ags) ?? ags })),
    state: council.state, stateLabel: LABELS.councilState[council.state],
    stateHistory: history.map((h) => ({ state: h.state, stateLabel: LABELS.councilState[h.state], effectiveOn: h.effectiveOn, note: h.note })),
    nextStates: COUNCIL_TRANSITIONS[council.state].map((s) => ({ state: s, stateLabel: LABELS.councilState[s] })),
    previousNames: council.previousNames,
    foundingResolutionOn: council.foundingResolutionOn, foundingResolutionNumber: council.foundingResolutionNumber,
    foundingResolutionFile: (() => { const f = file.find((x) => x.id === council.foundingResolutionFileId); return f ? fileRef(f) : null; })(),
    themes: council.themes, office: council.office, description: council.description, website: council.website,
    rules: rules.map((r) => {
      const f = r.fileId ? file.find((x) => x.id === r.fileId) : undefined;
      return { id: r.id, number: r.number, adoptedOn: r.adoptedOn, text: r.text, note: r.note, file: f ? fileRef(f) : null };
    }),
    bodies: await presentBodies(db, bodies),
    openDecisions: counts.get(council.id)?.open ?? 0, overdueDecisions: counts.get(council.id)?.overdue ?? 0,
    version: council.version, can,
  };
}

