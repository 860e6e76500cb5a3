import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs, shot, startE2E, type E2E } from './browser.js';
import { login } from '../test/helpers.js';
import { containsPoint, labelPointOf } from '../src/lib/geo.js';
import { communes } from '../src/modules/communes/schema.js';
import { buildAnalysis, openFieldPhase } from '../src/modules/surveys/tests/factories.js';

let e: E2E;
let codes: string[] = [];
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Two small synthetic Ortsteile inside the commune's outline (a test fixture, not real boundaries). */
async function ortsteile(names: [string, string]) {
  const geometry = (await e.t.database.db.select({ g: communes.geometry }).from(communes).where(eq(communes.ags, '14521550')))[0]!.g;
  const [lon, lat] = labelPointOf(geometry)!;
  const square = (x: number, r = 0.006) => ({ type: 'Polygon', coordinates: [[[x - r, lat - r], [x + r, lat - r], [x + r, lat + r], [x - r, lat + r], [x - r, lat - r]]] });
  expect(containsPoint(geometry, lon - 0.008, lat) && containsPoint(geometry, lon + 0.008, lat)).toBe(true);
  return { type: 'FeatureCollection', features: names.map((name, i) => ({ type: 'Feature', properties: { name }, geometry: square(lon + (i ? 0.008 : -0.008)) })) };
}

beforeAll(async () => {
  e = await startE2E();
  const { project, analyst } = await buildAnalysis(e.t, { ags: '14521550' });
  const put = async (url: string, payload: object) => {
    const version = (await e.t.app.inject({ url: `/api/analyses/${project.id}`, headers: analyst.headers })).json().version;
    const res = await e.t.app.inject({ method: 'PUT', url: `/api/analyses/${project.id}${url}`, headers: analyst.headers, payload: { ...payload, version } });
    expect(res.statusCode).toBe(200);
  };
  await put('/districts', { districts: ['Altstadt', 'Heide'] });
  await put('/district-areas', { areas: await ortsteile(['Altstadt', 'Heide']) });
  codes = await openFieldPhase(e.t, analyst, project.id, 30);
});
afterAll(async () => { await e?.close(); });

