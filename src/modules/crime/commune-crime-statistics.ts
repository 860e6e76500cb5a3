import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { notFound } from '../../server/http/problem.js';
import { formatDateDe } from '../../lib/dates.js';
import { communes, districts } from '../communes/schema.js';
import { crimeFigures, crimeImports } from './schema.js';
import { areaFigures, landFigures, trend } from './crime-rates.js';
import { offenceOrder } from './offences.js';
import { populationsAt, type Populations } from './populations.js';
import type { TCommuneCrime } from './crime.types.js';

const saxonKreis = () => sql`${crimeFigures.areaAgs} like '14%'`;

/**
 * A commune's PKS figures per year and offence, next to its Kreis and Saxony, with trends. The caller has
 * authorized the reader (crimeFiguresPolicy `readCommune`, or the evaluation of an analysis of the commune).
 */
export async function communeCrimeStatistics(db: Db, ags: string): Promise<TCommuneCrime> {
  const [commune] = await db.select({ ags: communes.ags, name: communes.name, kreisAgs: communes.districtAgs, kreisName: districts.name })
    .from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(eq(communes.ags, ags));
  if (!commune) throw notFound('Diese Gemeinde ist nicht bekannt.');

  const own = await db.select().from(crimeFigures).where(and(inArray(crimeFigures.areaAgs, [ags, commune.kreisAgs]), eq(crimeFigures.current, true)));
  const years = [...new Set(own.map((r) => r.year))].sort((a, b) => a - b);
  const keys = [...new Set(own.map((r) => r.offenceKey))];
  const saxonRows = years.length && keys.length
    ? await db.select().from(crimeFigures).where(and(eq(crimeFigures.areaLevel, 'kreis'), saxonKreis(), inArray(crimeFigures.year, years), inArray(crimeFigures.offenceKey, keys), eq(crimeFigures.current, true)))
    : [];
  const populations = new Map<number, Populations>();
  for (const y of years) populations.set(y, await populationsAt(db, y));

  const labels = new Map<string, string>();
  for (const r of own) if (!labels.has(r.offenceKey) || r.areaLevel === 'kreis') labels.set(r.offenceKey, r.offenceLabel);
  const figures: TCommuneCrime['figures'] = [];
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
        saxony: landFigures(sx, pop.total),
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
