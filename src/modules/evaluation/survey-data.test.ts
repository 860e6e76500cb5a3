import { describe, expect, it } from 'vitest';
import { buildSurveyData, type StratumInfo } from './survey-data.js';
import { weighSurvey } from './weighting.js';

const strata: StratumInfo[] = [
  { key: 'Nord|65-74|w', district: 'Nord', ageGroup: '65-74', sex: 'w', population: 400, sampleSize: 40 },
  { key: 'Nord|25-34|m', district: 'Nord', ageGroup: '25-34', sex: 'm', population: 300, sampleSize: 30 },
  { key: 'Süd|65-74|w', district: 'Süd', ageGroup: '65-74', sex: 'w', population: 200, sampleSize: 20 },
  { key: 'Süd|25-34|m', district: 'Süd', ageGroup: '25-34', sex: 'm', population: 100, sampleSize: 10 },
];
const districts = ['Nord', 'Süd'];
const answer = (unsafe: number) => ({ AF01: unsafe });

describe('responses to the engine\'s design', () => {
  it('places responses by their stratum, or by their answers; weights are N_h / n_h', () => {
    const data = buildSurveyData([
      { answers: answer(1), stratumKey: 'Nord|65-74|w' },
      { answers: answer(2), stratumKey: 'Nord|65-74|w' },
      { answers: { ...answer(3), SD01: 2, SD02: 2, SD03: 1 }, stratumKey: null }, // paper without code: Nord, 25-34, male
      { answers: answer(4), stratumKey: 'Nord|25-34|m' },
      { answers: answer(4), stratumKey: 'Süd|65-74|w' },
      { answers: answer(1), stratumKey: 'Süd|65-74|w' },
      { answers: answer(1), stratumKey: null }, // nothing to place it by
    ], strata, districts, null);
    expect(data.rows).toHaveLength(6);
    expect(data.excluded).toBe(1);
    expect(Array.from(data.design.weights)).toEqual([10, 10, 10, 10, 10, 10]);
    expect(Array.from(data.sex)).toEqual([1, 1, 0, 0, 1, 1]);
    expect(Array.from(data.district)).toEqual([0, 0, 0, 0, 1, 1]);
  });

  it('pools a stratum with a single respondent for the variance instead of failing', () => {
    const data = buildSurveyData([
      { answers: answer(1), stratumKey: 'Nord|65-74|w' },
      { answers: answer(3), stratumKey: 'Nord|65-74|w' },
      { answers: answer(3), stratumKey: 'Nord|25-34|m' },
      { answers: answer(4), stratumKey: 'Süd|65-74|w' },
      { answers: answer(1), stratumKey: 'Süd|25-34|m' },
    ], strata, districts, null);
    expect(data.collapsedStrata).toBe(3);
    expect(data.design.strataCount).toBeLessThan(4);
  });

  it('leaves out, and counts, responses without a calibration variable (e.g. sex "divers")', () => {
    const responses = [
      { answers: { ...answer(1), SD01: 6, SD02: 1 }, stratumKey: null },
      { answers: { ...answer(2), SD01: 6, SD02: 3 }, stratumKey: null },
      { answers: { ...answer(3), SD01: 2, SD02: 2 }, stratumKey: null },
      { answers: { ...answer(4), SD01: 2, SD02: 2 }, stratumKey: null },
    ];
    const simple = buildSurveyData(responses, [], districts, 1000, ['sex']);
    expect(simple.rows).toHaveLength(3);
    expect(simple.missingCalibration).toBe(1);
    expect(simple.design.weights[0]).toBeCloseTo(1000 / 3, 10);
  });

  it('post-stratification to age × sex from the registry meets the (scaled) population exactly', () => {
    const responses = [
      ...[1, 2, 3].map((v) => ({ answers: { ...answer(v), SD01: 6, SD02: 1 }, stratumKey: null })),
      ...[3, 4].map((v) => ({ answers: { ...answer(v), SD01: 2, SD02: 2 }, stratumKey: null })),
    ];
    const cells = [{ ageGroup: '65-74', sex: 'w' as const, count: 600 }, { ageGroup: '25-34', sex: 'm' as const, count: 400 }];
    const ageStructure = {
      cells: ['16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75+'].flatMap((a) => (['m', 'w'] as const).map((s) => cells.find((c) => c.ageGroup === a && c.sex === s) ?? { ageGroup: a, sex: s, count: 0 })),
      source: 'Test', referenceDate: '2024-12-31',
    };
    const { design, result } = weighSurvey(responses, { strata: [], districts, ageStructure, population: 1000 }, {
      design: 'simple', calibration: 'poststratify', variables: ['age_group', 'sex'], epsilon: 1e-9, maxIterations: 50, trimLower: null, trimUpper: null,
    });
    expect(Array.from(design.weights)).toEqual([200, 200, 200, 200, 200]);
    expect(result.margins[0]!.cells.filter((c) => c.population > 0)).toEqual([{ label: '25-34 × männlich', population: 400, respondents: 2 }, { label: '65-74 × weiblich', population: 600, respondents: 3 }]);
  });
});
