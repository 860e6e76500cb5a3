import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { communeGroupMembers, communeGroups, communePopulation, communes } from './schema.js';
import { summaryQuery } from './list-communes.js';
import type { TCommuneDetail, TGeometry } from './communes.types.js';

export async function getCommune(db: Db, ags: string): Promise<TCommuneDetail> {
  const [summary] = await summaryQuery(db).where(eq(communes.ags, ags));
  const [row] = await db.select().from(communes).where(eq(communes.ags, ags));
  if (!summary || !row) throw notFound(`Es gibt keine sächsische Gemeinde mit dem AGS ${ags}.`);
  const ref = { ags: communes.ags, name: communes.name };
  const [successor] = row.successorAgs ? await db.select(ref).from(communes).where(eq(communes.ags, row.successorAgs)) : [];
  const predecessors = await db.select(ref).from(communes).where(eq(communes.successorAgs, ags)).orderBy(asc(communes.name));
  const associationMembers = row.associationArs
    ? await db.select(ref).from(communes).where(and(eq(communes.associationArs, row.associationArs), eq(communes.status, 'active'), ne(communes.ags, ags))).orderBy(asc(communes.name))
    : [];
  const groups = await db.select({ id: communeGroups.id, name: communeGroups.name, kind: communeGroups.kind })
    .from(communeGroupMembers).innerJoin(communeGroups, eq(communeGroups.id, communeGroupMembers.groupId))
    .where(eq(communeGroupMembers.ags, ags)).orderBy(asc(communeGroups.name));
  const populationHistory = await db.select({
    referenceDate: communePopulation.referenceDate, population: communePopulation.population,
    populationMale: communePopulation.populationMale, populationFemale: communePopulation.populationFemale,
  }).from(communePopulation).where(eq(communePopulation.ags, ags)).orderBy(asc(communePopulation.referenceDate));
  return {
    ...summary, ars: row.ars, textCode: row.textCode, isGrosseKreisstadt: row.textCode === '63',
    populationMale: row.populationMale, populationFemale: row.populationFemale,
    density: row.areaKm2 > 0 ? Math.round(row.population / row.areaKm2) : 0,
    postalCode: row.postalCode, lon: row.lon, lat: row.lat, referenceDate: row.referenceDate, validUntil: row.validUntil,
    successor: successor ?? null, predecessors, associationMembers, groups, populationHistory,
    geometry: (row.geometry as TGeometry | null) ?? null, version: row.version,
  };
}
