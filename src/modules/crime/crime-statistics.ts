import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { isLpr, scopesOf, type Actor } from '../../server/auth/roles.js';
import { forbidden, notFound } from '../../server/http/problem.js';
import { formatDateDe } from '../../lib/dates.js';
import { canSee, visibleCommunes } from '../alliance/visibility.js';
import { analysisProjects } from '../surveys/schema.js';
import { communePopulation, communes, districts } from '../communes/schema.js';
import { crimeFigures, crimeImports } from './schema.js';
import { areaFigures, trend, type AreaFigures } from './crime-rates.js';

/** The Saxon Kreise a Land total needs; a year/offence with fewer Kreise has no Land figure. */
const SAXON_KREISE = 13;
export const ALL_OFFENCES = '------';

export interface Populations {
  byAgs: Map<string, number>;
  /** Sums per Kreis and for the Land, for the rates of the larger areas. */
  byKreis: Map<string, number>;
  total: number | null;
  referenceDate: string | null;
}

/** Commune populations at the end of `year` (latest registry date on or before it, else the current registry). */
export async function populationsAt(db: Db, year: number): Promise<Populations> {
  const limit = `${year}-12-31`;
  const rows = await db.selectDistinctOn([communePopulation.ags], { ags: communePopulation.ags, population: communePopulation.population, date: communePopulation.referenceDate })
    .from(communePopulation).where(lte(communePopulation.referenceDate, limit)).orderBy(communePopulation.ags, desc(communePopulation.referenceDate));
  const byAgs = new Map(rows.map((r) => [r.ags, r.population]));
  let referenceDate = rows.reduce<string | null>((max, r) => (max === null || r.date > max ? r.date : max), null);
  if (!byAgs.size) {
    const current = await db.select({ ags: communes.ags, population: communes.population, date: communes.referenceDate }).from(communes).where(eq(communes.status, 'active'));
    for (const c of current) byAgs.set(c.ags, c.population);
    referenceDate = current[0]?.date ?? null;
  }
  const byKreis = new Map<string, number>();
  for (const c of await db.select({ ags: communes.ags, kreis: communes.districtAgs }).from(communes)) {
    const p = byAgs.get(c.ags);
    if (p) byKreis.set(c.kreis, (byKreis.get(c.kreis) ?? 0) + p);
  }
  const total = [...byAgs.values()].reduce((sum, v) => sum + v, 0) || null;
  return { byAgs, byKreis, total, referenceDate };
}

/** May the actor read this commune's police figures? LPR, its police directorate, the commune, its analysts. */
export async function assertCrimeFiguresVisible(db: Db, actor: Actor | null, ags: string) {
  if (canSee(await visibleCommunes(db, actor), ags)) return;
  const codes = scopesOf(actor, 'analyst');
  if (codes.length && (await db.select({ id: analysisProjects.id }).from(analysisProjects).where(and(inArray(analysisProjects.code, codes), eq(analysisProjects.ags, ags)))).length) return;
  throw forbidden('Sie haben keinen Zugriff auf die Kriminalstatistik dieser Kommune.');
}

type Row = typeof crimeFigures.$inferSelect;

function sumFigures(rows: Row[], population: number | null): AreaFigures {
  const cases = rows.reduce((s, r) => s + r.cases, 0);
  const solved = rows.reduce((s, r) => s + r.solved, 0);
  const suspects = rows.every((r) => r.suspects !== null) ? rows.reduce((s, r) => s + r.suspects!, 0) : null;
  return areaFigures(cases, solved, suspects, population);
}

/** The commune's PKS figures as the actor may see them (see assertCrimeFiguresVisible). */
export async function communeCrimeStatistics(db: Db, actor: Actor | null, ags: string) {
  if (!(await db.select({ ags: communes.ags }).from(communes).where(eq(communes.ags, ags))).length) throw notFound('Diese Gemeinde ist nicht bekannt.');
  await assertCrimeFiguresVisible(db, actor, ags);
  return crimeStatisticsFor(db, ags);
}

