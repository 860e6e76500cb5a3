import type { Db } from '../../server/db/client.js';
import { communeCrimeStatistics } from '../crime/commune-crime-statistics.js';
import { ALL_OFFENCES } from '../crime/offences.js';
import type { TAreaFigures } from '../crime/crime.types.js';
import type { TCrimeSection } from './evaluation.types.js';

const pick = (f: TAreaFigures | null) => (f ? { crimeRate: f.crimeRate, clearanceRate: f.clearanceRate, cases: f.cases } : null);

/**
 * The commune's recorded crime for the findings: all offences in the latest year with commune figures, next
 * to Kreis and Land, the trend, and the offence groups. Whoever reads the analysis' findings reads these.
 */
export async function crimeSection(db: Db, ags: string): Promise<TCrimeSection | null> {
  const stats = await communeCrimeStatistics(db, ags);
  const totals = stats.figures.filter((f) => f.key === ALL_OFFENCES);
  if (!totals.length) return null;
  const withCommune = totals.filter((f) => f.commune).map((f) => f.year);
  const latestYear = withCommune.length ? Math.max(...withCommune) : Math.max(...totals.map((f) => f.year));
  const latest = totals.find((f) => f.year === latestYear)!;
  return {
    commune: stats.commune.name, kreis: stats.kreis.name, latestYear,
    total: { commune: pick(latest.commune), kreis: pick(latest.kreis), saxony: pick(latest.saxony) },
    trend: totals.map((f) => ({ year: f.year, commune: f.commune?.crimeRate ?? null, kreis: f.kreis?.crimeRate ?? null, saxony: f.saxony?.crimeRate ?? null })),
    offences: stats.figures.filter((f) => f.year === latestYear && f.key !== ALL_OFFENCES).map((f) => ({
      key: f.key, label: f.label, communeCases: f.commune?.cases ?? null, communeRate: f.commune?.crimeRate ?? null, kreisRate: f.kreis?.crimeRate ?? null, saxonyRate: f.saxony?.crimeRate ?? null,
    })),
    sources: stats.sources.map((s) => ({ source: s.source, version: s.version })),
    populationBasis: stats.populationBasis,
  };
}