async function openWith(page: Page, code: string) {
  await page.goto(`${e.baseUrl}/befragung`);
  await page.getByLabel(/^(Ihr Zugangscode|Your access code)$/).fill(code);
  await page.getByRole('button', { name: /^(Befragung beginnen|Start the survey)$/ }).click();
  await page.locator('.sd-question').first().waitFor();
}
const next = (page: Page) => page.getByRole('button', { name: /^(Weiter|Next)$/ }).click();
const stepText = (page: Page) => page.locator('.survey-step-text').textContent();
/** Neither the step bar nor the page is wider than its box. */
const overflow = (page: Page) => page.evaluate(() => {
  const steps = document.querySelector('.survey-steps')!;
  return { steps: steps.scrollWidth - steps.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
});

describe('the citizen survey reads like a public service', () => {
  it('desktop: plain headings, the app\'s font, a visible focus ring, a step bar that fits, the map with names and styled buttons', async () => {
    const citizen = await pageAs(e, null);
    await citizen.setViewportSize({ width: 1280, height: 900 });
    await openWith(citizen, codes[0]!);
    await expect.poll(() => citizen.locator('.sd-page__title').textContent()).toBe('Wie sicher fühlen Sie sich?');
    expect(await citizen.locator('main').textContent()).not.toMatch(/Kriminalitätsfurcht/);
    // The survey uses the site's font, not a serif fallback.
    const fonts = await citizen.evaluate(() => ({ app: getComputedStyle(document.body).fontFamily, title: getComputedStyle(document.querySelector('.sd-question__title')!).fontFamily, page: getComputedStyle(document.querySelector('.sd-page__title')!).fontFamily }));
    expect(fonts.title).toBe(fonts.app);
    expect(fonts.page).toBe(fonts.app);
    // A radio chosen by keyboard shows the app's focus ring.
    await citizen.getByRole('radio', { name: 'sehr sicher' }).first().focus();
    await citizen.keyboard.press('ArrowDown');
    const ring = await citizen.evaluate(() => { const d = getComputedStyle(document.activeElement!.nextElementSibling!); return { style: d.outlineStyle, width: d.outlineWidth, color: d.outlineColor }; });
    expect(ring).toEqual({ style: 'solid', width: '3px', color: 'rgb(255, 191, 71)' });
    await expect.poll(() => stepText(citizen)).toMatch(/^Schritt 1 von \d+$/);
    expect(await overflow(citizen)).toEqual({ steps: 0, page: 0 });
    await expectAccessible(citizen);
    await shot(citizen, 'survey-ux-page1-desktop');
    // Every page passes axe; on the map page the commune, its Ortsteile and neighbours are named.
    for (let i = 0; i < 12 && !(await citizen.locator('.fear-places').isVisible()); i++) {
      await next(citizen);
      await expectAccessible(citizen);
    }
    await expect.poll(() => citizen.locator('.map-label-district').allTextContents()).toEqual(['Altstadt', 'Heide']);
    expect(await citizen.locator('.map-label-neighbour').allTextContents()).toContain('Breitenbrunn/Erzgeb.');
    expect(await citizen.locator('.sd-page__title').textContent()).toBe('Orte, an denen Sie sich unsicher fühlen');
    const button = citizen.getByRole('button', { name: 'Ort in der Kartenmitte markieren' });
    expect(await button.evaluate((b) => [b.className, getComputedStyle(b).borderTopColor, getComputedStyle(b).borderTopStyle])).toEqual(['btn secondary', 'rgb(11, 79, 138)', 'solid']);
    expect(await citizen.evaluate(() => { const h = document.querySelector('.fp-hint')!; return h.scrollWidth <= h.clientWidth; })).toBe(true);
    expect(await citizen.locator('.maplibregl-ctrl-attrib').textContent()).toContain('GeoBasis-DE / BKG');
    expect(await overflow(citizen)).toEqual({ steps: 0, page: 0 });
    await expectAccessible(citizen);
    await shot(citizen, 'survey-ux-map-desktop');
    if (process.env.E2E_SHOTS) await citizen.locator('.fear-places').screenshot({ path: `${process.env.E2E_SHOTS}/survey-ux-map-question-desktop.png` });
    while (await citizen.getByRole('button', { name: 'Weiter' }).isVisible()) { await next(citizen); await expectAccessible(citizen); }
  });

  it('resumes on the page where the person stopped, and switching the language keeps the page and the answers', async () => {
    const citizen = await pageAs(e, null);
    await openWith(citizen, codes[1]!);
    await citizen.getByText('ziemlich unsicher', { exact: true }).first().click();
    await next(citizen); await next(citizen); await next(citizen);
    await expect.poll(() => stepText(citizen)).toMatch(/^Schritt 4 von/);
    const heading = await citizen.locator('.sd-page__title').textContent();
    await citizen.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => stepText(citizen)).toMatch(/^Step 4 of/);
    expect(await citizen.locator('.sd-page__title').textContent()).not.toBe(heading);
    await citizen.getByRole('button', { name: 'Previous' }).click();
    await citizen.getByRole('button', { name: 'Previous' }).click();
    await citizen.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => stepText(citizen)).toMatch(/^Step 1 of/);
    expect(await citizen.getByRole('radio', { name: 'fairly unsafe' }).first().isChecked()).toBe(true);
    await next(citizen); await next(citizen);
    await citizen.getByRole('button', { name: 'Save and continue later' }).click();
    await expect.poll(() => citizen.locator('.alert.success').count()).toBe(1);
    // Later, in a new browser: the code opens the survey on page 3, in German again.
    const later = await pageAs(e, null);
    await openWith(later, codes[1]!);
    await expect.poll(() => stepText(later)).toMatch(/^Schritt 3 von/);
    await expectAccessible(later);
  });

  it('phone: the step bar fits, and from page 2 on the question is visible without scrolling', async () => {
    const citizen = await pageAs(e, null);
    await citizen.setViewportSize({ width: 390, height: 844 });
    await openWith(citizen, codes[2]!);
    await expect.poll(() => stepText(citizen)).toMatch(/^Schritt 1 von/);
    expect(await overflow(citizen)).toEqual({ steps: 0, page: 0 });
    await shot(citizen, 'survey-ux-page1-phone');
    await next(citizen);
    await expect.poll(() => stepText(citizen)).toMatch(/^Schritt 2 von/);
    await citizen.evaluate(() => window.scrollTo(0, 0));
    expect(await citizen.locator('.sd-container-modern__title').count()).toBe(0);
    const title = await citizen.locator('.sd-question__title').first().boundingBox();
    expect(title!.y + title!.height).toBeLessThanOrEqual(844);
    expect(await overflow(citizen)).toEqual({ steps: 0, page: 0 });
    await expectAccessible(citizen);
    await shot(citizen, 'survey-ux-page2-phone');
    if (process.env.E2E_SHOTS) await citizen.screenshot({ path: `${process.env.E2E_SHOTS}/survey-ux-page2-phone-viewport.png` });
    for (let i = 0; i < 12 && !(await citizen.locator('.fear-places').isVisible()); i++) await next(citizen);
    await expect.poll(() => citizen.locator('.map-label-district').allTextContents()).toEqual(['Altstadt', 'Heide']);
    expect(await overflow(citizen)).toEqual({ steps: 0, page: 0 });
    await expectAccessible(citizen);
    await shot(citizen, 'survey-ux-map-phone');
    await citizen.evaluate(() => window.scrollTo(0, 0));
    if (process.env.E2E_SHOTS) await citizen.screenshot({ path: `${process.env.E2E_SHOTS}/survey-ux-map-phone-viewport.png` });
  });

  it('the findings page shows the fear places on the map with the Ortsteile, with a table alternative', async () => {
    const rows = await e.t.database.db.execute(sql`select id, districts, version from analysis_projects where code = 'sa-schwarzenberg-2022'`) as unknown as { rows: { id: string; districts: string[]; version: number }[] };
    const demo = rows.rows[0]!;
    const analystSession = await login(e.t.app, 'analyse@institut.demo');
    const names: [string, string] = [demo.districts[0]!, demo.districts[1]!];
    const res = await e.t.app.inject({ method: 'PUT', url: `/api/analyses/${demo.id}/district-areas`, headers: analystSession.headers, payload: { areas: await ortsteile(names), version: demo.version } });
    expect(res.statusCode).toBe(200);
    const analyst = await pageAs(e, 'analyse@institut.demo');
    await analyst.goto(`${e.baseUrl}/analysen/${demo.id}/ergebnisse`);
    await expect.poll(() => h1(analyst).textContent()).toMatch(/^Ergebnisse der Sicherheitsanalyse Schwarzenberg/);
    await expect.poll(() => analyst.locator('.cluster-map .map-label-district').allTextContents()).toEqual(names);
    expect(await analyst.locator('.cluster-map .map-label-neighbour').allTextContents()).toContain('Breitenbrunn/Erzgeb.');
    expect(await analyst.getByRole('region', { name: /^Karte der Angsträume/ }).count()).toBeGreaterThan(0);
    expect(await analyst.locator('table', { has: analyst.locator('caption', { hasText: 'Angsträume' }) }).locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(analyst);
    await shot(analyst, 'survey-ux-findings-desktop');
    if (process.env.E2E_SHOTS) await analyst.locator('section[aria-labelledby="fear-places"]').screenshot({ path: `${process.env.E2E_SHOTS}/survey-ux-findings-map-desktop.png` });
    // The analysis page offers the upload and says what is stored.
    await analyst.goto(`${e.baseUrl}/analysen/${demo.id}`);
    await expect.poll(() => analyst.locator('.district-areas').textContent()).toContain(`Hinterlegt: 2 Ortsteile (${names.join(', ')})`);
    await analyst.getByLabel('GeoJSON-Datei mit den Ortsteilen').setInputFiles({ name: 'ortsteile.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [12.7, 50.5] } }] })) });
    await analyst.getByRole('button', { name: 'Ortsteilgrenzen übernehmen' }).click();
    await expect.poll(() => analyst.locator('.district-areas .field .error').textContent()).toContain('Ortsteil Nr. 1');
    await expectAccessible(analyst);
    await shot(analyst, 'survey-ux-upload-error-desktop');
  });
});