/** The commune's PKS figures per year and offence, next to its Kreis and Saxony, with trends (no access check). */
export async function crimeStatisticsFor(db: Db, ags: string) {
  const [commune] = await db.select({ ags: communes.ags, name: communes.name, kreisAgs: communes.districtAgs, kreisName: districts.name })
    .from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(eq(communes.ags, ags));
  if (!commune) throw notFound('Diese Gemeinde ist nicht bekannt.');

  const own = await db.select().from(crimeFigures).where(and(inArray(crimeFigures.areaAgs, [ags, commune.kreisAgs]), eq(crimeFigures.current, true)));
  const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
  const keys = [...new Set(own.map((r) => r.offenceKey))];
  const saxonRows = years.length && keys.length
    ? await db.select().from(crimeFigures).where(and(eq(crimeFigures.areaLevel, 'kreis'), like14(), inArray(crimeFigures.year, years), inArray(crimeFigures.offenceKey, keys), eq(crimeFigures.current, true)))
    : [];
  const populations = new Map<number, Awaited<ReturnType<typeof populationsAt>>>();
  for (const y of years) populations.set(y, await populationsAt(db, y));

  const labels = new Map<string, string>();
  for (const r of own) if (!labels.has(r.offenceKey) || r.areaLevel === 'kreis') labels.set(r.offenceKey, r.offenceLabel);
  const figures: { key: string; label: string; year: number; commune: AreaFigures | null; kreis: AreaFigures | null; saxony: AreaFigures | null }[] = [];
  for (const key of keys) {
    for (const year of years) {
      const pop = populations.get(year)!;
      const c = own.find((r) => r.areaAgs === ags && r.year === year && r.offenceKey === key);
      const k = own.find((r) => r.areaAgs === commune.kreisAgs && r.year === year && r.offenceKey === key);
      const sx = saxonRows.filter((r) => r.year === year && r.offenceKey === key);
      if (!c && !k) continue;
      figures.push({
        key, label: labels.get(key)!, year,
        commune: c ? areaFigures(c.cases, c.solved, c.suspects, pop.byAgs.get(ags) ?? null) : null,
        kreis: k ? areaFigures(k.cases, k.solved, k.suspects, pop.byKreis.get(commune.kreisAgs) ?? null, { rate: k.publishedRate, clearance: k.publishedClearanceRate }) : null,
        saxony: sx.length === SAXON_KREISE ? sumFigures(sx, pop.total) : null,
      });
    }
  }
  const trends = keys.map((key) => {
    const series = (level: 'commune' | 'kreis' | 'saxony') => trend(figures.filter((f) => f.key === key && f[level]).map((f) => ({ year: f.year, value: f[level]!.crimeRate })));
    return { key, label: labels.get(key)!, commune: series('commune'), kreis: series('kreis'), saxony: series('saxony') };
  });
  const importIds = [...new Set(own.map((r) => r.importId))];
  const sources = importIds.length
    ? await db.select({ format: crimeImports.format, source: crimeImports.source, version: crimeImports.version, years: crimeImports.years, importedAt: crimeImports.importedAt })
      .from(crimeImports).where(inArray(crimeImports.id, importIds)).orderBy(asc(crimeImports.importedAt))
    : [];
  // "Stand 31.12.2023" when one registry date serves every year, else the date per year.
  const dates = new Map<string, number[]>();
  for (const [y, p] of populations) { const d = p.referenceDate ? formatDateDe(p.referenceDate) : 'unbekannt'; dates.set(d, [...(dates.get(d) ?? []), y]); }
  const basis = dates.size === 1 ? [...dates.keys()][0]! : [...dates.entries()].map(([d, ys]) => `${d} für ${ys.join(', ')}`).join('; ');
  return {
    commune: { ags: commune.ags, name: commune.name },
    kreis: { ags: commune.kreisAgs, name: commune.kreisName },
    years,
    offences: keys.sort(offenceOrder).map((key) => ({ key, label: labels.get(key)! })),
    figures: figures.sort((a, b) => offenceOrder(a.key, b.key) || a.year - b.year),
    trends: trends.sort((a, b) => offenceOrder(a.key, b.key)),
    sources: sources.map((s) => ({ ...s, importedAt: s.importedAt.toISOString() })),
    populationBasis: `Häufigkeitszahl von Gemeinde und Land: Fälle je 100.000 Einwohner laut Gemeindeverzeichnis (Stand ${basis}); Kreise: Häufigkeitszahl und Aufklärungsquote wie vom BKA veröffentlicht.`,
  };
}

const like14 = () => sql`${crimeFigures.areaAgs} like '14%'`;

/** "Straftaten insgesamt" first, then by key. */
export function offenceOrder(a: string, b: string) {
  if (a === b) return 0;
  if (a === ALL_OFFENCES) return -1;
  if (b === ALL_OFFENCES) return 1;
  return a < b ? -1 : 1;
}

/** The Saxon Kreise and Saxony for one year and offence (published BKA figures; Land total computed). */
export async function kreisOverview(db: Db, year: number, key: string) {
  const rows = await db.select({ f: crimeFigures, name: districts.name }).from(crimeFigures).innerJoin(districts, eq(districts.ags, crimeFigures.areaAgs))
    .where(and(eq(crimeFigures.year, year), eq(crimeFigures.offenceKey, key), eq(crimeFigures.current, true), eq(crimeFigures.areaLevel, 'kreis'))).orderBy(asc(districts.name));
  const { byKreis, total, referenceDate } = await populationsAt(db, year);
  return {
    year, key, label: rows[0]?.f.offenceLabel ?? null,
    kreise: rows.map(({ f, name }) => ({ ags: f.areaAgs, name, ...areaFigures(f.cases, f.solved, f.suspects, byKreis.get(f.areaAgs) ?? null, { rate: f.publishedRate, clearance: f.publishedClearanceRate }) })),
    saxony: rows.length === SAXON_KREISE ? sumFigures(rows.map((r) => r.f), total) : null,
    populationDate: referenceDate,
  };
}

/** Offence keys and labels known from imports, and the years with Kreis figures. */
export async function crimeCatalogue(db: Db) {
  const keys = await db.selectDistinctOn([crimeFigures.offenceKey], { key: crimeFigures.offenceKey, label: crimeFigures.offenceLabel })
    .from(crimeFigures).where(eq(crimeFigures.current, true)).orderBy(crimeFigures.offenceKey, desc(crimeFigures.areaLevel));
  const years = await db.selectDistinct({ year: crimeFigures.year }).from(crimeFigures).where(and(eq(crimeFigures.current, true), eq(crimeFigures.areaLevel, 'kreis')));
  return { offences: keys.sort((a, b) => offenceOrder(a.key, b.key)), years: years.map((y) => y.year).sort((a, b) => b - a) };
}

export async function listCrimeImports(db: Db, actor: Actor | null) {
  const rows = await db.select().from(crimeImports).orderBy(desc(crimeImports.importedAt));
  const directorates = isLpr(actor) ? [] : scopesOf(actor, 'police');
  const visible = directorates.length ? rows.filter((r) => r.format === 'bka_kreise' || (r.policeDirectorateId ?? '').split(',').some((d) => directorates.includes(d))) : rows;
  return visible.map((r) => ({
    id: r.id, format: r.format as 'bka_kreise' | 'municipal', years: r.years, source: r.source, version: r.version, fileName: r.fileName, encoding: r.encoding,
    rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped, importedAt: r.importedAt.toISOString(),
  }));
}
