import type { Design } from '../../stats/design.js';
import { estimateProportion, type Estimate } from '../../stats/estimate.js';
import { AGE_GROUP_KEYS } from '../communes/age-structure.js';
import type { Indicator } from './indicators.js';
import { SEX_KEYS, type SurveyData } from './survey-data.js';
import type { TCell, TIndicatorFinding } from './evaluation.types.js';

/** An estimate as it may be published: below `minRespondents` answers without value. */
export function publish(e: Estimate, minRespondents: number): TCell {
  if (e.respondents < minRespondents || Number.isNaN(e.estimate)) return { estimate: null, low: null, high: null, se: null, respondents: e.respondents, suppressed: true };
  return { estimate: e.estimate, low: e.ci[0], high: e.ci[1], se: e.se, respondents: e.respondents, suppressed: false };
}

function domain(codes: Int32Array, level: number): Uint8Array {
  return Uint8Array.from(codes, (c) => (c === level ? 1 : 0));
}

/** Each indicator's weighted share overall and by Ortsteil, age group and sex, with the publication rule applied. */
export function indicatorFindings(data: SurveyData, design: Design, indicators: Indicator[], minRespondents: number): TIndicatorFinding[] {
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
