/**
 * The findings of an analysis: weighted shares with confidence intervals overall and by Ortsteil, age
 * group and sex; Angsträume clusters; recorded crime next to perceived safety; the previous wave.
 * Publication rules apply here, so every table and chart built from this shows only what may be shown:
 * a cell with fewer than `minRespondents` answers has no value and says so, and fear places appear
 * only as clusters of at least `minClusterSize` people.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { Actor } from '../../server/auth/roles.js';
import type { Design } from '../../stats/design.js';
import { estimateProportion, independentDifference, type Estimate } from '../../stats/estimate.js';
import { AGE_GROUP_KEYS } from '../communes/age-structure.js';
import { analysisProjects } from '../surveys/schema.js';
import { accessibleProjectIds } from '../surveys/projects.js';
import type { Text } from '../surveys/standard-items.js';
import { communeCrimeStatistics } from '../crime/commune-crime-statistics.js';
import { ALL_OFFENCES } from '../crime/offences.js';
import { loadAnalysisInputs, type AnalysisInputs } from './analysis-inputs.js';
import { indicatorsFor, UNSAFE_AT_NIGHT, type Indicator, type IndicatorGroup } from './indicators.js';
import { clusterFearPlaces, fearMarksOf, type FearPlaceSummary } from './fear-clusters.js';
import { SEX_KEYS, type SurveyData } from './survey-data.js';
import { weighSurvey, WeightingError, type WeightingResult } from './weighting.js';

export interface Cell {
  estimate: number | null;
  low: number | null;
  high: number | null;
  se: number | null;
  respondents: number;
  suppressed: boolean;
}
export interface DomainCell extends Cell { level: string }

export interface IndicatorFinding {
  key: string;
  group: IndicatorGroup;
  label: Text;
  definition: Text;
  overall: Cell;
  byDistrict: DomainCell[];
  byAgeGroup: DomainCell[];
  bySex: DomainCell[];
}

export function publish(e: Estimate, minRespondents: number): Cell {
  if (e.respondents < minRespondents || Number.isNaN(e.estimate)) return { estimate: null, low: null, high: null, se: null, respondents: e.respondents, suppressed: true };
  return { estimate: e.estimate, low: e.ci[0], high: e.ci[1], se: e.se, respondents: e.respondents, suppressed: false };
}

function domain(codes: Int32Array, level: number): Uint8Array {
  return Uint8Array.from(codes, (c) => (c === level ? 1 : 0));
}

export function indicatorFindings(data: SurveyData, design: Design, indicators: Indicator[], minRespondents: number): IndicatorFinding[] {
  const answers = data.rows.map((r) => r.answers);
  const districtDomains = data.districts.map((_, k) => domain(data.district, k));
  const ageDomains = AGE_GROUP_KEYS.map((_, k) => domain(data.ageGroup, k));
  const sexDomains = SEX_KEYS.map((_, k) => domain(data.sex, k));
  return indicators.map((indicator) => {
    const y = Float64Array.from(answers, (a) => indicator.value(a));
    const cell = (d: Uint8Array | null) => publish(estimateProportion(design, y, d), minRespondents);
    return {
      key: indicator.key, group: indicator.group, label: indicator.label, definition: indicator.definition,
      overall: cell(null),
      byDistrict: data.districts.map((level, k) => ({ level, ...cell(districtDomains[k]!) })),
      byAgeGroup: AGE_GROUP_KEYS.map((level, k) => ({ level, ...cell(ageDomains[k]!) })),
      bySex: SEX_KEYS.map((level, k) => ({ level: level === 'w' ? 'weiblich' : 'männlich', ...cell(sexDomains[k]!) })),
    };
  });
}

/** The weighting as configured, or design weights only with the reason when the configuration cannot be met. */
export function weighForFindings(inputs: AnalysisInputs) {
  try {
    return { ...weighSurvey(inputs.responses, inputs.sources, inputs.settings), warning: null as string | null };
  } catch (error) {
    if (!(error instanceof WeightingError)) throw error;
    const design = inputs.sources.strata.length ? inputs.settings.design : 'simple';
    const fallback = weighSurvey(inputs.responses, inputs.sources, { ...inputs.settings, design, calibration: 'none', trimLower: null, trimUpper: null });
    return { ...fallback, warning: `${error.message} Die Ergebnisse sind deshalb nur mit den Designgewichten berechnet.` };
  }
}

