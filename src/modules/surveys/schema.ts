import { pgTable, text, integer, date, jsonb, timestamp, uuid, primaryKey, index, boolean, uniqueIndex } from 'drizzle-orm/pg-core';
import { communes } from '../communes/schema.js';
import type { ItemContent, Text } from './standard-items.js';

/** A Sicherheitsanalyse for one commune: the project the survey belongs to. */
export const analysisProjects = pgTable('analysis_projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stable short code, also the scope id of the analyst role (e.g. sa-schwarzenberg-2026). */
  code: text('code').notNull().unique(),
  ags: text('ags').notNull().references(() => communes.ags),
  title: text('title').notNull(),
  institute: text('institute').notNull(),
  startOn: date('start_on').notNull(),
  status: text('status').notNull().default('running'),
  completedOn: date('completed_on'),
  /** Ortsteile offered in the district question (from the register extract, or entered). */
  districts: jsonb('districts').$type<string[]>().notNull().default([]),
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
  status: text('status').notNull().default('open'),
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

export type QuestionnaireElement =
  | { type: 'item'; code: string; itemVersion: number }
  | { type: 'custom'; code: string; content: ItemContent }
  | { type: 'page'; title: Text };

/**
 * A project's questionnaire. Drafts change freely; starting the field phase freezes it: the resolved
 * definition and the SurveyJS JSON are stored and `revision` is what every response records.
 */
export const questionnaires = pgTable('questionnaires', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  revision: integer('revision').notNull(),
  status: text('status').notNull().default('draft'),
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
