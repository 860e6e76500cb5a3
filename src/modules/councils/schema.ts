import { pgTable, text, integer, boolean, date, jsonb, timestamp, uuid, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { communes } from '../communes/schema.js';
import type {
  TAgendaMinutesState, TAttendanceStatus, TBodyKind, TCouncilOffice, TCouncilState, TCouncilTheme, TDecisionTrackState, TMeetingState,
  TMembershipRole, TOrganisationType, TPaperType, TReportContent, TReportState, TVoteMode,
} from './councils.types.js';

/*
 * The councils module: a commune's Kommunaler Präventionsrat with its bodies, members, meetings, minutes,
 * decisions (with Beschlusskontrolle) and annual reports. Every row that OParl publishes carries `created_at`,
 * `updated_at` and a soft `deleted_at` (OParl lists deleted objects with `deleted: true` to `modified_since`).
 */

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
};

/**
 * A council of one commune or a group of communes. `ags` is the commune that runs it (the OParl Body);
 * `communes` every commune it covers (its own AGS first), which is what scopes and policies read.
 * `state` is the latest entry of `council_state_changes` (kept in step by the use cases).
 */
export const councils = pgTable('councils', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Readable key, e.g. kpr-chemnitz: the scope id of `council_member` grants. */
  code: text('code').notNull(),
  ags: text('ags').notNull().references(() => communes.ags),
  communes: text('communes').array().notNull(),
  /** The name as the commune uses it: Kommunaler Präventionsrat, Kriminalpräventiver Rat, Sicherheitskreis, … */
  name: text('name').notNull(),
  shortName: text('short_name').notNull().default(''),
  /** Earlier names with the day they were given up, oldest first (Chemnitz: Kriminalpräventiver → Kommunalpräventiver Rat). */
  previousNames: jsonb('previous_names').$type<{ name: string; until: string }[]>().notNull().default([]),
  state: text('state').$type<TCouncilState>().notNull().default('geplant'),
  /** The founding resolution of the municipal council (Gründungsbeschluss), e.g. B-41/1998. */
  foundingResolutionOn: date('founding_resolution_on'),
  foundingResolutionNumber: text('founding_resolution_number').notNull().default(''),
  foundingResolutionFileId: uuid('founding_resolution_file_id'),
  /** Themenbereiche: the alliance's fields of action (fieldOfAction set) and the council's own. */
  themes: jsonb('themes').$type<TCouncilTheme[]>().notNull().default([]),
  /** The Koordinierungs-/Geschäftsstelle: where, who, hours, whether funded. */
  office: jsonb('office').$type<TCouncilOffice>().notNull().default({}),
  description: text('description').notNull().default(''),
  website: text('website').notNull().default(''),
  createdBy: uuid('created_by'),
  ...stamps,
}, (t) => [uniqueIndex('councils_code_idx').on(t.code), index('councils_ags_idx').on(t.ags), index('councils_communes_idx').using('gin', t.communes)]);

/** Dated state history: geplant → konstituiert → aktiv → ruhend → reaktiviert → aufgelöst. */
export const councilStateChanges = pgTable('council_state_changes', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  state: text('state').$type<TCouncilState>().notNull(),
  effectiveOn: date('effective_on').notNull(),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('council_state_changes_council_idx').on(t.councilId, t.effectiveOn)]);

/** Versions of the Geschäftsordnung (rules of procedure): numbered per council, with the day adopted and the text or a file. */
export const councilRules = pgTable('council_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  number: integer('number').notNull(),
  adoptedOn: date('adopted_on').notNull(),
  text: text('text').notNull().default(''),
  fileId: uuid('file_id'),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('council_rules_number_idx').on(t.councilId, t.number)]);

/**
 * The council's bodies: the plenary (`plenum`, created with the council, the council itself in OParl) and its
 * sub-bodies (Lenkungs-/Steuerungsgruppe, Arbeitsgruppen, Fachkreise, Begleitgremien), each with members and meetings.
 */
export const councilBodies = pgTable('council_bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<TBodyKind>().notNull(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull().default(''),
  description: text('description').notNull().default(''),
  /** A Themenbereich key of the council, for working groups. */
  theme: text('theme'),
  startedOn: date('started_on'),
  endedOn: date('ended_on'),
  sortOrder: integer('sort_order').notNull().default(0),
  ...stamps,
}, (t) => [index('council_bodies_council_idx').on(t.councilId)]);

/**
 * A person in a council (one person, several bodies): the organisation they represent, and whether they consent
 * to be named publicly. `userId` links a platform account (found by e-mail when not set) for the start page.
 */
