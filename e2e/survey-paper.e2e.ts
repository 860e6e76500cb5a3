import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { pdfText } from '../test/support/pdf-text.js';
import { DEMO_ACCESS_CODES } from '../src/modules/surveys/access-codes.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
/** The chunks of the questionnaire itself: SurveyJS, its styles, the map question with maplibre. */
const RUNTIME = /\/assets\/(?:survey-runtime|fear-places|maplibre-gl)[^/]*$/;

describe('the survey entry page on a phone', () => {
  it('takes the code before SurveyJS and the map have arrived, compressed and cached for good; a demo code opens the 2026 wave', async () => {
    const citizen = await pageAs(null);
    await citizen.setViewportSize({ width: 390, height: 844 });
    // Hold back the questionnaire's chunks: the code form must not need them.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    const heldUrls: string[] = [];
    await citizen.route(RUNTIME, async (route) => { heldUrls.push(route.request().url()); await held; await route.continue(); });
    const scripts: { url: string; encoding?: string; cache?: string }[] = [];
    citizen.on('response', (r) => { if (/\/assets\/.*\.m?js$/.test(r.url())) scripts.push({ url: r.url(), encoding: r.headers()['content-encoding'], cache: r.headers()['cache-control'] }); });

    await citizen.goto(`${e.baseUrl}/befragung`);
    const field = citizen.getByLabel('Ihr Zugangscode');
    await field.waitFor();
    await field.focus();
    await citizen.keyboard.type(DEMO_ACCESS_CODES[0]);
    await expect.poll(() => field.inputValue()).toBe(DEMO_ACCESS_CODES[0]);
    await expectAccessible(citizen);
    await shot(citizen, 'survey-load-entry-phone');
    const entry = scripts.find((s) => /\/assets\/index-[^/]+\.js$/.test(s.url));
    expect(entry, scripts.map((s) => s.url).join(', ')).toMatchObject({ encoding: 'br', cache: 'public, max-age=31536000, immutable' });
    expect(scripts.filter((s) => RUNTIME.test(s.url))).toEqual([]);

    release();
    await citizen.keyboard.press('Enter');
    await expect.poll(() => h1(citizen).textContent(), { timeout: 30_000 }).toBe('Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)');
    await expect.poll(() => citizen.locator('.survey-host').textContent()).toContain('Wie sicher fühlen Sie sich');
    expect(heldUrls.some((u) => /survey-runtime/.test(u))).toBe(true);
    await shot(citizen, 'survey-load-opened-phone');
  });
});

describe('the paper questionnaire', () => {
  it('is downloaded from the questionnaire page: the frozen questions with the codes paper entry keys', async () => {
    const rows = await e.t.database.db.execute(sql`select id from analysis_projects where code = 'sa-schwarzenberg-2026'`) as unknown as { rows: { id: string }[] };
    const id = rows.rows[0]!.id;
    const lpr = await pageAs('referentin@lpr.demo');
    await lpr.goto(`${e.baseUrl}/analysen/${id}/fragebogen`);
    await expect.poll(() => h1(lpr).textContent()).toMatch(/^Fragebogen/);
    const link = lpr.getByRole('link', { name: 'Papierfragebogen (PDF, Deutsch)' });
    await link.waitFor();
    await expectAccessible(lpr);
    await shot(lpr, 'survey-load-questionnaire-desktop');
    const [download] = await Promise.all([lpr.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Fragebogen-sa-schwarzenberg-2026.pdf');
    const text = pdfText(readFileSync((await download.path())!));
    expect(text).toContain('Bürgerbefragung zur Sicherheit in Schwarzenberg/Erzgeb.');
    for (const code of ['AF01', 'IN01_a', 'SD03', 'FP01']) expect(text).toMatch(new RegExp(`(?<![A-Za-z0-9_])${code}(?![A-Za-z0-9_])`));

    await lpr.goto(`${e.baseUrl}/analysen/${id}/papier`);
    await expect.poll(() => h1(lpr).textContent()).toBe('Papierfragebögen erfassen');
    await expect.poll(() => lpr.getByRole('link', { name: /^Papierfragebogen \(PDF/ }).count()).toBeGreaterThan(0);
    await expectAccessible(lpr);
    await shot(lpr, 'survey-load-paper-entry-desktop');
  });
});
