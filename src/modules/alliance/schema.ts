import { pgTable, text, integer, date, jsonb, timestamp, uuid, primaryKey, index, boolean, numeric } from 'drizzle-orm/pg-core';
import { communes, communeGroups, policeDirectorates } from '../communes/schema.js';
import { users } from '../auth/schema.js';

/** Handlungsfelder: the managed list of topics for consultations, coaching competencies and agreements. */
export const fieldsOfAction = pgTable('fields_of_action', {
  id: text('id').primaryKey(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

/** The model communes of 2019 (reference fact, not derived). */
export const modelCommunes = pgTable('model_communes', {
  ags: text('ags').primaryKey().references(() => communes.ags),
  since: date('since').notNull(),
});

/** Beratungen: the LPR advising one or more communes. A logged consultation is the funding precondition. */
export const consultations = pgTable('consultations', {
  id: uuid('id').primaryKey().defaultRandom(),
  heldOn: date('held_on').notNull(),
  staffUserId: uuid('staff_user_id').notNull().references(() => users.id),
  format: text('format').notNull().default('vor_ort'),
  topics: jsonb('topics').$type<string[]>().notNull().default([]),
  notes: text('notes').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [index('consultations_held_on_idx').on(t.heldOn)]);

export const consultationCommunes = pgTable('consultation_communes', {
  consultationId: uuid('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
  ags: text('ags').notNull().references(() => communes.ags),
}, (t) => [primaryKey({ columns: [t.consultationId, t.ags] }), index('consultation_communes_ags_idx').on(t.ags)]);

export const consultationTasks = pgTable('consultation_tasks', {
  id: uuid('id').primaryKey().defaultRandom(),
  consultationId: uuid('consultation_id').notNull().references(() => consultations.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  dueOn: date('due_on').notNull(),
  assignee: text('assignee').notNull().default(''),
  doneOn: date('done_on'),
  version: integer('version').notNull().default(1),
}, (t) => [index('consultation_tasks_due_idx').on(t.dueOn)]);

/**
 * Dated facts about a commune that no module records yet (first contact, council constituted,
 * analysis completed, funding committed) and manual stage corrections. Modules that own these facts
 * later replace the corresponding figure definitions.
 */
export const communeMilestones = pgTable('commune_milestones', {
  id: uuid('id').primaryKey().defaultRandom(),
  ags: text('ags').notNull().references(() => communes.ags),
  occurredOn: date('occurred_on').notNull(),
  kind: text('kind').notNull(),
  /** For kind=stage_correction: the stage the commune is set to. */
  stage: text('stage'),
  amountEur: numeric('amount_eur', { precision: 14, scale: 2 }),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('commune_milestones_ags_idx').on(t.ags), index('commune_milestones_kind_idx').on(t.kind, t.occurredOn)]);

export interface AgreementSection { key: string; title: string; text: string }
export interface Signatory { party: 'commune' | 'police' | 'lpr'; ags?: string; name: string; office: string }

/** The editable clause template agreements start from. */
export const agreementTemplates = pgTable('agreement_templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  sections: jsonb('sections').$type<AgreementSection[]>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A Vorvereinbarung or Kooperationsvereinbarung for one commune or one group of communes.
 * `inForceSince` is the first signing date; amendments after signing start a new revision whose
 * predecessors stay readable in agreement_revisions.
 */
export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  state: text('state').notNull().default('draft'),
  subjectAgs: text('subject_ags').references(() => communes.ags),
  groupId: uuid('group_id').references(() => communeGroups.id),
  policeDirectorateId: text('police_directorate_id').notNull().references(() => policeDirectorates.id),
  /** Set when a Polizeirevier signs instead of the directorate, e.g. "Polizeirevier Aue". */
  policeUnit: text('police_unit'),
  signatories: jsonb('signatories').$type<Signatory[]>().notNull().default([]),
  modules: jsonb('modules').$type<string[]>().notNull().default([]),
  topics: jsonb('topics').$type<string[]>().notNull().default([]),
  goals: jsonb('goals').$type<string[]>().notNull().default([]),
  measures: jsonb('measures').$type<string[]>().notNull().default([]),
  sections: jsonb('sections').$type<AgreementSection[]>().notNull().default([]),
  signedOn: date('signed_on'),
  signedPlace: text('signed_place').notNull().default(''),
  inForceSince: date('in_force_since'),
  endedOn: date('ended_on'),
  endReason: text('end_reason').notNull().default(''),
  revision: integer('revision').notNull().default(1),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [index('agreements_state_idx').on(t.state), index('agreements_in_force_idx').on(t.inForceSince)]);

/** The communes an agreement covers (the subject commune or the group's members at drafting/signing). */
export const agreementCommunes = pgTable('agreement_communes', {
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  ags: text('ags').notNull().references(() => communes.ags),
}, (t) => [primaryKey({ columns: [t.agreementId, t.ags] }), index('agreement_communes_ags_idx').on(t.ags)]);

/** Immutable snapshot of every signed revision, and the scan of its signed paper copy. */
export const agreementRevisions = pgTable('agreement_revisions', {
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  signedOn: date('signed_on').notNull(),
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  scanKey: text('scan_key'),
  scanName: text('scan_name'),
  scanSize: integer('scan_size'),
  scanUploadedAt: timestamp('scan_uploaded_at', { withTimezone: true }),
  recordedBy: uuid('recorded_by'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.agreementId, t.revision] })]);

/** The coach pool (run by Institut B3). A coach may have a platform account (role coach). */
export const coaches = pgTable('coaches', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').references(() => users.id),
  name: text('name').notNull(),
  organisation: text('organisation').notNull(),
  email: text('email').notNull().default(''),
  competencies: jsonb('competencies').$type<string[]>().notNull().default([]),
  /** Kreis AGS (5 digits) the coach works in; empty = all of Saxony. */
  regions: jsonb('regions').$type<string[]>().notNull().default([]),
  capacity: integer('capacity').notNull().default(2),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
});

export const coachingProcesses = pgTable('coaching_processes', {
  id: uuid('id').primaryKey().defaultRandom(),
  ags: text('ags').notNull().references(() => communes.ags),
  status: text('status').notNull().default('requested'),
  requestedOn: date('requested_on').notNull(),
  requestedBy: uuid('requested_by'),
  reason: text('reason').notNull().default(''),
  topics: jsonb('topics').$type<string[]>().notNull().default([]),
  coachId: uuid('coach_id').references(() => coaches.id),
  coacheeUserId: uuid('coachee_user_id').references(() => users.id),
  coacheeName: text('coachee_name').notNull().default(''),
  matchedOn: date('matched_on'),
  startedOn: date('started_on'),
  endedOn: date('ended_on'),
  endNote: text('end_note').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [index('coaching_processes_ags_idx').on(t.ags), index('coaching_processes_coach_idx').on(t.coachId)]);

export const coachingSessions = pgTable('coaching_sessions', {
  id: uuid('id').primaryKey().defaultRandom(),
  processId: uuid('process_id').notNull().references(() => coachingProcesses.id, { onDelete: 'cascade' }),
  heldOn: date('held_on').notNull(),
  participants: text('participants').notNull(),
  topics: jsonb('topics').$type<string[]>().notNull().default([]),
  notes: text('notes').notNull().default(''),
  nextSteps: text('next_steps').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('coaching_sessions_process_idx').on(t.processId)]);

/** The coachee's short closing feedback (one per process). */
export const coachingFeedback = pgTable('coaching_feedback', {
  processId: uuid('process_id').primaryKey().references(() => coachingProcesses.id, { onDelete: 'cascade' }),
  goalsReached: integer('goals_reached').notNull(),
  satisfaction: integer('satisfaction').notNull(),
  wouldRecommend: boolean('would_recommend').notNull(),
  comment: text('comment').notNull().default(''),
  submittedBy: uuid('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
});
