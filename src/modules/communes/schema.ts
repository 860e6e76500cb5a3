import { pgTable, text, integer, doublePrecision, date, jsonb, timestamp, uuid, primaryKey, index } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export const policeDirectorates = pgTable('police_directorates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

/** Landkreise and kreisfreie Städte. */
export const districts = pgTable('districts', {
  ags: text('ags').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  policeDirectorateId: text('police_directorate_id').notNull().references(() => policeDirectorates.id),
  geometry: jsonb('geometry'),
});

/** Gemeindeverbände: verbandsfreie Gemeinde, Verwaltungsgemeinschaft, Verwaltungsverband. */
export const associations = pgTable('associations', {
  ars: text('ars').primaryKey(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  districtAgs: text('district_ags').notNull().references(() => districts.ags),
  dissolvedOn: date('dissolved_on'),
});

export const communes = pgTable('communes', {
  ags: text('ags').primaryKey(),
  ars: text('ars').notNull(),
  name: text('name').notNull(),
  type: text('type').notNull(),
  textCode: text('text_code').notNull(),
  districtAgs: text('district_ags').notNull().references(() => districts.ags),
  associationArs: text('association_ars').references(() => associations.ars),
  population: integer('population').notNull(),
  populationMale: integer('population_male').notNull(),
  populationFemale: integer('population_female').notNull(),
  areaKm2: doublePrecision('area_km2').notNull(),
  postalCode: text('postal_code'),
  lon: doublePrecision('lon'),
  lat: doublePrecision('lat'),
  /** active, or merged into successorAgs (kept so that nothing referencing it is lost). */
  status: text('status').notNull().default('active'),
  successorAgs: text('successor_ags').references((): AnyPgColumn => communes.ags),
  validUntil: date('valid_until'),
  referenceDate: date('reference_date').notNull(),
  geometry: jsonb('geometry'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('communes_district_idx').on(t.districtAgs), index('communes_status_idx').on(t.status)]);

/** Population per reference date, kept across registry updates. */
export const communePopulation = pgTable('commune_population', {
  ags: text('ags').notNull().references(() => communes.ags),
  referenceDate: date('reference_date').notNull(),
  population: integer('population').notNull(),
  populationMale: integer('population_male').notNull(),
  populationFemale: integer('population_female').notNull(),
}, (t) => [primaryKey({ columns: [t.ags, t.referenceDate] })]);

export const communeGroups = pgTable('commune_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  kind: text('kind').notNull(),
  description: text('description').notNull().default(''),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const communeGroupMembers = pgTable('commune_group_members', {
  groupId: uuid('group_id').notNull().references(() => communeGroups.id, { onDelete: 'cascade' }),
  ags: text('ags').notNull().references(() => communes.ags),
}, (t) => [primaryKey({ columns: [t.groupId, t.ags] })]);

export const registryImports = pgTable('registry_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  referenceDate: date('reference_date').notNull(),
  status: text('status').notNull().default('previewed'),
  /** The parsed file (Saxon rows only) so that apply uses exactly what was previewed. */
  parsed: jsonb('parsed').notNull(),
  preview: jsonb('preview').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  appliedBy: uuid('applied_by'),
  appliedAt: timestamp('applied_at', { withTimezone: true }),
  version: integer('version').notNull().default(1),
});

/**
 * Residents aged 16 and over by age group and sex, per commune: the population margins that survey
 * results are weighted to. Entered or corrected by hand with the source named (Statistisches Landesamt,
 * Melderegister, …); every change is audited.
 */
export const communeAgeStructure = pgTable('commune_age_structure', {
  ags: text('ags').primaryKey().references(() => communes.ags),
  referenceDate: date('reference_date').notNull(),
  source: text('source').notNull(),
  cells: jsonb('cells').$type<{ ageGroup: string; sex: 'm' | 'w'; count: number }[]>().notNull(),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
