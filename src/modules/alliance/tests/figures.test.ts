import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/dates.js';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const figures = async (asOf: string) => {
  const res = await t.app.inject({ url: `/api/public/figures?asOf=${asOf}` });
  expect(res.statusCode).toBe(200);
  return res.json() as Record<string, number | string>;
};

describe('statewide figures computed live from the demo records', () => {
  it('reproduce the press release of 22.07.2022', async () => {
    expect(await figures('2022-07-22')).toMatchObject({
      asOf: '2022-07-22', communesAdvised: 133, communesCooperating: 56, councils: 28, agreements: 40, coachingProcesses: 38, safetyAnalyses: 25,
    });
  });

  it('reproduce the press release of 01.11.2021', async () => {
    expect(await figures('2021-11-01')).toMatchObject({ communesAdvised: 125, communesCooperating: 45, councils: 26 });
  });

  it('count 126 communes advised on 17.12.2021 like the press release of that day', async () => {
    expect((await figures('2021-12-17')).communesAdvised).toBe(126);
  });

  it('answer with every key, funding in euros, and today by default', async () => {
    const today = await figures(todayIso());
    const res = await t.app.inject({ url: '/api/public/figures' });
    expect(Object.keys(res.json()).sort()).toEqual(['agreements', 'asOf', 'coachingProcesses', 'communesAdvised', 'communesCooperating', 'councils', 'fundingCommitted', 'safetyAnalyses']);
    expect((res.json() as { fundingCommitted: number }).fundingCommitted).toBeGreaterThan(1_000_000);
    expect(res.json().communesAdvised).toBe(today.communesAdvised);
  });

  it('rejects a malformed date naming the field by its label', async () => {
    const res = await t.app.inject({ url: '/api/public/figures?asOf=2022-13-40' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'asOf' });
    expect(res.json().detail).toMatch(/^Stichtag: /);
    expect(res.json().detail).not.toContain('asOf');
  });

  it('refuses a Stand in the future, for the figures, the press text and the map', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    for (const url of [`/api/public/figures?asOf=${tomorrow}`, `/api/public/figures/press-text?asOf=${tomorrow}`, `/api/public/map?asOf=${tomorrow}`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'validation_failed', field: 'asOf', detail: 'Stichtag: Der Stand darf nicht in der Zukunft liegen; bitte wählen Sie heute oder einen früheren Tag.' });
    }
    expect((await t.app.inject({ url: `/api/public/figures?asOf=${todayIso()}` })).statusCode).toBe(200);
  });
});
