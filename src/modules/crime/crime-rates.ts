/**
 * PKS key figures (pure):
 * - Häufigkeitszahl (HZ, crime rate): recorded cases per 100,000 inhabitants, counted where the offence happened;
 * - Aufklärungsquote (clearance rate): solved cases as a percentage of recorded cases;
 * - change against the previous year and against the first year of a series, in percent.
 */
import type { TAreaFigures } from './crime.types.js';

export const crimeRate = (cases: number, population: number | null) => (population && population > 0 ? (cases * 100_000) / population : null);

export const clearanceRate = (solved: number, cases: number) => (cases > 0 ? (solved / cases) * 100 : null);

export const changePercent = (current: number | null, previous: number | null) =>
  current === null || previous === null || previous === 0 ? null : ((current - previous) / previous) * 100;

export function areaFigures(cases: number, solved: number, suspects: number | null, population: number | null, published?: { rate: number | null; clearance: number | null }): TAreaFigures {
  return {
    cases, solved, suspects, population,
    // The BKA's published figures win where present: they use the BKA's own population basis.
    crimeRate: published?.rate ?? crimeRate(cases, population),
    clearanceRate: published?.clearance ?? clearanceRate(solved, cases),
  };
}

/** The Saxon Kreise a Land total needs; a year/offence with fewer Kreise has no Land figure. */
const SAXON_KREISE = 13;

/** Saxony as the sum of its Kreise' figures, or null unless every Kreis is there. */
export function landFigures(kreise: { cases: number; solved: number; suspects: number | null }[], population: number | null): TAreaFigures | null {
  if (kreise.length !== SAXON_KREISE) return null;
  const cases = kreise.reduce((s, r) => s + r.cases, 0);
  const solved = kreise.reduce((s, r) => s + r.solved, 0);
  const suspects = kreise.every((r) => r.suspects !== null) ? kreise.reduce((s, r) => s + r.suspects!, 0) : null;
  return areaFigures(cases, solved, suspects, population);
}

export interface TrendPoint { year: number; value: number | null }

/** Per year: the value, the change to the previous year in the series and to the first year. */
export function trend(points: TrendPoint[]) {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const first = sorted.find((p) => p.value !== null)?.value ?? null;
  return sorted.map((p, i) => ({
    year: p.year,
    value: p.value,
    changeToPrevious: i > 0 && sorted[i - 1]!.year === p.year - 1 ? changePercent(p.value, sorted[i - 1]!.value) : null,
    changeToFirst: i > 0 ? changePercent(p.value, first) : null,
  }));
}
