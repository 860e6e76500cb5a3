import { and, asc, count, desc, eq, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Config } from '../../server/config.js';
import { nameContains, page, type PageQuery } from '../../server/http/paging.js';
import { notFound } from '../../server/http/problem.js';
import { councilAgendaItems, councilDecisions, councilRules, councilFiles, councilLocations, councilMeetings, councilMemberships, councilPapers, councilPersons, councilReports, councils, councilStateChanges } from './schema.js';
import { LABELS } from './councils.types.js';
import type { CouncilRow } from './policy.js';
import { berlinDay, currentOn, personName } from './council-records.js';
import { communeNames, fileRef, liveBodies } from './present-council.js';
import { presentMeetingSummaries, locationView } from './present-meeting.js';
import { presentDecisions } from './present-decisions.js';
import { publicFileCondition } from './public-visibility.js';
import type { TPublicCouncil, TPublicMeeting } from './public-views.js';

const NOT_PUBLIC = 'Diesen Präventionsrat gibt es nicht.';

export async function publicCouncil(db: Db, id: string): Promise<CouncilRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(NOT_PUBLIC);
  const [row] = await db.select().from(councils).where(and(eq(councils.id, id), isNull(councils.deletedAt)));
  if (!row) throw notFound(NOT_PUBLIC);
  return row;
}