export interface WaveComparison {
  /** The other wave; `earlier` says whether it came before this one. The difference is always later − earlier. */
  project: { id: string; code: string; title: string; startOn: string; status: string; earlier: boolean };
  rows: { key: string; label: Text; current: Cell; other: Cell; difference: { estimate: number; low: number; high: number; significant: boolean } | null }[];
}

export interface CrimeSection {
  commune: string;
  kreis: string;
  latestYear: number;
  total: { commune: { crimeRate: number | null; clearanceRate: number | null; cases: number } | null; kreis: { crimeRate: number | null; clearanceRate: number | null; cases: number } | null; saxony: { crimeRate: number | null; clearanceRate: number | null; cases: number } | null };
  trend: { year: number; commune: number | null; kreis: number | null; saxony: number | null }[];
  offences: { key: string; label: string; communeCases: number | null; communeRate: number | null; kreisRate: number | null; saxonyRate: number | null }[];
  sources: { source: string; version: string }[];
  populationBasis: string;
}

export interface Findings {
  project: { id: string; code: string; title: string; ags: string; communeName: string; status: string; completedOn: string | null; startOn: string; institute: string };
  responses: number;
  mixing: AnalysisInputs['mixing'];
  weighting: WeightingResult;
  weightingWarning: string | null;
  publication: AnalysisInputs['publication'];
  indicators: IndicatorFinding[];
  /** Incivility keys from the biggest problem to the smallest. */
  incivilitiesRanked: string[];
  fearPlaces: FearPlaceSummary;
  crime: CrimeSection | null;
  crimeVsPerception: { label: Text; survey: Cell | null; recorded: number | null; recordedLabel: Text }[];
  waves: WaveComparison[];
  /** Another wave could be compared, but the reader may not read it: it is left out, and the page says why. */
  wavesWithheld: boolean;
}

/**
 * Whose findings these are, which decides the other waves compared: `'all'` for the stored report's full
 * version (the download picks the version per requester), otherwise only waves `actor` may read
 * (LPR, the commune, analysts assigned to both analyses).
 */
export type WaveAudience = 'all' | { actor: Actor | null };

const pick = (f: { crimeRate: number | null; clearanceRate: number | null; cases: number } | null) => (f ? { crimeRate: f.crimeRate, clearanceRate: f.clearanceRate, cases: f.cases } : null);

