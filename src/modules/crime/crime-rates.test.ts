import { describe, expect, it } from 'vitest';
import { areaFigures, changePercent, clearanceRate, crimeRate, trend } from './crime-rates.js';

describe('PKS key figures', () => {
  it('computes the Häufigkeitszahl per 100,000 inhabitants and the clearance rate in percent', () => {
    // Erzgebirgskreis 2022: 10,057 cases, 6,519 solved; population 328,722 → HZ 3,059.4.
    expect(crimeRate(10_057, 328_722)).toBeCloseTo(3059.42, 2);
    expect(clearanceRate(6_519, 10_057)).toBeCloseTo(64.82, 2);
    expect(crimeRate(5, 0)).toBeNull();
    expect(clearanceRate(0, 0)).toBeNull();
  });

  it('prefers published figures and falls back to its own', () => {
    expect(areaFigures(10_057, 6_519, 4_771, 330_000, { rate: 3060, clearance: 64.8 })).toMatchObject({ crimeRate: 3060, clearanceRate: 64.8 });
    expect(areaFigures(100, 50, null, 20_000).crimeRate).toBe(500);
  });

  it('gives changes to the previous year only for consecutive years', () => {
    const t = trend([{ year: 2022, value: 110 }, { year: 2019, value: 100 }, { year: 2021, value: 100 }]);
    expect(t.map((p) => p.year)).toEqual([2019, 2021, 2022]);
    expect(t[1]!.changeToPrevious).toBeNull();
    expect(t[2]!.changeToPrevious).toBeCloseTo(10, 10);
    expect(t[2]!.changeToFirst).toBeCloseTo(10, 10);
    expect(changePercent(5, 0)).toBeNull();
  });
});
