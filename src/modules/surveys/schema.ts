import { pgTable, text, integer, date, jsonb, timestamp, uuid, primaryKey, index, boolean, uniqueIndex } from 'drizzle-orm/pg-core';
import { communes } from '../communes/schema.js';
import type { ItemContent, Text } from './standard-items.js';
import type { TElement } from './surveys.types.js';
import type { TGeometry } from '../communes/communes.types.js';
import type { PaperEntryStatus, PhaseStatus, ProjectStatus, QuestionnaireStatus, ResponseMode } from './states.js';

/** An uploaded Ortsteil: its name (one of the analysis's Ortsteile), boundary and label point. */
export interface DistrictArea { name: string; geometry: TGeometry; label: [number, number] }

/** Answers leave the mixing pool in batches of at least this many, unless the survey closes with fewer. */
export const DEFAULT_MIX_THRESHOLD = 10;
export const MIN_MIX_THRESHOLD = 5;

/** A Sicherheitsanalyse for one commune: the project the survey belongs to. */
export const analysisProjects = pgTable('analysis_projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable short code, also the scope id of the analyst role (e.g. sa-schwarzenberg-2026). */
  code: text('code').notNull().unique(),
  ags: text('ags').notNull().references(() => communes.ags),
  title: text('title').notNull(),
  institute: text('institute').notNull(),
  startOn: date('start_on').notNull(),
  status: text('status').$type<ProjectStatus>().notNull().default('running'),
  completedOn: date('completed_on'),
  /** Ortsteile offered in the district question (from the register extract, or entered). */
  districts: jsonb('districts').$type<string[]>().notNull().default([]),
  /** The Ortsteile's boundaries as the analyst uploaded them (GeoJSON polygons named like `districts`), or none. */
  districtAreas: jsonb('district_areas').$type<DistrictArea[]>(),
  /** k of the mixing pool: answers are stored only in batches of at least this many (see docs/anonymity.md). */
  mixThreshold: integer('mix_threshold').notNull().default(DEFAULT_MIX_THRESHOLD),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [index('analysis_projects_ags_idx').on(t.ags)]);

/** The six phases on the 20-week plan. */
export const analysisPhases = pgTable('analysis_phases', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  sortOrder: integer('sort_order').notNull(),
  startOn: date('start_on').notNull(),
  dueOn: date('due_on').notNull(),
  status: text('status').$type<PhaseStatus>().notNull().default('open'),
  doneOn: date('done_on'),
  version: integer('version').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.projectId, t.key] })]);

/** The commune's checklist (register extract, approve the letter, inform citizens, collect returns). */
export const analysisTasks = pgTable('analysis_tasks', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  sortOrder: integer('sort_order').notNull(),
  dueOn: date('due_on').notNull(),
  doneOn: date('done_on'),
  doneBy: uuid('done_by'),
  version: integer('version').notNull().default(1),
}, (t) => [primaryKey({ columns: [t.projectId, t.key] })]);

/** The item bank: every version of every item stays, so frozen questionnaires keep their wording. */
export const surveyItems = pgTable('survey_items', {
  code: text('code').notNull(),
  itemVersion: integer('item_version').notNull(),
  content: jsonb('content').$type<ItemContent>().notNull(),
  active: boolean('active').notNull().default(true),
  note: text('note').notNull().default(''),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.code, t.itemVersion] })]);

export type QuestionnaireElement = TElement;

/**
 * A project's questionnaire. Drafts change freely; starting the field phase freezes it: the resolved
 * definition and the SurveyJS JSON are stored and `revision` is what every response records.
 */
export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  status: text('status').$type<QuestionnaireStatus>().notNull().default('draft'),
  title: jsonb('title').$type<Text>().notNull(),
  intro: jsonb('intro').$type<Text>().notNull(),
  elements: jsonb('elements').$type<QuestionnaireElement[]>().notNull().default([]),
  /** Frozen: the elements with item content resolved, and the SurveyJS JSON rendered from them. */
  definition: jsonb('definition'),
  surveyJson: jsonb('survey_json'),
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [uniqueIndex('questionnaires_project_revision').on(t.projectId, t.revision)]);

