import { z } from 'zod';
import { ZAsOfDate, ZDate, ZString, ZVersion, ZVersionParam } from '../../server/http/zod.js';
import { ZListQuery, ZPage } from '../../server/http/paging.js';

import { ZAgs } from '../../server/http/zod.js';
export { ZAgs };
export const ZAgsParams = z.object({ ags: ZAgs });

export const COMMUNE_SORTS = ['name', 'ags', 'population', 'area', 'district'] as const;
/** Search (`q`: name prefix or AGS, umlaut-insensitive; prefix matches first), filters, sort and page. */
export const ZCommuneListQuery = ZListQuery(COMMUNE_SORTS, { sort: 'name' }, {
  district: z.string().regex(/^\d{5}$/, { error: 'Der Kreisschlüssel besteht aus 5 Ziffern.' }).optional(),
  directorate: ZString.max(40).optional(),
  type: z.enum(['Gemeinde', 'Stadt', 'Kreisfreie Stadt']).optional(),
  status: z.enum(['active', 'merged', 'all']).default('active'),
});
export type TCommuneListQuery = z.infer<typeof ZCommuneListQuery>;

export const ZCommuneSummary = z.object({
  ags: z.string(), name: z.string(), type: z.string(), status: z.string(),
  districtAgs: z.string(), districtName: z.string(),
  policeDirectorateId: z.string(), policeDirectorateName: z.string(),
  associationArs: z.string().nullable(), associationName: z.string().nullable(), associationType: z.string().nullable(),
  population: z.number().int(), areaKm2: z.number(),
});
export type TCommuneSummary = z.infer<typeof ZCommuneSummary>;
export const ZCommuneList = ZPage(ZCommuneSummary);
export type TCommuneList = z.infer<typeof ZCommuneList>;

const ZRef = z.object({ ags: z.string(), name: z.string() });
const ZRing = z.array(z.tuple([z.number(), z.number()]));
/** A commune's outline: GeoJSON Polygon or MultiPolygon, WGS 84 longitude/latitude. */
export const ZGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ZRing) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ZRing)) }),
]);
export type TGeometry = z.infer<typeof ZGeometry>;
export type TCommuneRef = z.infer<typeof ZRef>;
export const ZCommuneDetail = ZCommuneSummary.extend({
  ars: z.string(), textCode: z.string(), isGrosseKreisstadt: z.boolean(),
  populationMale: z.number().int(), populationFemale: z.number().int(), density: z.number(),
  postalCode: z.string().nullable(), lon: z.number().nullable(), lat: z.number().nullable(),
  referenceDate: z.string(), validUntil: z.string().nullable(),
  successor: ZRef.nullable(), predecessors: z.array(ZRef),
  associationMembers: z.array(ZRef),
  groups: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  populationHistory: z.array(z.object({ referenceDate: z.string(), population: z.number().int(), populationMale: z.number().int(), populationFemale: z.number().int() })),
  geometry: ZGeometry.nullable(),
  version: z.number().int(),
});
export type TCommuneDetail = z.infer<typeof ZCommuneDetail>;

export const ZDistrict = z.object({
  ags: z.string(), name: z.string(), type: z.string(), policeDirectorateId: z.string(), policeDirectorateName: z.string(),
  communeCount: z.number().int(), population: z.number().int(),
});
export type TDistrict = z.infer<typeof ZDistrict>;
export const ZDistrictList = z.object({ items: z.array(ZDistrict) });
export type TDistrictList = z.infer<typeof ZDistrictList>;

export const ZDirectorate = z.object({ id: z.string(), name: z.string(), districts: z.array(z.object({ ags: z.string(), name: z.string() })) });
export type TDirectorate = z.infer<typeof ZDirectorate>;
export const ZDirectorateList = z.object({ items: z.array(ZDirectorate) });
export type TDirectorateList = z.infer<typeof ZDirectorateList>;