export const councilPersons = pgTable('council_persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  userId: uuid('user_id'),
  formOfAddress: text('form_of_address').notNull().default(''),
  title: text('title').notNull().default(''),
  givenName: text('given_name').notNull().default(''),
  familyName: text('family_name').notNull(),
  /** The office or position, e.g. "Bürgermeister für Recht, Sicherheit und Umweltschutz". */
  position: text('position').notNull().default(''),
  organisation: text('organisation').notNull().default(''),
  organisationType: text('organisation_type').$type<TOrganisationType>().notNull().default('sonstige'),
  email: text('email').notNull().default(''),
  phone: text('phone').notNull().default(''),
  publicConsent: boolean('public_consent').notNull().default(false),
  consentGivenOn: date('consent_given_on'),
  /** SHA-256 of the private token of the member's iCal feed (null: no feed yet). */
  calendarTokenHash: text('calendar_token_hash'),
  ...stamps,
}, (t) => [index('council_persons_council_idx').on(t.councilId), index('council_persons_user_idx').on(t.userId), uniqueIndex('council_persons_calendar_idx').on(t.calendarTokenHash)]);

/** A person's membership of a body: role, voting right, term and the organisation they represent there. */
export const councilMemberships = pgTable('council_memberships', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  bodyId: uuid('body_id').notNull().references(() => councilBodies.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => councilPersons.id, { onDelete: 'cascade' }),
  role: text('role').$type<TMembershipRole>().notNull().default('mitglied'),
  votingRight: boolean('voting_right').notNull().default(true),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  /** The organisation represented (defaults to the person's). */
  onBehalfOf: text('on_behalf_of').notNull().default(''),
  ...stamps,
}, (t) => [index('council_memberships_body_idx').on(t.bodyId), index('council_memberships_person_idx').on(t.personId)]);

/** Places of meetings (OParl Location). */
export const councilLocations = pgTable('council_locations', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  description: text('description').notNull(),
  streetAddress: text('street_address').notNull().default(''),
  postalCode: text('postal_code').notNull().default(''),
  locality: text('locality').notNull().default(''),
  room: text('room').notNull().default(''),
  ...stamps,
}, (t) => [index('council_locations_council_idx').on(t.councilId)]);

/**
 * A meeting of a body. `sequence` counts the changes sent to invitees (iCal SEQUENCE); `minutesState` is
 * none → entwurf (members only) → genehmigt (approved at a later meeting, `minutesApprovedInMeetingId`).
 */
export const councilMeetings = pgTable('council_meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  bodyId: uuid('body_id').notNull().references(() => councilBodies.id, { onDelete: 'cascade' }),
  title: text('title').notNull().default(''),
  startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
  endsAt: timestamp('ends_at', { withTimezone: true }),
  locationId: uuid('location_id').references(() => councilLocations.id),
  onlineUrl: text('online_url').notNull().default(''),
  state: text('state').$type<TMeetingState>().notNull().default('geplant'),
  cancelReason: text('cancel_reason').notNull().default(''),
  invitedAt: timestamp('invited_at', { withTimezone: true }),
  sequence: integer('sequence').notNull().default(0),
  minutesState: text('minutes_state').$type<TAgendaMinutesState>().notNull().default('none'),
  minutesGeneral: text('minutes_general').notNull().default(''),
  minutesApprovedOn: date('minutes_approved_on'),
  minutesApprovedInMeetingId: uuid('minutes_approved_in_meeting_id'),
  /** Version of the minutes text alone (concurrent editors get 409). */
  minutesVersion: integer('minutes_version').notNull().default(1),
  ...stamps,
}, (t) => [index('council_meetings_body_idx').on(t.bodyId, t.startsAt), index('council_meetings_council_idx').on(t.councilId, t.startsAt)]);

/** Vorlagen (OParl Paper): a paper is consulted on agenda items (`council_agenda_items.paper_id`). */
export const councilPapers = pgTable('council_papers', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  reference: text('reference').notNull().default(''),
  name: text('name').notNull(),
  paperType: text('paper_type').$type<TPaperType>().notNull().default('Beschlussvorlage'),
  date: date('date'),
  isPublic: boolean('is_public').notNull().default(true),
  ...stamps,
}, (t) => [index('council_papers_council_idx').on(t.councilId)]);

