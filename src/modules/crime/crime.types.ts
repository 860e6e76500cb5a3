import { z } from 'zod';
import { ZListQuery, ZPage } from '../../server/http/paging.js';
import { labelled, ZString } from '../../server/http/zod.js';

/** bka_kreise: the BKA's table 01 (Kreise) as published; municipal: a Polizeidirektion's commune table. */
export const CRIME_FILE_FORMATS = ['bka_kreise', 'municipal'] as const;
export type TCrimeFileFormat = (typeof CRIME_FILE_FORMATS)[number];

export const ZCrimeImportOptions = z.object({
  format: labelled(z.enum(CRIME_FILE_FORMATS, { error: 'Bitte wählen Sie das Format: BKA-Tabelle (Kreise) oder Gemeindetabelle.' }), 'Format'),
  year: labelled(z.coerce.number().int().min(1990, { error: 'Das Berichtsjahr ist ungültig.' }).max(2100, { error: 'Das Berichtsjahr ist ungültig.' }).optional(), 'Berichtsjahr'),
  version: labelled(ZString.trim().min(1, { error: 'Bitte geben Sie die Version der Daten an (z. B. „1.0“ oder das Lieferdatum).' }).max(100), 'Version'),
  source: labelled(ZString.trim().max(300).optional(), 'Quelle'),
});
export type TCrimeImportOptions = z.infer<typeof ZCrimeImportOptions>;

export const ZCrimeImport = z.object({
  id: z.string().uuid(), format: z.enum(CRIME_FILE_FORMATS), years: z.array(z.number().int()), source: z.string(), version: z.string(),
  fileName: z.string(), encoding: z.string(), rowsImported: z.number().int(), rowsSkipped: z.number().int(), importedAt: z.string(),
});
export type TCrimeImport = z.infer<typeof ZCrimeImport>;
export const ZCrimeImportList = ZPage(ZCrimeImport);
export const CRIME_IMPORT_SORTS = ['importedAt', 'fileName'] as const;
/** `q`: part of the file name or source; newest first by default. */
export const ZCrimeImportListQuery = ZListQuery(CRIME_IMPORT_SORTS, { sort: 'importedAt', dir: 'desc', limit: 25 });
export type TCrimeImportListQuery = z.infer<typeof ZCrimeImportListQuery>;
export type TCrimeImportList = z.infer<typeof ZCrimeImportList>;
export const ZCrimeImportResult = ZCrimeImport.extend({ areas: z.number().int() });
export type TCrimeImportResult = z.infer<typeof ZCrimeImportResult>;

/** Cases, solved cases, suspects and population of an area, with its crime rate (HZ) and clearance rate. */
export const ZAreaFigures = z.object({
  cases: z.number().int(), solved: z.number().int(), suspects: z.number().int().nullable(), population: z.number().int().nullable(),
  crimeRate: z.number().nullable(), clearanceRate: z.number().nullable(),
});
export type TAreaFigures = z.infer<typeof ZAreaFigures>;
const ZTrendPoint = z.object({ year: z.number().int(), value: z.number().nullable(), changeToPrevious: z.number().nullable(), changeToFirst: z.number().nullable() });
const ZOffence = z.object({ key: z.string(), label: z.string() });

export const ZCommuneCrime = z.object({
  commune: z.object({ ags: z.string(), name: z.string() }),
  kreis: z.object({ ags: z.string(), name: z.string() }),
  years: z.array(z.number().int()),
  offences: z.array(ZOffence),
  figures: z.array(ZOffence.extend({ year: z.number().int(), commune: ZAreaFigures.nullable(), kreis: ZAreaFigures.nullable(), saxony: ZAreaFigures.nullable() })),
  trends: z.array(ZOffence.extend({ commune: z.array(ZTrendPoint), kreis: z.array(ZTrendPoint), saxony: z.array(ZTrendPoint) })),
  sources: z.array(z.object({ format: z.enum(CRIME_FILE_FORMATS), source: z.string(), version: z.string(), years: z.array(z.number().int()), importedAt: z.string() })),
  populationBasis: z.string(),
});
export type TCommuneCrime = z.infer<typeof ZCommuneCrime>;

export const ZKreisOverview = z.object({
  year: z.number().int(), key: z.string(), label: z.string().nullable(),
  kreise: z.array(ZAreaFigures.extend({ ags: z.string(), name: z.string() })),
  saxony: ZAreaFigures.nullable(),
  populationDate: z.string().nullable(),
});
export type TKreisOverview = z.infer<typeof ZKreisOverview>;

export const ZCrimeCatalogue = z.object({ offences: z.array(ZOffence), years: z.array(z.number().int()) });
export type TCrimeCatalogue = z.infer<typeof ZCrimeCatalogue>;
export const ZOverviewQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  key: z.string().regex(/^(?:-{6}|[0-9*]{6})$/, { error: 'Der Straftatenschlüssel hat 6 Zeichen (Ziffern, * oder -).' }).default('------'),
});