export const GROUP_KINDS = ['Städtebund', 'Verwaltungsgemeinschaft', 'Region', 'Netzwerk', 'Sonstige'] as const;
export const ZGroupInput = z.object({
  name: ZString.trim().min(2, { error: 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen).' }).max(200),
  kind: z.enum(GROUP_KINDS, { error: `Bitte wählen Sie eine Art: ${GROUP_KINDS.join(', ')}.` }),
  description: ZString.trim().max(2000).default(''),
  members: z.array(ZAgs).min(1, { error: 'Eine Gruppe braucht mindestens eine Kommune.' }).max(500),
});
export type TGroupInput = z.infer<typeof ZGroupInput>;
export const ZGroupUpdate = ZGroupInput.extend({ version: ZVersion });
export type TGroupUpdate = z.infer<typeof ZGroupUpdate>;
/** A group as stored and audited. */
export const ZGroupRecord = z.object({
  id: z.uuid(), name: z.string(), kind: z.string(), description: z.string(), version: z.number().int(),
  members: z.array(z.object({ ags: z.string(), name: z.string(), status: z.string() })),
  updatedAt: z.string(),
});
export type TGroupRecord = z.infer<typeof ZGroupRecord>;
/** A group as the viewer sees it, with what they may do with it. */
export const ZGroup = ZGroupRecord.extend({ can: z.object({ update: z.boolean(), delete: z.boolean() }) });
export type TGroup = z.infer<typeof ZGroup>;
/** All groups, and the kinds a group may have (for the form). */
export const ZGroupList = ZPage(ZGroup).extend({ kinds: z.array(z.enum(GROUP_KINDS)) });
export const GROUP_SORTS = ['name', 'kind'] as const;
/** `q`: the group's name or a member commune's name or AGS. */
export const ZGroupListQuery = ZListQuery(GROUP_SORTS, { sort: 'name', limit: 100 });
export type TGroupListQuery = z.infer<typeof ZGroupListQuery>;
export type TGroupList = z.infer<typeof ZGroupList>;
export const ZGroupIdParams = z.object({ id: z.uuid({ error: 'Ungültige Gruppen-ID.' }) });
export const ZGroupDeleteQuery = z.object({ version: ZVersionParam });

export const REGISTRY_CHANGE_KINDS = ['new', 'merged', 'renamed', 'population', 'attributes'] as const;
export const ZRegistryChange = z.object({
  kind: z.enum(REGISTRY_CHANGE_KINDS),
  ags: z.string(), name: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(), after: z.record(z.string(), z.unknown()).nullable(),
  successorAgs: z.string().nullable().optional(),
});
export type TRegistryChange = z.infer<typeof ZRegistryChange>;
export const ZRegistrySummary = z.object({
  communesInFile: z.number().int(), new: z.number().int(), merged: z.number().int(), renamed: z.number().int(),
  population: z.number().int(), attributes: z.number().int(), unchanged: z.number().int(),
});
export type TRegistrySummary = z.infer<typeof ZRegistrySummary>;
export const ZRegistryPreview = z.object({
  id: z.uuid(), fileName: z.string(), referenceDate: z.string(), status: z.string(), version: z.number().int(),
  summary: ZRegistrySummary,
  changes: z.array(ZRegistryChange),
});
export type TRegistryPreview = z.infer<typeof ZRegistryPreview>;
export const ZRegistryImportList = ZPage(ZRegistryPreview);
export const REGISTRY_IMPORT_SORTS = ['createdAt', 'fileName'] as const;
/** `q`: part of the file name; newest first by default. */
export const ZRegistryImportListQuery = ZListQuery(REGISTRY_IMPORT_SORTS, { sort: 'createdAt', dir: 'desc', limit: 25 });
export type TRegistryImportListQuery = z.infer<typeof ZRegistryImportListQuery>;
export type TRegistryImportList = z.infer<typeof ZRegistryImportList>;
export const ZRegistryImportIdParams = z.object({ id: z.uuid({ error: 'Ungültige Import-ID.' }) });
export const ZApplyImport = z.object({
  version: ZVersion,
  /** Overrides of the proposed successor for merged communes: { oldAgs: successorAgs }. */
  successors: z.record(ZAgs, ZAgs).default({}),
});
export type TApplyImport = z.infer<typeof ZApplyImport>;

export const ZAgeStructureCell = z.object({
  ageGroup: ZString.max(10),
  sex: z.enum(['m', 'w']),
  count: z.number().int({ error: 'Die Anzahl muss eine ganze Zahl sein.' }).min(0, { error: 'Die Anzahl darf nicht negativ sein.' }).max(10_000_000),
});
export type TAgeStructureCell = z.infer<typeof ZAgeStructureCell>;
export const ZAgeStructureInput = z.object({
  referenceDate: ZAsOfDate,
  source: ZString.trim().min(3, { error: 'Bitte nennen Sie die Quelle der Zahlen.' }).max(300),
  cells: z.array(ZAgeStructureCell).min(1).max(30),
  version: ZVersion,
});
export type TAgeStructureInput = z.infer<typeof ZAgeStructureInput>;
/** A commune's age × sex margins as stored and audited. */
export const ZAgeStructureRecord = z.object({
  ags: z.string(), referenceDate: z.string(), source: z.string(), cells: z.array(ZAgeStructureCell), total: z.number().int(), updatedAt: z.string(), version: z.number().int(),
});
export type TAgeStructureRecord = z.infer<typeof ZAgeStructureRecord>;
/** The margins as the viewer sees them, with whether they may correct them. */
export const ZAgeStructure = ZAgeStructureRecord.extend({ can: z.object({ edit: z.boolean() }) });
export type TAgeStructure = z.infer<typeof ZAgeStructure>;
