/**
 * The findings of an analysis: weighted shares with confidence intervals overall and by Ortsteil, age
 * group and sex; Angsträume clusters; recorded crime next to perceived safety; the previous wave.
 * Publication rules apply here, so every table and chart built from this shows only what may be shown:
 * a cell with fewer than `minRespondents` answers has no value and says so, and fear places appear
 * only as clusters of at least `minClusterSize` people.
 */
import type { Db } from '../../server/db/client.js';
import type { AnalysisInputs } from './analysis-inputs.js';
import { indicatorsFor, UNSAFE_AT_NIGHT } from './indicators.js';
import { indicatorFindings } from './indicator-findings.js';
import { clusterFearPlaces, fearMarksOf } from './fear-clusters.js';
import { weighForFindings } from './weigh-for-findings.js';
import { crimeSection } from './crime-section.js';
import { waveComparisons, type WaveAudience } from './wave-comparisons.js';
import type { TFindings } from './evaluation.types.js';

/** The findings of the analysis, comparing only the waves `audience` may read. */
export async function computeFindings(db: Db, inputs: AnalysisInputs, audience: WaveAudience): Promise<TFindings> {
  const { project } = inputs;
  const { data, design, result, warning } = weighForFindings(inputs);
  const indicators = inputs.definition ? indicatorsFor(inputs.definition) : [];
  const found = indicatorFindings(data, design, indicators, inputs.publication.minRespondents);
  const { marks, withoutLocation } = fearMarksOf(inputs.responses.map((r) => r.answers));
  const fearPlaces = clusterFearPlaces(marks, { radiusM: inputs.publication.clusterRadiusM, minSize: inputs.publication.minClusterSize, withoutLocation });
  const crime = await crimeSection(db, project.ags);
  const byKey = new Map(found.map((f) => [f.key, f]));
  const totalRate = crime?.total.commune?.crimeRate ?? null;
  const waves = await waveComparisons(db, inputs, found, audience);
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