/** Every council with its state (names and states are public: the alliance reports them). */
export async function listPublicCouncils(db: Db, query: PageQuery & { q?: string }) {
  const where = and(isNull(councils.deletedAt), query.q ? nameContains(councils.name, query.q) : undefined) as SQL;
  const [rows, [total]] = await Promise.all([
    db.select().from(councils).where(where).orderBy(asc(councils.name), asc(councils.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(councils).where(where),
  ]);
  const names = await communeNames(db, rows.map((r) => r.ags));
  const founded = rows.length ? await db.select({ councilId: councilStateChanges.councilId, on: sql<string>`min(${councilStateChanges.effectiveOn})` }).from(councilStateChanges)
    .where(and(inArray(councilStateChanges.councilId, rows.map((r) => r.id)), eq(councilStateChanges.state, 'konstituiert'))).groupBy(councilStateChanges.councilId) : [];
  return page(rows.map((c) => ({
    id: c.id, name: c.name, ags: c.ags, communeName: names.get(c.ags) ?? c.ags, state: c.state, stateLabel: LABELS.councilState[c.state],
    since: founded.find((f) => f.councilId === c.id)?.on ?? null,
  })), total?.n ?? 0, query);
}

const publicFiles = async (db: Db, councilId: string) =>
  db.select().from(councilFiles).where(and(eq(councilFiles.councilId, councilId), publicFileCondition)).orderBy(asc(councilFiles.createdAt));

/** Public decisions: on public items of meetings that were held. */
const publicDecisionWhere = (councilId: string) => and(eq(councilDecisions.councilId, councilId), isNull(councilDecisions.deletedAt),
  sql`exists (select 1 from ${councilAgendaItems} where ${councilAgendaItems.id} = ${councilDecisions.agendaItemId} and ${councilAgendaItems.isPublic} and ${councilAgendaItems.deletedAt} is null)`,
  sql`exists (select 1 from ${councilMeetings} where ${councilMeetings.id} = ${councilDecisions.meetingId} and ${councilMeetings.state} = 'durchgefuehrt' and ${councilMeetings.deletedAt} is null)`);

export async function getPublicCouncil(db: Db, config: Config, id: string): Promise<TPublicCouncil> {
  const council = await publicCouncil(db, id);
  const today = berlinDay(new Date());
  const [history, bodies, names, members, meetings, decisions, reports, files, rules] = await Promise.all([
    db.select().from(councilStateChanges).where(eq(councilStateChanges.councilId, council.id)).orderBy(asc(councilStateChanges.effectiveOn), asc(councilStateChanges.createdAt)),
    liveBodies(db, council.id),
    communeNames(db, council.communes),
    db.select({ m: councilMemberships, p: councilPersons }).from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
      .where(and(eq(councilMemberships.councilId, council.id), isNull(councilMemberships.deletedAt), isNull(councilPersons.deletedAt))),
    db.select().from(councilMeetings).where(and(eq(councilMeetings.councilId, council.id), isNull(councilMeetings.deletedAt), gte(councilMeetings.startsAt, new Date(Date.parse(`${today}T00:00:00Z`) - 2 * 366 * 86_400_000))))
      .orderBy(desc(councilMeetings.startsAt)).limit(100),
    db.select().from(councilDecisions).where(publicDecisionWhere(council.id)).orderBy(desc(councilDecisions.createdAt)).limit(100),
    db.select().from(councilReports).where(and(eq(councilReports.councilId, council.id), eq(councilReports.state, 'veroeffentlicht'), isNull(councilReports.deletedAt))).orderBy(desc(councilReports.year)),
    publicFiles(db, council.id),
    db.select().from(councilRules).where(eq(councilRules.councilId, council.id)).orderBy(asc(councilRules.number)),
  ]);
  const ROLE_RANK = { vorsitz: 0, stellv_vorsitz: 1, mitglied: 2, beratend: 3, gast: 4 } as const;
  const founding = council.foundingResolutionFileId ? files.find((f) => f.id === council.foundingResolutionFileId) : undefined;
  return {
    id: council.id, name: council.name, ags: council.ags, communeName: names.get(council.ags) ?? council.ags,
    communes: council.communes.map((ags) => ({ ags, name: names.get(ags) ?? ags })),
    state: council.state, stateLabel: LABELS.councilState[council.state],
    stateHistory: history.map((h) => ({ state: h.state, stateLabel: LABELS.councilState[h.state], effectiveOn: h.effectiveOn })),
    previousNames: council.previousNames, foundingResolutionOn: council.foundingResolutionOn, foundingResolutionNumber: council.foundingResolutionNumber,
    foundingResolutionFile: founding ? fileRef(founding) : null,
    themes: council.themes, office: council.office, description: council.description, website: council.website,
    rules: rules.map((r) => {
      const f = r.fileId ? files.find((x) => x.id === r.fileId) : undefined;
      return { number: r.number, adoptedOn: r.adoptedOn, file: f ? fileRef(f) : null };
    }),
    bodies: bodies.map((b) => {
      const current = members.filter((r) => r.m.bodyId === b.id && currentOn(r.m, today));
      return {
        id: b.id, kind: b.kind, kindLabel: LABELS.bodyKind[b.kind], name: b.name, description: b.description,
        members: current.filter((r) => r.p.publicConsent).sort((x, y) => ROLE_RANK[x.m.role] - ROLE_RANK[y.m.role] || x.p.familyName.localeCompare(y.p.familyName, 'de'))
          .map((r) => ({ name: personName(r.p), position: r.p.position, organisation: r.m.onBehalfOf || r.p.organisation, role: r.m.role, roleLabel: LABELS.role[r.m.role] })),
        hiddenMembers: current.filter((r) => !r.p.publicConsent).length,
      };
    }),
    meetings: await presentMeetingSummaries(db, meetings),
    decisions: await presentDecisions(db, decisions, { actor: null, canManage: false, publicView: true }),
    reports: reports.map((r) => ({ id: r.id, year: r.year, title: r.content.title, publishedAt: (r.publishedAt ?? r.updatedAt).toISOString() })),
    calendarUrl: `${config.publicUrl}/api/public/councils/${council.id}/calendar.ics`,
  };
}

/** A meeting as the public sees it: public items only; their minutes once approved; decisions once held. */
export async function getPublicMeeting(db: Db, councilId: string, meetingId: string): Promise<TPublicMeeting> {
  const council = await publicCouncil(db, councilId);
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) throw notFound('Diese Sitzung gibt es nicht.');
  const [meeting] = await db.select().from(councilMeetings).where(and(eq(councilMeetings.id, meetingId), eq(councilMeetings.councilId, council.id), isNull(councilMeetings.deletedAt)));
  if (!meeting) throw notFound('Diese Sitzung gibt es nicht.');
  const [[summary], items, [hidden], location, files, decisions] = await Promise.all([
    presentMeetingSummaries(db, [meeting]),
    db.select().from(councilAgendaItems).where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt), eq(councilAgendaItems.isPublic, true))).orderBy(asc(councilAgendaItems.order)),
    db.select({ n: count() }).from(councilAgendaItems).where(and(eq(councilAgendaItems.meetingId, meeting.id), isNull(councilAgendaItems.deletedAt), eq(councilAgendaItems.isPublic, false))),
    meeting.locationId ? db.select().from(councilLocations).where(eq(councilLocations.id, meeting.locationId)) : Promise.resolve([]),
    publicFiles(db, council.id),
    meeting.state === 'durchgefuehrt' ? db.select().from(councilDecisions).where(and(publicDecisionWhere(council.id), eq(councilDecisions.meetingId, meeting.id))).orderBy(asc(councilDecisions.number)) : Promise.resolve([]),
  ]);
  const paperIds = items.flatMap((i) => (i.paperId ? [i.paperId] : []));
  const papers = paperIds.length ? await db.select().from(councilPapers).where(and(inArray(councilPapers.id, paperIds), eq(councilPapers.isPublic, true), isNull(councilPapers.deletedAt))) : [];
  const decisionViews = await presentDecisions(db, decisions, { actor: null, canManage: false, publicView: true });
  const approved = meeting.minutesState === 'genehmigt';
  const filesOf = (type: string, id: string) => files.filter((f) => f.ownerType === type && f.ownerId === id).map(fileRef);
  return {
    ...summary!, councilId: council.id, councilName: council.name, location: location[0] ? locationView(location[0]) : null, cancelReason: meeting.cancelReason,
    minutesApproved: approved, minutesApprovedOn: approved ? meeting.minutesApprovedOn : null,
    agenda: items.map((i) => {
      const paper = i.paperId ? papers.find((p) => p.id === i.paperId) : undefined;
      return {
        id: i.id, order: i.order, title: i.title, description: i.description, minutes: approved ? i.minutes : null,
        paper: paper ? { id: paper.id, reference: paper.reference, name: paper.name, paperType: paper.paperType, files: filesOf('paper', paper.id) } : null,
        decisions: decisionViews.filter((d) => d.agendaItem.id === i.id), files: filesOf('agenda_item', i.id),
      };
    }),
    nonPublicItems: hidden?.n ?? 0,
  };
}

/** A public file of the council, or 404 (non-public files do not exist for the public). */
export async function publicFile(db: Db, councilId: string, fileId: string) {
  await publicCouncil(db, councilId);
  if (!/^[0-9a-f-]{36}$/i.test(fileId)) throw notFound('Diese Datei gibt es nicht.');
  const [file] = await db.select().from(councilFiles).where(and(eq(councilFiles.id, fileId), eq(councilFiles.councilId, councilId), publicFileCondition));
  if (!file) throw notFound('Diese Datei gibt es nicht.');
  return file;
}