/** The drawn sample of an analysis: how it was drawn (seed stored) and what has happened to the personal data. */
export const surveySamples = pgTable('survey_samples', {
  projectId: uuid('project_id').primaryKey().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  strataBy: text('strata_by').notNull(),
  allocation: text('allocation').notNull(),
  requestedSize: integer('requested_size').notNull(),
  seed: integer('seed').notNull(),
  fileName: text('file_name').notNull(),
  encoding: text('encoding').notNull(),
  personsRead: integer('persons_read').notNull(),
  under16: integer('under16').notNull(),
  drawnAt: timestamp('drawn_at', { withTimezone: true }).notNull().defaultNow(),
  lettersAt: timestamp('letters_at', { withTimezone: true }),
  remindersAt: timestamp('reminders_at', { withTimezone: true }),
  personalDataDeletedAt: timestamp('personal_data_deleted_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});

/** Per stratum: the register population N_h and the sample size n_h – all that weighting needs. */
export const surveyStrata = pgTable('survey_strata', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  district: text('district'),
  ageGroup: text('age_group'),
  sex: text('sex'),
  population: integer('population').notNull(),
  sampleSize: integer('sample_size').notNull(),
}, (t) => [primaryKey({ columns: [t.projectId, t.key] })]);

/** Names and addresses of the drawn persons, only until the letters are produced (then deleted). */
export const samplePersons = pgTable('sample_persons', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  serial: integer('serial').notNull(),
  stratumKey: text('stratum_key').notNull(),
  salutation: text('salutation').notNull().default(''),
  firstName: text('first_name').notNull(),
  lastName: text('last_name').notNull(),
  street: text('street').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
  /** The personal access code, printed on the letter; only its hash is kept once the person is deleted. */
  code: text('code').notNull(),
}, (t) => [index('sample_persons_project_idx').on(t.projectId, t.serial)]);

/**
 * The code table, apart from the responses. During the field phase a submission never touches it (its
 * rows would keep the time of use in their system columns): codes used then are in survey_used_codes, and
 * are marked `used` here in one transaction when the field phase closes. The stratum lets field
 * monitoring count returns per stratum.
 */
export const accessCodes = pgTable('access_codes', {
  codeHash: text('code_hash').primaryKey(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  stratumKey: text('stratum_key').notNull(),
  used: boolean('used').notNull().default(false),
  // `used` is not indexed, so marking a code used can be a heap-only update.
}, (t) => [index('access_codes_project_idx').on(t.projectId)]);

/**
 * Codes used while the field phase runs, kept small so that every mix can rewrite the survey's rows in
 * random order and the table file anew: then none of them tells when it was used, or with which batch.
 * `receipt` is the hash of the random id the respondent's browser sent with the answers, so a retried
 * submit is answered "received" without a duplicate; it is never stored with the answers. Null on paper.
 */
export const surveyUsedCodes = pgTable('survey_used_codes', {
  codeHash: text('code_hash').primaryKey(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  receipt: text('receipt'),
});

/** The cover letter: editable text, the commune's crest, and the commune's approval. */
export const surveyLetters = pgTable('survey_letters', {
  projectId: uuid('project_id').primaryKey().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  sender: text('sender').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  reminderBody: text('reminder_body').notNull(),
  signature: text('signature').notNull(),
  crestKey: text('crest_key'),
  crestType: text('crest_type'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/**
 * Answers, online or from paper, as they left the mixing pool: anonymous by design. No code, no person, no
 * IP or user agent, no submission time: `submittedOn` is the day the batch left the pool, and rows of a
 * batch are written in one transaction in random order, so neither system columns (xmin, ctid) nor physical
 * order tell them apart (docs/anonymity.md). `batch` numbers the batches of a survey (the same grouping
 * xmin shows anyway); the last one takes in what is left when the field phase closes. `stratumKey` is
 * the sampling stratum of the code used (Ortsteil, age group, sex from the register), which the weighting
 * needs; the answers ask the same. Null for paper sheets without a code.
 */
export const surveyResponses = pgTable('survey_responses', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  questionnaireRevision: integer('questionnaire_revision').notNull(),
  mode: text('mode').$type<ResponseMode>().notNull(),
  submittedOn: date('submitted_on').notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  stratumKey: text('stratum_key'),
  batch: integer('batch').notNull().default(0),
}, (t) => [index('survey_responses_project_idx').on(t.projectId, t.submittedOn)]);

/**
 * The mixing pool: a submission's answers wait here (written in the transaction that uses the code) until
 * at least k of the survey wait; then one transaction moves them all to survey_responses in random order
 * and the pool is vacuumed. No time, no code, no order that survives the move.
 */
export const surveyPool = pgTable('survey_pool', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  questionnaireRevision: integer('questionnaire_revision').notNull(),
  mode: text('mode').$type<ResponseMode>().notNull(),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  stratumKey: text('stratum_key'),
  // No key and no index: the pool holds only what waits for the next mix, and each index costs every submission.
});

/**
 * Saved, unfinished online answers, keyed by the code's hash; deleted when the answers are submitted (and
 * vacuumed with the pool). No foreign key to the code table, whose used rows are rewritten at every mix.
 */
export const surveyDrafts = pgTable('survey_drafts', {
  codeHash: text('code_hash').primaryKey(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  /** The page the respondent was on (0-based), so that resuming continues there. */
  page: integer('page').notNull().default(0),
  savedOn: date('saved_on').notNull(),
});

/** Paper questionnaires under double entry: the first keying waits for the second; deleted once stored. */
export const paperEntries = pgTable('paper_entries', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  sheetNo: text('sheet_no').notNull(),
  status: text('status').$type<PaperEntryStatus>().notNull(),
  firstAnswers: jsonb('first_answers').$type<Record<string, unknown>>().notNull(),
  secondAnswers: jsonb('second_answers').$type<Record<string, unknown>>(),
  code: text('code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.projectId, t.sheetNo] })]);

/** Sheet numbers already keyed, so a sheet is not entered twice (no link to the stored response; rewritten in random order at every mix). */
export const paperSheets = pgTable('paper_sheets', {
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  sheetNo: text('sheet_no').notNull(),
}, (t) => [primaryKey({ columns: [t.projectId, t.sheetNo] })]);
