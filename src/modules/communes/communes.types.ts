import { z } from 'zod';
import { ZDate, ZString, ZVersion } from '../../server/http/zod.js';

import { ZAgs } from '../../server/http/zod.js';
export { ZAgs };
export const ZAgsParams = z.object({ ags: ZAgs });

export const COMMUNE_SORTS = ['name', 'ags', 'population', 'area', 'district'] as const;
export const ZCommuneListQuery = z.object({
  q: ZString.trim().max(100).optional(),
  district: z.string().regex(/^\d{5}$/, { error: 'Der Kreisschlüssel besteht aus 5 Ziffern.' }).optional(),
  directorate: ZString.max(40).optional(),
  type: z.enum(['Gemeinde', 'Stadt', 'Kreisfreie Stadt']).optional(),
  status: z.enum(['active', 'merged', 'all']).default('active'),
  sort: z.enum(COMMUNE_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TCommuneListQuery = z.infer<typeof ZCommuneListQuery>;

export const ZCommuneSummary = z.object({
  ags: z.string(), name: z.string(), type: z.string(), status: z.string(),
  districtAgs: z.string(), districtName: z.string(),
  policeDirectorateId: z.string(), policeDirectorateName: z.string(),
  associationArs: z.string().nullable(), associationName: z.string().nullable(), associationType: z.string().nullable(),
  population: z.number().int(), areaKm2: z.number(),
});
export const ZCommuneList = z.object({ items: z.array(ZCommuneSummary), total: z.number().int() });

const ZRef = z.object({ ags: z.string(), name: z.string() });
export const ZCommuneDetail = ZCommuneSummary.extend({
  ars: z.string(), textCode: z.string(), isGrosseKreisstadt: z.boolean(),
  populationMale: z.number().int(), populationFemale: z.number().int(), density: z.number(),
  postalCode: z.string().nullable(), lon: z.number().nullable(), lat: z.number().nullable(),
  referenceDate: z.string(), validUntil: z.string().nullable(),
  successor: ZRef.nullable(), predecessors: z.array(ZRef),
  associationMembers: z.array(ZRef),
  groups: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  populationHistory: z.array(z.object({ referenceDate: z.string(), population: z.number().int(), populationMale: z.number().int(), populationFemale: z.number().int() })),
  geometry: z.unknown().nullable(),
  version: z.number().int(),
});
export type TCommuneDetail = z.infer<typeof ZCommuneDetail>;

export const ZDistrict = z.object({
  ags: z.string(), name: z.string(), type: z.string(), policeDirectorateId: z.string(), policeDirectorateName: z.string(),
  communeCount: z.number().int(), population: z.number().int(),
});
export const ZDirectorate = z.object({ id: z.string(), name: z.string(), districts: z.array(z.object({ ags: z.string(), name: z.string() })) });

export const GROUP_KINDS = ['Städtebund', 'Verwaltungsgemeinschaft', 'Region', 'Netzwerk', 'Sonstige'] as const;
export const ZGroupInput = z.object({
  name: ZString.trim().min(2, { error: 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen).' }).max(200),
  kind: z.enum(GROUP_KINDS, { error: `Bitte wählen Sie eine Art: ${GROUP_KINDS.join(', ')}.` }),
  description: ZString.trim().max(2000).default(''),
  members: z.array(ZAgs).min(1, { error: 'Eine Gruppe braucht mindestens eine Kommune.' }).max(500),
});
export const ZGroupUpdate = ZGroupInput.extend({ version: ZVersion });
export const ZGroup = z.object({
  id: z.uuid(), name: z.string(), kind: z.string(), description: z.string(), version: z.number().int(),
  members: z.array(z.object({ ags: z.string(), name: z.string(), status: z.string() })),
  updatedAt: z.string(),
});
export const ZGroupIdParams = z.object({ id: z.uuid({ error: 'Ungültige Gruppen-ID.' }) });

export const ZRegistryChange = z.object({
  kind: z.enum(['new', 'merged', 'renamed', 'population', 'attributes']),
  ags: z.string(), name: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable(),
  successorAgs: z.string().nullable().optional(),
});
export const ZRegistryPreview = z.object({
  id: z.uuid(), fileName: z.string(), referenceDate: z.string(), status: z.string(), version: z.number().int(),
  summary: z.object({ communesInFile: z.number().int(), new: z.number().int(), merged: z.number().int(), renamed: z.number().int(), population: z.number().int(), attributes: z.number().int(), unchanged: z.number().int() }),
  changes: z.array(ZRegistryChange),
});
export type TRegistryPreview = z.infer<typeof ZRegistryPreview>;
export const ZApplyImport = z.object({
  version: ZVersion,
  /** Overrides of the proposed successor for merged communes: { oldAgs: successorAgs }. */
  successors: z.record(ZAgs, ZAgs).default({}),
});

export const ZAgeStructureCell = z.object({
  ageGroup: ZString.max(10),
  sex: z.enum(['m', 'w']),
  count: z.number().int({ error: 'Die Anzahl muss eine ganze Zahl sein.' }).min(0, { error: 'Die Anzahl darf nicht negativ sein.' }).max(10_000_000),
});
export const ZAgeStructureInput = z.object({
  referenceDate: ZDate,
  source: ZString.trim().min(3, { error: 'Bitte nennen Sie die Quelle der Zahlen.' }).max(300),
  cells: z.array(ZAgeStructureCell).min(1).max(30),
  version: ZVersion,
});
export const ZAgeStructure = z.object({
  ags: z.string(), referenceDate: z.string(), source: z.string(), cells: z.array(ZAgeStructureCell), total: z.number().int(), updatedAt: z.string(), version: z.number().int(),
});
