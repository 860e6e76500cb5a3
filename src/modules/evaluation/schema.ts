import { pgTable, text, integer, doublePrecision, jsonb, timestamp, uuid, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { analysisProjects } from '../surveys/schema.js';
import type { TCalibrationSettings, TPriority, TRecommendationState, TReportState, TWeightingResult } from './evaluation.types.js';

/** What an analysis uses until the analyst chooses (the column defaults below, and the findings' fallback). */
export const DEFAULT_SETTINGS = {
  design: 'stratified', calibration: 'rake', variables: ['age_group', 'sex'], epsilon: 1e-7, maxIterations: 100,
  trimLower: null, trimUpper: null, minRespondents: 10, minClusterSize: 5, clusterRadiusM: 150,
} as const;

/**
 * How an analysis is weighted and published: the design, the calibration the analyst chose, and the
 * publication thresholds. `result` is the last weighting run (method, margins with sources, convergence,
 * weight range), shown in the report's methods section.
 */
export const analysisWeightings = pgTable('analysis_weightings', {
  projectId: uuid('project_id').primaryKey().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  /** stratified: the register sample's strata with fpc; simple: equal weights (no sample data). */
  design: text('design').$type<TCalibrationSettings['design']>().notNull().default(DEFAULT_SETTINGS.design),
  calibration: text('calibration').$type<TCalibrationSettings['calibration']>().notNull().default(DEFAULT_SETTINGS.calibration),
  /** Raking/post-stratification variables: age_group, sex, district. */
  variables: jsonb('variables').$type<TCalibrationSettings['variables']>().notNull().default([...DEFAULT_SETTINGS.variables]),
  epsilon: doublePrecision('epsilon').notNull().default(DEFAULT_SETTINGS.epsilon),
  maxIterations: integer('max_iterations').notNull().default(DEFAULT_SETTINGS.maxIterations),
  trimLower: doublePrecision('trim_lower'),
  trimUpper: doublePrecision('trim_upper'),
  /** Publication rules: cells with fewer respondents are suppressed; Angsträume need this many people per cluster. */
  minRespondents: integer('min_respondents').notNull().default(DEFAULT_SETTINGS.minRespondents),
  minClusterSize: integer('min_cluster_size').notNull().default(DEFAULT_SETTINGS.minClusterSize),
  clusterRadiusM: integer('cluster_radius_m').notNull().default(DEFAULT_SETTINGS.clusterRadiusM),
  result: jsonb('result').$type<TWeightingResult>(),
  computedAt: timestamp('computed_at', { withTimezone: true }),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});

/** Handlungsempfehlungen: written by the analyst, linked to findings and a Handlungsfeld, managed by the commune. */
export const recommendations = pgTable('recommendations', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  description: text('description').notNull(),
  /** A Handlungsfeld of the alliance's managed list (fields_of_action.id). */
  fieldOfAction: text('field_of_action').notNull(),
  /** Finding keys (e.g. unsafe_night, incivility:IN01_a, fear_place:2). */
  findings: jsonb('findings').$type<string[]>().notNull().default([]),
  priority: text('priority').$type<TPriority>().notNull().default('mittel'),
  state: text('state').$type<TRecommendationState>().notNull().default('offen'),
  stateNote: text('state_note').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
}, (t) => [index('recommendations_project_idx').on(t.projectId)]);

/**
 * Generated reports (a background job renders PDF and DOCX into file storage). A stored report never changes:
 * each generation is a new version of the analysis' report, numbered 1, 2, … per analysis.
 */
export const analysisReports = pgTable('analysis_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => analysisProjects.id, { onDelete: 'cascade' }),
  /** The version number within the analysis (1 = first report). */
  number: integer('number').notNull().default(1),
  status: text('status').$type<TReportState>().notNull().default('queued'),
  requestedBy: uuid('requested_by'),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  pdfKey: text('pdf_key'),
  docxKey: text('docx_key'),
  pdfBytes: integer('pdf_bytes'),
  docxBytes: integer('docx_bytes'),
  error: text('error'),
  /** Responses and weighting the report was computed from. */
  respondents: integer('respondents'),
}, (t) => [index('analysis_reports_project_idx').on(t.projectId, t.requestedAt), uniqueIndex('analysis_reports_number_idx').on(t.projectId, t.number)]);
