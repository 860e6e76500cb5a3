import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.js';
import { LABELS } from '../councils.types.js';
import { councilPaths } from '../paths.js';
import { voteText } from '../minutes-model.js';
import {
  councilAgendaItems, councilBodies, councilDecisions, councilFiles, councilLocations, councilMeetings, councilMemberships, councilPapers,
  councilPersons, councils,
} from '../schema.js';
import { dateTime, filterConditions, modifiedOf, type ListQuery } from './list-query.js';

/*
 * What the councils publish through OParl 1.1, read straight from the module's tables: a Body per council, an
 * Organization per body (the plenary is the council itself, the others `subOrganizationOf` it) and per organisation
 * that members represent, Persons who consented to be named (and only their memberships), Meetings, public
 * AgendaItems with their decisions, public Papers with their Consultations, Files of public records, Locations.
 * Non-public agenda items and papers, their files, files of meetings as such, minutes before approval and persons
 * without consent are never selected, so they appear nowhere, not even as an id.
 */

export const SCHEMA = 'https://schema.oparl.org/1.1/';
export interface OparlContext { db: Db; base: string; publicUrl: string }
type Obj = Record<string, unknown>;
export interface Page { size: number; offset: number }

/** Drops undefined, empty strings and empty optional arrays (specification 2.4: no null, no "" and no [] without data). */
function clean(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

const stub = (id: string, type: string, created: Date, modified: Date): Obj =>
  ({ id, type: SCHEMA + type, created: dateTime(created), modified: dateTime(modified), deleted: true });
const stamps = (r: { created: Date; modified: Date }) => ({ created: dateTime(r.created), modified: dateTime(r.modified) });

export const url = {
  system: (c: OparlContext) => c.base,
  body: (c: OparlContext, id: string) => `${c.base}/body/${id}`,
  bodyList: (c: OparlContext, id: string, list: string) => `${c.base}/body/${id}/${list}`,
  organization: (c: OparlContext, id: string) => `${c.base}/organization/${id}`,
  represented: (c: OparlContext, councilId: string, hash: string) => `${c.base}/organization/${councilId}.${hash}`,
  person: (c: OparlContext, id: string) => `${c.base}/person/${id}`,
  membership: (c: OparlContext, id: string) => `${c.base}/membership/${id}`,
  meeting: (c: OparlContext, id: string) => `${c.base}/meeting/${id}`,
  agendaItem: (c: OparlContext, id: string) => `${c.base}/agendaItem/${id}`,
  paper: (c: OparlContext, id: string) => `${c.base}/paper/${id}`,
  consultation: (c: OparlContext, id: string) => `${c.base}/consultation/${id}`,
  file: (c: OparlContext, id: string) => `${c.base}/file/${id}`,
  location: (c: OparlContext, id: string) => `${c.base}/location/${id}`,
};

/** A kind of object: its rows in a stable order (created, id), paged in SQL, and how a page of rows is published. */
interface Kind<R extends { id: string; created: Date; modified: Date; deletedAt: Date | null }> {
  rows(db: Db, where: SQL | undefined, page?: Page): Promise<R[]>;
  count(db: Db, where: SQL | undefined): Promise<number>;
  /** The visible rows of one council (visibility is part of every query). */
  inCouncil(councilId: string): SQL;
  byId(id: string): SQL;
  filter(q: ListQuery): SQL | undefined;
  present(c: OparlContext, rows: R[], opts: { omitInternal?: boolean; embedded?: boolean }): Promise<Obj[]>;
}

// --- modification times (an object changes when what it embeds changes) ---

const maxOf = (table: string, where: SQL) => sql`(select max(greatest(x.updated_at, x.deleted_at)) from ${sql.raw(table)} x where ${where})`;
const councilModified = modifiedOf(councils.updatedAt, councils.deletedAt);
// An organisation lists the memberships of consenting persons: a membership or a consent that changes, changes it.
const bodyModified = modifiedOf(councilBodies.updatedAt, councilBodies.deletedAt,
  maxOf('council_memberships', sql`x.body_id = ${councilBodies.id}`),
  maxOf('council_persons', sql`x.id in (select m.person_id from council_memberships m where m.body_id = ${councilBodies.id})`));
/** Owners of decisions are named only with consent: their record changes the agenda item (and the meeting that embeds it). */
const ownersOf = (where: SQL) => maxOf('council_persons', sql`x.id in (select d.owner_person_id from council_decisions d where ${where})`);
const personModified = modifiedOf(councilPersons.updatedAt, councilPersons.deletedAt, maxOf('council_memberships', sql`x.person_id = ${councilPersons.id}`));
const membershipModified = modifiedOf(councilMemberships.updatedAt, councilMemberships.deletedAt);
const locationModified = modifiedOf(councilLocations.updatedAt, councilLocations.deletedAt);
const meetingModified = modifiedOf(councilMeetings.updatedAt, councilMeetings.deletedAt,
  maxOf('council_agenda_items', sql`x.meeting_id = ${councilMeetings.id}`),
  maxOf('council_decisions', sql`x.meeting_id = ${councilMeetings.id}`),
  maxOf('council_files', sql`x.owner_type = 'agenda_item' and x.owner_id in (select a.id from council_agenda_items a where a.meeting_id = ${councilMeetings.id})`),
  maxOf('council_locations', sql`x.id = ${councilMeetings.locationId}`),
  maxOf('council_papers', sql`x.id in (select a.paper_id from council_agenda_items a where a.meeting_id = ${councilMeetings.id})`),
  ownersOf(sql`d.meeting_id = ${councilMeetings.id}`));
const agendaItemModified = modifiedOf(councilAgendaItems.updatedAt, councilAgendaItems.deletedAt,
  maxOf('council_decisions', sql`x.agenda_item_id = ${councilAgendaItems.id}`),
  maxOf('council_files', sql`x.owner_type = 'agenda_item' and x.owner_id = ${councilAgendaItems.id}`),
  maxOf('council_papers', sql`x.id = ${councilAgendaItems.paperId}`),
  ownersOf(sql`d.agenda_item_id = ${councilAgendaItems.id}`));
const paperModified = modifiedOf(councilPapers.updatedAt, councilPapers.deletedAt,
  maxOf('council_files', sql`x.owner_type = 'paper' and x.owner_id = ${councilPapers.id}`),
  maxOf('council_agenda_items', sql`x.paper_id = ${councilPapers.id}`));
/** A file is gone when it is deleted or what it is attached to is (then it answers as deleted, 2.8). */
const fileDeletedAt = sql<Date | null>`coalesce(${councilFiles.deletedAt},
  (select p.deleted_at from council_papers p where ${councilFiles.ownerType} = 'paper' and p.id = ${councilFiles.ownerId}),
  (select a.deleted_at from council_agenda_items a where ${councilFiles.ownerType} = 'agenda_item' and a.id = ${councilFiles.ownerId}))`.mapWith(councilFiles.updatedAt);
const fileModified = modifiedOf(councilFiles.updatedAt, fileDeletedAt);

/**
 * Files that are public, as ../public-visibility.ts has it (the test holds the two together): of public papers, of
 * public agenda items, of the council itself (founding resolution) and of the Geschäftsordnung's versions. Files of
 * meetings as such (drafts, attendance lists) stay internal. Unlike the public pages OParl keeps deleted ones (as
 * deleted, see fileDeletedAt).
 */
const fileVisible = sql`(
  (${councilFiles.ownerType} = 'paper' and exists (select 1 from council_papers p where p.id = ${councilFiles.ownerId} and p.is_public))
  or (${councilFiles.ownerType} = 'agenda_item' and exists (select 1 from council_agenda_items a where a.id = ${councilFiles.ownerId} and a.is_public))
  or ${councilFiles.ownerType} in ('council', 'rules'))`;

const count = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
const nCol = sql<number>`count(*)`.mapWith(Number);
const paged = <T extends { limit(n: number): { offset(n: number): unknown } }>(query: T, page?: Page) =>
  (page ? query.limit(page.size).offset(page.offset) : query) as unknown as Promise<never>;

// --- Body (one per council) ---

const bodyCols = { id: councils.id, name: councils.name, shortName: councils.shortName, ags: councils.ags, website: councils.website, office: councils.office, created: councils.createdAt, modified: councilModified, deletedAt: councils.deletedAt };
type BodyRow = { id: string; name: string; shortName: string; ags: string; website: string; office: { email?: string }; created: Date; modified: Date; deletedAt: Date | null };
export const bodyKind: Kind<BodyRow> = {
  rows: (db, where, page) => paged(db.select(bodyCols).from(councils).where(where).orderBy(asc(councils.createdAt), asc(councils.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councils).where(where)),
  inCouncil: (id) => eq(councils.id, id),
  byId: (id) => eq(councils.id, id),
  filter: (q) => filterConditions(q, councils.createdAt, councilModified, councils.deletedAt),
  async present(c, rows, opts) {
    return rows.map((r) => {
      const id = url.body(c, r.id);
      if (r.deletedAt) return stub(id, 'Body', r.created, r.modified);
      const list = (name: string) => url.bodyList(c, r.id, name);
      const body = clean({
        id, type: `${SCHEMA}Body`, system: url.system(c), name: r.name, shortName: r.shortName, ags: r.ags,
        website: /^https?:\/\//.test(r.website) ? r.website : undefined,
        contactEmail: r.office.email,
        classification: 'Kommunaler Präventionsrat', web: `${c.publicUrl}${councilPaths.publicCouncil(r.id)}`,
        organization: list('organization'), person: list('person'), meeting: list('meeting'), paper: list('paper'),
        agendaItem: list('agendaItem'), consultation: list('consultation'), file: list('file'), membership: list('membership'),
        locationList: list('locationList'), legislativeTermList: list('legislativeTermList'),
        ...stamps(r),
      });
      // Mandatory even when empty (specification 2.4); an internal list, which omit_internal leaves out.
      return opts.omitInternal ? body : { ...body, legislativeTerm: [] };
    });
  },
};

// --- Organization: the council's bodies ---

const orgCols = {
  id: councilBodies.id, councilId: councilBodies.councilId, kind: councilBodies.kind, name: councilBodies.name, shortName: councilBodies.shortName,
  startedOn: councilBodies.startedOn, endedOn: councilBodies.endedOn, created: councilBodies.createdAt, modified: bodyModified, deletedAt: councilBodies.deletedAt,
};
type OrgRow = { id: string; councilId: string; kind: keyof typeof LABELS.bodyKind; name: string; shortName: string; startedOn: string | null; endedOn: string | null; created: Date; modified: Date; deletedAt: Date | null };
export const organizationKind: Kind<OrgRow> = {
  rows: (db, where, page) => paged(db.select(orgCols).from(councilBodies).where(where).orderBy(asc(councilBodies.createdAt), asc(councilBodies.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilBodies).where(where)),
  inCouncil: (id) => eq(councilBodies.councilId, id),
  byId: (id) => eq(councilBodies.id, id),
  filter: (q) => filterConditions(q, councilBodies.createdAt, bodyModified, councilBodies.deletedAt),
  async present(c, rows) {
    const councilIds = [...new Set(rows.map((r) => r.councilId))];
    const plenums = councilIds.length ? await c.db.select({ id: councilBodies.id, councilId: councilBodies.councilId }).from(councilBodies)
      .where(and(inArray(councilBodies.councilId, councilIds), eq(councilBodies.kind, 'plenum'), isNull(councilBodies.deletedAt))).orderBy(asc(councilBodies.createdAt)) : [];
    const live = rows.filter((r) => !r.deletedAt).map((r) => r.id);
    const members = live.length ? await c.db.select({ id: councilMemberships.id, bodyId: councilMemberships.bodyId }).from(councilMemberships)
      .innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
      .where(and(inArray(councilMemberships.bodyId, live), eq(councilPersons.publicConsent, true), isNull(councilMemberships.deletedAt)))
      .orderBy(asc(councilMemberships.createdAt), asc(councilMemberships.id)) : [];
    return rows.map((r) => {
      const id = url.organization(c, r.id);
      if (r.deletedAt) return stub(id, 'Organization', r.created, r.modified);
      const plenum = plenums.find((p) => p.councilId === r.councilId);
      return clean({
        id, type: `${SCHEMA}Organization`, body: url.body(c, r.councilId), name: r.name, shortName: r.shortName,
        organizationType: 'Gremium', classification: LABELS.bodyKind[r.kind],
        subOrganizationOf: r.kind !== 'plenum' && plenum ? url.organization(c, plenum.id) : undefined,
        membership: members.filter((m) => m.bodyId === r.id).map((m) => url.membership(c, m.id)),
        meeting: `${id}/meeting`,
        startDate: r.startedOn ?? undefined, endDate: r.endedOn ?? undefined,
        ...stamps(r),
      });
    });
  },
};

// --- Organization: what members represent (onBehalfOf), derived from the memberships of consenting persons ---

const representedName = sql<string>`coalesce(nullif(${councilMemberships.onBehalfOf}, ''), ${councilPersons.organisation})`;
const representedHash = sql<string>`substr(md5(${representedName}), 1, 16)`;
const representedBase = and(eq(councilPersons.publicConsent, true), isNull(councilMemberships.deletedAt), isNull(councilPersons.deletedAt), sql`${representedName} <> ''`);
const reprCols = {
  hash: representedHash, name: sql<string>`min(${representedName})`, councilId: councilMemberships.councilId,
  created: sql<Date>`min(${councilMemberships.createdAt})`.mapWith(councilMemberships.createdAt),
  modified: sql<Date>`max(greatest(${councilMemberships.updatedAt}, ${councilPersons.updatedAt}))`.mapWith(councilMemberships.updatedAt),
};
type ReprRow = { hash: string; name: string; councilId: string; created: Date; modified: Date };
export const represented = {
  async rows(db: Db, where: SQL | undefined, having: SQL | undefined, page?: Page): Promise<ReprRow[]> {
    const q = db.select(reprCols).from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
      .where(and(representedBase, where)).groupBy(councilMemberships.councilId, representedHash).having(having).orderBy(representedHash);
    return paged(q, page);
  },
  async count(db: Db, where: SQL | undefined, having: SQL | undefined) {
    const inner = db.select({ h: representedHash }).from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId))
      .where(and(representedBase, where)).groupBy(councilMemberships.councilId, representedHash).having(having).as('r');
    return count(db.select({ n: nCol }).from(inner));
  },
  inCouncil: (id: string) => eq(councilMemberships.councilId, id),
  byId: (councilId: string, hash: string) => and(eq(councilMemberships.councilId, councilId), sql`${representedHash} = ${hash}`),
  /** Filters on the aggregate times (never deleted: an organisation nobody represents any more is gone). */
  having(q: ListQuery) {
    const at = (v: string) => sql`${v}::timestamptz`;
    return and(
      q.createdSince ? sql`date_trunc('second', min(${councilMemberships.createdAt})) >= ${at(q.createdSince)}` : undefined,
      q.createdUntil ? sql`date_trunc('second', min(${councilMemberships.createdAt})) <= ${at(q.createdUntil)}` : undefined,
      q.modifiedSince ? sql`date_trunc('second', max(greatest(${councilMemberships.updatedAt}, ${councilPersons.updatedAt}))) >= ${at(q.modifiedSince)}` : undefined,
      q.modifiedUntil ? sql`date_trunc('second', max(greatest(${councilMemberships.updatedAt}, ${councilPersons.updatedAt}))) <= ${at(q.modifiedUntil)}` : undefined,
    );
  },
  present: (c: OparlContext, rows: ReprRow[]): Obj[] => rows.map((r) => clean({
    id: url.represented(c, r.councilId, r.hash), type: `${SCHEMA}Organization`, body: url.body(c, r.councilId), name: r.name,
    organizationType: 'Institution', classification: 'Vertretene Organisation', ...stamps(r),
  })),
};

// --- Person (consenting only) and Membership ---

const personCols = {
  id: councilPersons.id, councilId: councilPersons.councilId, formOfAddress: councilPersons.formOfAddress, title: councilPersons.title,
  givenName: councilPersons.givenName, familyName: councilPersons.familyName, position: councilPersons.position,
  created: councilPersons.createdAt, modified: personModified, deletedAt: councilPersons.deletedAt,
};
type PersonRow = { id: string; councilId: string; formOfAddress: string; title: string; givenName: string; familyName: string; position: string; created: Date; modified: Date; deletedAt: Date | null };
export const personKind: Kind<PersonRow> = {
  rows: (db, where, page) => paged(db.select(personCols).from(councilPersons).where(and(eq(councilPersons.publicConsent, true), where)).orderBy(asc(councilPersons.createdAt), asc(councilPersons.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilPersons).where(and(eq(councilPersons.publicConsent, true), where))),
  inCouncil: (id) => eq(councilPersons.councilId, id),
  byId: (id) => eq(councilPersons.id, id),
  filter: (q) => filterConditions(q, councilPersons.createdAt, personModified, councilPersons.deletedAt),
  async present(c, rows, opts) {
    const live = rows.filter((r) => !r.deletedAt).map((r) => r.id);
    const memberships = live.length && !opts.omitInternal
      ? await membershipKind.present(c, await membershipKind.rows(c.db, and(inArray(councilMemberships.personId, live), isNull(councilMemberships.deletedAt))), { embedded: true })
      : [];
    return rows.map((r) => {
      const id = url.person(c, r.id);
      if (r.deletedAt) return stub(id, 'Person', r.created, r.modified);
      return clean({
        id, type: `${SCHEMA}Person`, body: url.body(c, r.councilId),
        name: [r.title, r.givenName, r.familyName].filter(Boolean).join(' '), familyName: r.familyName, givenName: r.givenName,
        formOfAddress: r.formOfAddress, title: r.title ? [r.title] : undefined, status: r.position ? [r.position] : undefined,
        membership: memberships.filter((m) => m.person === id),
        ...stamps(r),
      });
    });
  },
};

const membershipCols = {
  id: councilMemberships.id, councilId: councilMemberships.councilId, bodyId: councilMemberships.bodyId, personId: councilMemberships.personId,
  role: councilMemberships.role, votingRight: councilMemberships.votingRight, startedOn: councilMemberships.startedOn, endedOn: councilMemberships.endedOn,
  onBehalfOf: representedName, hash: representedHash, created: councilMemberships.createdAt, modified: membershipModified, deletedAt: councilMemberships.deletedAt,
};
type MembershipRow = { id: string; councilId: string; bodyId: string; personId: string; role: keyof typeof LABELS.role; votingRight: boolean; startedOn: string; endedOn: string | null; onBehalfOf: string; hash: string; created: Date; modified: Date; deletedAt: Date | null };
const membershipFrom = (db: Db) => db.select(membershipCols).from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId));
export const membershipKind: Kind<MembershipRow> = {
  rows: (db, where, page) => paged(membershipFrom(db).where(and(eq(councilPersons.publicConsent, true), where)).orderBy(asc(councilMemberships.createdAt), asc(councilMemberships.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilMemberships).innerJoin(councilPersons, eq(councilPersons.id, councilMemberships.personId)).where(and(eq(councilPersons.publicConsent, true), where))),
  inCouncil: (id) => eq(councilMemberships.councilId, id),
  byId: (id) => eq(councilMemberships.id, id),
  filter: (q) => filterConditions(q, councilMemberships.createdAt, membershipModified, councilMemberships.deletedAt),
  async present(c, rows) {
    return rows.map((r) => {
      const id = url.membership(c, r.id);
      if (r.deletedAt) return stub(id, 'Membership', r.created, r.modified);
      return clean({
        id, type: `${SCHEMA}Membership`, person: url.person(c, r.personId), organization: url.organization(c, r.bodyId),
        role: LABELS.role[r.role], votingRight: r.votingRight, startDate: r.startedOn, endDate: r.endedOn ?? undefined,
        onBehalfOf: r.onBehalfOf ? url.represented(c, r.councilId, r.hash) : undefined,
        ...stamps(r),
      });
    });
  },
};

// --- Location ---

const locationCols = {
  id: councilLocations.id, councilId: councilLocations.councilId, description: councilLocations.description, streetAddress: councilLocations.streetAddress,
  postalCode: councilLocations.postalCode, locality: councilLocations.locality, room: councilLocations.room,
  created: councilLocations.createdAt, modified: locationModified, deletedAt: councilLocations.deletedAt,
};
type LocationRow = { id: string; councilId: string; description: string; streetAddress: string; postalCode: string; locality: string; room: string; created: Date; modified: Date; deletedAt: Date | null };
export const locationKind: Kind<LocationRow> = {
  rows: (db, where, page) => paged(db.select(locationCols).from(councilLocations).where(where).orderBy(asc(councilLocations.createdAt), asc(councilLocations.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilLocations).where(where)),
  inCouncil: (id) => eq(councilLocations.councilId, id),
  byId: (id) => eq(councilLocations.id, id),
  filter: (q) => filterConditions(q, councilLocations.createdAt, locationModified, councilLocations.deletedAt),
  async present(c, rows, opts) {
    return rows.map((r) => {
      const id = url.location(c, r.id);
      if (r.deletedAt) return stub(id, 'Location', r.created, r.modified);
      return clean({
        id, type: `${SCHEMA}Location`, description: r.description, streetAddress: r.streetAddress, room: r.room, postalCode: r.postalCode, locality: r.locality,
        bodies: opts.embedded ? undefined : [url.body(c, r.councilId)],
        ...stamps(r),
      });
    });
  },
};

// --- File ---

const fileCols = {
  id: councilFiles.id, councilId: councilFiles.councilId, ownerType: councilFiles.ownerType, ownerId: councilFiles.ownerId, name: councilFiles.name,
  fileName: councilFiles.fileName, mimeType: councilFiles.mimeType, size: councilFiles.size, sha512: councilFiles.sha512, storageKey: councilFiles.storageKey,
  created: councilFiles.createdAt, modified: fileModified, deletedAt: councilFiles.deletedAt,
};
export type FileRow = { id: string; councilId: string; ownerType: string; ownerId: string; name: string; fileName: string; mimeType: string; size: number; sha512: string; storageKey: string; created: Date; modified: Date; deletedAt: Date | null };
export const fileKind: Kind<FileRow> = {
  rows: (db, where, page) => paged(db.select(fileCols).from(councilFiles).where(and(fileVisible, where)).orderBy(asc(councilFiles.createdAt), asc(councilFiles.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilFiles).where(and(fileVisible, where))),
  inCouncil: (id) => eq(councilFiles.councilId, id),
  byId: (id) => eq(councilFiles.id, id),
  filter: (q) => filterConditions(q, councilFiles.createdAt, fileModified, fileDeletedAt),
  async present(c, rows, opts) {
    return rows.map((r) => {
      const id = url.file(c, r.id);
      if (r.deletedAt) return stub(id, 'File', r.created, r.modified);
      const back = opts.embedded ? {} : {
        agendaItem: r.ownerType === 'agenda_item' ? [url.agendaItem(c, r.ownerId)] : undefined,
        paper: r.ownerType === 'paper' ? [url.paper(c, r.ownerId)] : undefined,
      };
      return clean({
        id, type: `${SCHEMA}File`, name: r.name, fileName: r.fileName, mimeType: r.mimeType, size: r.size, sha512Checksum: r.sha512,
        date: dateTime(r.created).slice(0, 10), accessUrl: `${id}/access`, downloadUrl: `${id}/download`, ...back,
        ...stamps(r),
      });
    });
  },
};

const filesOf = async (c: OparlContext, ownerType: 'agenda_item' | 'paper', ownerIds: string[]) => {
  if (!ownerIds.length) return [];
  const rows = (await fileKind.rows(c.db, and(eq(councilFiles.ownerType, ownerType), inArray(councilFiles.ownerId, ownerIds), isNull(councilFiles.deletedAt)))).filter((r) => !r.deletedAt);
  const presented = await fileKind.present(c, rows, { embedded: true });
  return rows.map((r, i) => ({ ownerId: r.ownerId, file: presented[i]! }));
};

// --- AgendaItem (public only), with its decisions ---

const agendaCols = {
  id: councilAgendaItems.id, councilId: councilAgendaItems.councilId, meetingId: councilAgendaItems.meetingId, order: councilAgendaItems.order,
  title: councilAgendaItems.title, paperId: councilAgendaItems.paperId, minutes: councilAgendaItems.minutes, minutesState: councilMeetings.minutesState,
  paperPublic: sql<boolean | null>`(select p.is_public and p.deleted_at is null from council_papers p where p.id = ${councilAgendaItems.paperId})`,
  created: councilAgendaItems.createdAt, modified: agendaItemModified, deletedAt: councilAgendaItems.deletedAt,
};
type AgendaRow = { id: string; councilId: string; meetingId: string; order: number; title: string; paperId: string | null; minutes: string; minutesState: string; paperPublic: boolean | null; created: Date; modified: Date; deletedAt: Date | null };
const agendaFrom = (db: Db) => db.select(agendaCols).from(councilAgendaItems).innerJoin(councilMeetings, eq(councilMeetings.id, councilAgendaItems.meetingId));

export const agendaItemKind: Kind<AgendaRow> = {
  rows: (db, where, page) => paged(agendaFrom(db).where(and(eq(councilAgendaItems.isPublic, true), where)).orderBy(asc(councilAgendaItems.createdAt), asc(councilAgendaItems.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilAgendaItems).where(and(eq(councilAgendaItems.isPublic, true), where))),
  inCouncil: (id) => eq(councilAgendaItems.councilId, id),
  byId: (id) => eq(councilAgendaItems.id, id),
  filter: (q) => filterConditions(q, councilAgendaItems.createdAt, agendaItemModified, councilAgendaItems.deletedAt),
  async present(c, rows, opts) {
    const live = rows.filter((r) => !r.deletedAt).map((r) => r.id);
    const decisions = live.length ? await c.db.select({
      agendaItemId: councilDecisions.agendaItemId, number: councilDecisions.number, text: councilDecisions.text, voteMode: councilDecisions.voteMode,
      votesYes: councilDecisions.votesYes, votesNo: councilDecisions.votesNo, votesAbstain: councilDecisions.votesAbstain, adopted: councilDecisions.adopted,
      trackState: councilDecisions.trackState, dueOn: councilDecisions.dueOn, trackNote: councilDecisions.trackNote, doneOn: councilDecisions.doneOn,
      ownerName: sql<string | null>`(select nullif(trim(concat_ws(' ', p.title, p.given_name, p.family_name)), '') from council_persons p where p.id = ${councilDecisions.ownerPersonId} and p.public_consent and p.deleted_at is null)`,
    }).from(councilDecisions).where(and(inArray(councilDecisions.agendaItemId, live), isNull(councilDecisions.deletedAt))).orderBy(asc(councilDecisions.createdAt), asc(councilDecisions.id)) : [];
    const files = opts.omitInternal ? [] : await filesOf(c, 'agenda_item', live);
    return rows.map((r) => {
      const id = url.agendaItem(c, r.id);
      if (r.deletedAt) return stub(id, 'AgendaItem', r.created, r.modified);
      const own = decisions.filter((d) => d.agendaItemId === r.id);
      return clean({
        id, type: `${SCHEMA}AgendaItem`, meeting: url.meeting(c, r.meetingId), number: String(r.order), order: r.order, name: r.title, public: true,
        consultation: r.paperId && r.paperPublic ? url.consultation(c, r.id) : undefined,
        result: own.length ? own.map(voteText).join('; ') : undefined,
        resolutionText: own.length ? own.map((d) => d.text).join('\n\n') : undefined,
        auxiliaryFile: files.filter((f) => f.ownerId === r.id).map((f) => f.file),
        'asskomm:minutes': r.minutesState === 'genehmigt' ? r.minutes : undefined,
        'asskomm:decisions': own.map((d) => clean({
          number: d.number, text: d.text, adopted: d.adopted, result: voteText(d),
          tracking: d.trackState ? clean({
            state: LABELS.trackState[d.trackState], owner: d.ownerName ?? undefined, dueDate: d.dueOn ?? undefined,
            doneDate: d.doneOn ?? undefined, note: d.trackNote,
          }) : undefined,
        })),
        ...stamps(r),
      });
    });
  },
};

// --- Meeting ---

const meetingCols = {
  id: councilMeetings.id, councilId: councilMeetings.councilId, bodyId: councilMeetings.bodyId, title: councilMeetings.title, bodyName: councilBodies.name,
  startsAt: councilMeetings.startsAt, endsAt: councilMeetings.endsAt, locationId: councilMeetings.locationId, state: councilMeetings.state,
  minutesState: councilMeetings.minutesState, minutesApprovedOn: councilMeetings.minutesApprovedOn,
  created: councilMeetings.createdAt, modified: meetingModified, deletedAt: councilMeetings.deletedAt,
};
export type MeetingRow = { id: string; councilId: string; bodyId: string; title: string; bodyName: string; startsAt: Date; endsAt: Date | null; locationId: string | null; state: keyof typeof LABELS.meetingState; minutesState: string; minutesApprovedOn: string | null; created: Date; modified: Date; deletedAt: Date | null };

/**
 * The approved minutes of a meeting (public items only, attendees who consented), rendered as PDF when fetched:
 * the Meeting's resultsProtocol, a File at <meeting>/resultsProtocol. Without checksum and size (rendered anew).
 */
export function resultsProtocol(c: OparlContext, r: MeetingRow, opts: { embedded?: boolean }): Obj | undefined {
  const meeting = url.meeting(c, r.id);
  const id = `${meeting}/resultsProtocol`;
  if (r.minutesState !== 'genehmigt') return undefined;
  if (r.deletedAt) return stub(id, 'File', r.created, r.modified);
  const day = dateTime(r.startsAt).slice(0, 10);
  return clean({
    id, type: `${SCHEMA}File`, name: `Ergebnisprotokoll ${r.bodyName} ${day}`, fileName: `Ergebnisprotokoll ${r.bodyName.replace(/[\\/:*?"<>|]+/g, '-')} ${day}.pdf`,
    mimeType: 'application/pdf', date: r.minutesApprovedOn ?? undefined, accessUrl: `${id}/access`, downloadUrl: `${id}/download`,
    meeting: opts.embedded ? undefined : [meeting], ...stamps(r),
  });
}
export const meetingKind: Kind<MeetingRow> = {
  rows: (db, where, page) => paged(db.select(meetingCols).from(councilMeetings).innerJoin(councilBodies, eq(councilBodies.id, councilMeetings.bodyId)).where(where).orderBy(asc(councilMeetings.createdAt), asc(councilMeetings.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilMeetings).where(where)),
  inCouncil: (id) => eq(councilMeetings.councilId, id),
  byId: (id) => eq(councilMeetings.id, id),
  filter: (q) => filterConditions(q, councilMeetings.createdAt, meetingModified, councilMeetings.deletedAt),
  async present(c, rows, opts) {
    const live = rows.filter((r) => !r.deletedAt);
    const locationIds = [...new Set(live.flatMap((r) => (r.locationId ? [r.locationId] : [])))];
    const locations = locationIds.length ? await locationKind.rows(c.db, and(inArray(councilLocations.id, locationIds), isNull(councilLocations.deletedAt))) : [];
    const locationObjects = await locationKind.present(c, locations, { embedded: true });
    const itemRows = live.length && !opts.omitInternal
      ? (await agendaItemKind.rows(c.db, and(inArray(councilAgendaItems.meetingId, live.map((r) => r.id)), isNull(councilAgendaItems.deletedAt)))).sort((a, b) => a.order - b.order)
      : [];
    const items = await agendaItemKind.present(c, itemRows, { embedded: true });
    return rows.map((r) => {
      const id = url.meeting(c, r.id);
      if (r.deletedAt) return stub(id, 'Meeting', r.created, r.modified);
      const location = locations.findIndex((l) => l.id === r.locationId);
      return clean({
        id, type: `${SCHEMA}Meeting`, name: r.title || r.bodyName, meetingState: LABELS.meetingState[r.state], cancelled: r.state === 'abgesagt' ? true : undefined,
        start: dateTime(r.startsAt), end: r.endsAt ? dateTime(r.endsAt) : undefined,
        location: location >= 0 ? locationObjects[location] : undefined,
        resultsProtocol: resultsProtocol(c, r, { embedded: true }),
        organization: [url.organization(c, r.bodyId)],
        web: `${c.publicUrl}${councilPaths.publicMeeting(r.councilId, r.id)}`,
        agendaItem: itemRows.flatMap((a, i) => (a.meetingId === r.id ? [items[i]!] : [])),
        ...stamps(r),
      });
    });
  },
};

// --- Paper (public only) and Consultation (a public agenda item that consults a public paper) ---

const paperCols = {
  id: councilPapers.id, councilId: councilPapers.councilId, reference: councilPapers.reference, name: councilPapers.name, paperType: councilPapers.paperType,
  date: councilPapers.date, created: councilPapers.createdAt, modified: paperModified, deletedAt: councilPapers.deletedAt,
};
type PaperRow = { id: string; councilId: string; reference: string; name: string; paperType: string; date: string | null; created: Date; modified: Date; deletedAt: Date | null };

const consultationModified = modifiedOf(councilAgendaItems.updatedAt, councilAgendaItems.deletedAt, sql`${councilPapers.updatedAt}`, sql`${councilPapers.deletedAt}`);
const consultationCols = {
  id: councilAgendaItems.id, councilId: councilAgendaItems.councilId, meetingId: councilAgendaItems.meetingId, paperId: sql<string>`${councilPapers.id}`,
  bodyId: councilMeetings.bodyId,
  authoritative: sql<boolean>`exists (select 1 from council_decisions d where d.agenda_item_id = ${councilAgendaItems.id} and d.deleted_at is null)`,
  created: councilAgendaItems.createdAt, modified: consultationModified, deletedAt: councilAgendaItems.deletedAt,
};
type ConsultationRow = { id: string; councilId: string; meetingId: string; paperId: string; bodyId: string; authoritative: boolean; created: Date; modified: Date; deletedAt: Date | null };
const consultationVisible = and(eq(councilAgendaItems.isPublic, true), eq(councilPapers.isPublic, true));
export const consultationKind: Kind<ConsultationRow> = {
  rows: (db, where, page) => paged(db.select(consultationCols).from(councilAgendaItems)
    .innerJoin(councilPapers, eq(councilPapers.id, councilAgendaItems.paperId)).innerJoin(councilMeetings, eq(councilMeetings.id, councilAgendaItems.meetingId))
    .where(and(consultationVisible, where)).orderBy(asc(councilAgendaItems.createdAt), asc(councilAgendaItems.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilAgendaItems).innerJoin(councilPapers, eq(councilPapers.id, councilAgendaItems.paperId)).where(and(consultationVisible, where))),
  inCouncil: (id) => eq(councilAgendaItems.councilId, id),
  byId: (id) => eq(councilAgendaItems.id, id),
  filter: (q) => filterConditions(q, councilAgendaItems.createdAt, consultationModified, councilAgendaItems.deletedAt),
  async present(c, rows) {
    return rows.map((r) => {
      const id = url.consultation(c, r.id);
      if (r.deletedAt) return stub(id, 'Consultation', r.created, r.modified);
      return clean({
        id, type: `${SCHEMA}Consultation`, paper: url.paper(c, r.paperId), agendaItem: url.agendaItem(c, r.id), meeting: url.meeting(c, r.meetingId),
        organization: [url.organization(c, r.bodyId)], authoritative: r.authoritative, ...stamps(r),
      });
    });
  },
};

export const paperKind: Kind<PaperRow> = {
  rows: (db, where, page) => paged(db.select(paperCols).from(councilPapers).where(and(eq(councilPapers.isPublic, true), where)).orderBy(asc(councilPapers.createdAt), asc(councilPapers.id)), page),
  count: (db, where) => count(db.select({ n: nCol }).from(councilPapers).where(and(eq(councilPapers.isPublic, true), where))),
  inCouncil: (id) => eq(councilPapers.councilId, id),
  byId: (id) => eq(councilPapers.id, id),
  filter: (q) => filterConditions(q, councilPapers.createdAt, paperModified, councilPapers.deletedAt),
  async present(c, rows, opts) {
    const live = rows.filter((r) => !r.deletedAt).map((r) => r.id);
    const files = opts.omitInternal ? [] : await filesOf(c, 'paper', live);
    const consultationRows = live.length ? await consultationKind.rows(c.db, and(inArray(councilAgendaItems.paperId, live), isNull(councilAgendaItems.deletedAt))) : [];
    const consultations = await consultationKind.present(c, consultationRows, { embedded: true });
    return rows.map((r) => {
      const id = url.paper(c, r.id);
      if (r.deletedAt) return stub(id, 'Paper', r.created, r.modified);
      return clean({
        id, type: `${SCHEMA}Paper`, body: url.body(c, r.councilId), name: r.name, reference: r.reference, date: r.date ?? undefined, paperType: r.paperType,
        auxiliaryFile: files.filter((f) => f.ownerId === r.id).map((f) => f.file),
        consultation: consultations.filter((x) => x.paper === id),
        ...stamps(r),
      });
    });
  },
};

export const kinds = {
  person: personKind, membership: membershipKind, meeting: meetingKind, agendaItem: agendaItemKind, paper: paperKind,
  consultation: consultationKind, file: fileKind, location: locationKind,
} as const;
export type KindName = keyof typeof kinds;
export type AnyKind = Kind<any>;
