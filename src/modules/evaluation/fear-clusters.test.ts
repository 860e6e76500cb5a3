import { describe, expect, it } from 'vitest';
import { clusterFearPlaces, distanceM, fearMarksOf, type FearMark } from './fear-clusters.js';

const at = (respondent: number, lat: number, lon: number, reason = 1): FearMark => ({ respondent, lat, lon, reason, time: 2 });

describe('Angsträume clusters', () => {
  it('measures distances in metres', () => {
    expect(distanceM({ lat: 50.5, lon: 12.78 }, { lat: 50.501, lon: 12.78 })).toBeCloseTo(110.5, 0);
  });

  it('publishes only groups marked by at least minSize different people, never single marks', () => {
    const station = Array.from({ length: 6 }, (_, i) => at(i, 50.5448 + i * 0.0002, 12.7852));     // 6 people, chained within ~22 m
    const park = Array.from({ length: 4 }, (_, i) => at(10 + i, 50.5386, 12.7802 + i * 0.0001));   // 4 people: too few
    const lonely = [at(20, 50.52, 12.76)];
    const summary = clusterFearPlaces([...station, ...park, ...lonely], { radiusM: 150, minSize: 5, withoutLocation: 2 });
    expect(summary.clusters).toHaveLength(1);
    expect(summary.clusters[0]).toMatchObject({ id: 1, respondents: 6, marks: 6 });
    expect(summary.clusters[0]!.lat).toBeCloseTo(50.5453, 4);
    expect(summary.marksSuppressed).toBe(5);
    expect(summary.marksTotal).toBe(13);
    expect(summary.respondentsWithMarks).toBe(11);
  });

  it('counts one person once, however many marks they set in the same place', () => {
    const oneperson = Array.from({ length: 5 }, () => at(1, 50.5, 12.7));
    expect(clusterFearPlaces(oneperson, { radiusM: 150, minSize: 5 }).clusters).toHaveLength(0);
    const five = [...oneperson, ...[2, 3, 4, 5].map((r) => at(r, 50.5001, 12.7001, 3))];
    const c = clusterFearPlaces(five, { radiusM: 150, minSize: 5 }).clusters[0]!;
    expect(c.respondents).toBe(5);
    expect(c.reasons).toEqual([{ value: 1, count: 5 }, { value: 3, count: 4 }]);
  });

  it('reads marks from answers and counts places described without coordinates', () => {
    const { marks, withoutLocation } = fearMarksOf([{ FP01: [{ lat: 50.5, lon: 12.7, reason: 1, time: 2 }, { reason: 3, time: 1, note: 'am Bahnhof' }] }, { AF01: 2 }]);
    expect(marks).toEqual([{ respondent: 0, lat: 50.5, lon: 12.7, reason: 1, time: 2 }]);
    expect(withoutLocation).toBe(1);
  });
});