async function crimeSection(db: Db, ags: string): Promise<CrimeSection | null> {
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

async function waveComparisons(db: Db, inputs: AnalysisInputs, current: IndicatorFinding[], audience: WaveAudience): Promise<{ waves: WaveComparison[]; withheld: boolean }> {
  const others = await db.select().from(analysisProjects)
    .where(and(eq(analysisProjects.ags, inputs.project.ags), ne(analysisProjects.id, inputs.project.id))).orderBy(asc(analysisProjects.startOn));
  const readable = audience === 'all' ? null : await accessibleProjectIds(db, audience.actor, others.map((o) => o.id));
  const out: WaveComparison[] = [];
  let withheld = false;
  for (const other of others) {
    const otherInputs = await loadAnalysisInputs(db, other);
    if (!otherInputs.definition || !otherInputs.responses.length) continue;
    if (readable && !readable.has(other.id)) { withheld = true; continue; }
    const { data, design } = weighForFindings(otherInputs);
    const shared = indicatorsFor(otherInputs.definition).filter((i) => current.some((c) => c.key === i.key) && (i.group !== 'victimisation' || i.key === 'victim_any'));
    const previous = new Map(shared.map((indicator) => {
      const y = Float64Array.from(data.rows, (r) => indicator.value(r.answers));
      const e = estimateProportion(design, y, null);
      return [indicator.key, { e, cell: publish(e, inputs.publication.minRespondents) }] as const;
    }));
    const earlier = other.startOn < inputs.project.startOn;
    const rows = current.filter((c) => previous.has(c.key)).map((c) => {
      const p = previous.get(c.key)!;
      const mine = { estimate: c.overall.estimate!, se: c.overall.se! };
      const d = !c.overall.suppressed && !p.cell.suppressed ? (earlier ? independentDifference(mine, p.e) : independentDifference(p.e, mine)) : null;
      return { key: c.key, label: c.label, current: c.overall, other: p.cell, difference: d ? { estimate: d.estimate, low: d.ci[0], high: d.ci[1], significant: d.ci[0] > 0 || d.ci[1] < 0 } : null };
    });
    out.push({ project: { id: other.id, code: other.code, title: other.title, startOn: other.startOn, status: other.status, earlier }, rows });
  }
  return { waves: out, withheld };
}

export async function computeFindings(db: Db, inputs: AnalysisInputs, audience: WaveAudience, options: { waves: boolean } = { waves: true }): Promise<Findings> {
  const { project } = inputs;
  const { data, design, result, warning } = weighForFindings(inputs);
  const indicators = inputs.definition ? indicatorsFor(inputs.definition) : [];
  const found = indicatorFindings(data, design, indicators, inputs.publication.minRespondents);
  const { marks, withoutLocation } = fearMarksOf(inputs.responses.map((r) => r.answers));
  const fearPlaces = clusterFearPlaces(marks, { radiusM: inputs.publication.clusterRadiusM, minSize: inputs.publication.minClusterSize, withoutLocation });
  const crime = await crimeSection(db, project.ags);
  const byKey = new Map(found.map((f) => [f.key, f]));
  const totalRate = crime?.total.commune?.crimeRate ?? null;
  const waves = options.waves ? await waveComparisons(db, inputs, found, audience) : { waves: [], withheld: false };
  return {
    project: { id: project.id, code: project.code, title: project.title, ags: project.ags, communeName: inputs.communeName, status: project.status, completedOn: project.completedOn, startOn: project.startOn, institute: project.institute },
    responses: inputs.responses.length,
    mixing: inputs.mixing,
    weighting: result,
    weightingWarning: warning,
    publication: inputs.publication,
    indicators: found,
    incivilitiesRanked: found.filter((f) => f.group === 'incivilities').sort((a, b) => (b.overall.estimate ?? -1) - (a.overall.estimate ?? -1)).map((f) => f.key),
    fearPlaces,
    crime,
    crimeVsPerception: [
      { label: { de: 'Nachts allein unsicher (Befragung)', en: 'Unsafe alone at night (survey)' }, survey: byKey.get(UNSAFE_AT_NIGHT)?.overall ?? null, recorded: totalRate, recordedLabel: { de: 'Erfasste Straftaten je 100.000 Einwohner (PKS)', en: 'Recorded offences per 100,000 inhabitants (PKS)' } },
      { label: { de: 'Opfer mindestens einer Tat in 12 Monaten (Befragung)', en: 'Victim of at least one offence in 12 months (survey)' }, survey: byKey.get('victim_any')?.overall ?? null, recorded: totalRate === null ? null : totalRate / 1000, recordedLabel: { de: 'Erfasste Straftaten je 100 Einwohner (PKS)', en: 'Recorded offences per 100 inhabitants (PKS)' } },
      { label: { de: 'Letzte Tat angezeigt (Befragung)', en: 'Latest offence reported (survey)' }, survey: byKey.get('reported')?.overall ?? null, recorded: crime?.total.commune?.clearanceRate ?? null, recordedLabel: { de: 'Aufklärungsquote in % (PKS)', en: 'Clearance rate in % (PKS)' } },
    ],
    waves: waves.waves,
    wavesWithheld: waves.withheld,
  };
}