/** An ordered agenda item (TOP), public or not, with its Ergebnisprotokoll text. */
export const councilAgendaItems = pgTable('council_agenda_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  meetingId: uuid('meeting_id').notNull().references(() => councilMeetings.id, { onDelete: 'cascade' }),
  order: integer('order').notNull(),
  title: text('title').notNull(),
  isPublic: boolean('is_public').notNull().default(true),
  description: text('description').notNull().default(''),
  paperId: uuid('paper_id').references(() => councilPapers.id),
  minutes: text('minutes').notNull().default(''),
  ...stamps,
}, (t) => [
  index('council_agenda_items_meeting_idx').on(t.meetingId, t.order),
  uniqueIndex('council_agenda_items_order_idx').on(t.meetingId, t.order).where(sql`deleted_at IS NULL`),
]);

/**
 * Files of a council (OParl File): attached to a paper, an agenda item, a meeting (invitation, minutes), a version
 * of the Geschäftsordnung (`rules`) or the council (its founding resolution). Public only when what it is attached to is public.
 */
export const councilFiles = pgTable('council_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  ownerType: text('owner_type').$type<'council' | 'rules' | 'paper' | 'agenda_item' | 'meeting' | 'report'>().notNull(),
  ownerId: uuid('owner_id').notNull(),
  name: text('name').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  sha512: text('sha512').notNull(),
  storageKey: text('storage_key').notNull(),
  createdBy: uuid('created_by'),
  ...stamps,
}, (t) => [index('council_files_owner_idx').on(t.ownerType, t.ownerId), index('council_files_council_idx').on(t.councilId)]);

/** Who attended: present, excused, guest (recorded at or after the meeting). */
export const councilAttendance = pgTable('council_attendance', {
  meetingId: uuid('meeting_id').notNull().references(() => councilMeetings.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => councilPersons.id, { onDelete: 'cascade' }),
  status: text('status').$type<TAttendanceStatus>().notNull(),
  note: text('note').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.meetingId, t.personId] })]);

/**
 * A decision (Beschluss) on an agenda item, and its Beschlusskontrolle: tracked work with an owner, a due date
 * and a state (offen → in Arbeit → erledigt / nicht umgesetzt). `trackState` null: nothing to carry out.
 */
export const councilDecisions = pgTable('council_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  meetingId: uuid('meeting_id').notNull().references(() => councilMeetings.id, { onDelete: 'cascade' }),
  agendaItemId: uuid('agenda_item_id').notNull().references(() => councilAgendaItems.id, { onDelete: 'cascade' }),
  /** The council's decision number, e.g. KPR-3/2026 (unique per council). */
  number: text('number').notNull(),
  text: text('text').notNull(),
  voteMode: text('vote_mode').$type<TVoteMode>().notNull(),
  votesYes: integer('votes_yes'),
  votesNo: integer('votes_no'),
  votesAbstain: integer('votes_abstain'),
  adopted: boolean('adopted').notNull().default(true),
  /** A recommendation of the commune's security analysis this decision takes up. */
  recommendationId: uuid('recommendation_id'),
  /** Later: a project it starts (projects module). */
  projectId: uuid('project_id'),
  trackState: text('track_state').$type<TDecisionTrackState>(),
  ownerPersonId: uuid('owner_person_id').references(() => councilPersons.id),
  dueOn: date('due_on'),
  trackNote: text('track_note').notNull().default(''),
  doneOn: date('done_on'),
  /** The last day the owner was reminded (a week before the due date, on it, then weekly while overdue). */
  remindedOn: date('reminded_on'),
  ...stamps,
}, (t) => [
  index('council_decisions_council_idx').on(t.councilId, t.trackState),
  index('council_decisions_owner_idx').on(t.ownerPersonId),
  uniqueIndex('council_decisions_number_idx').on(t.councilId, t.number),
]);

/** Every step of a decision's tracking: who set which state with which note, and when. */
export const councilDecisionUpdates = pgTable('council_decision_updates', {
  id: uuid('id').primaryKey().defaultRandom(),
  decisionId: uuid('decision_id').notNull().references(() => councilDecisions.id, { onDelete: 'cascade' }),
  state: text('state').$type<TDecisionTrackState>().notNull(),
  note: text('note').notNull().default(''),
  byUserId: uuid('by_user_id'),
  byName: text('by_name').notNull().default(''),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('council_decision_updates_decision_idx').on(t.decisionId, t.at)]);

/** The annual Präventionsbericht: a generated draft, edited in the app, then published (PDF/DOCX stored). */
export const councilReports = pgTable('council_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  state: text('state').$type<TReportState>().notNull().default('entwurf'),
  content: jsonb('content').$type<TReportContent>().notNull(),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  pdfKey: text('pdf_key'),
  docxKey: text('docx_key'),
  ...stamps,
}, (t) => [uniqueIndex('council_reports_year_idx').on(t.councilId, t.year)]);
