import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Download, Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { analysisProjects } from '../src/modules/surveys/schema.js';

let e: E2E;
let reportUrl = '';
beforeAll(async () => {
  e = await startE2E();
  const [first] = await e.t.database.db.select({ id: analysisProjects.id }).from(analysisProjects).where(eq(analysisProjects.code, 'sa-schwarzenberg-2022'));
  reportUrl = `${e.baseUrl}/analysen/${first!.id}/bericht`;
});
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const main = (page: Page) => page.locator('main');
const bytes = async (d: Download) => { const chunks: Buffer[] = []; for await (const c of await d.createReadStream()) chunks.push(c as Buffer); return Buffer.concat(chunks); };
const versionRows = (page: Page) => page.locator('table.report-versions tbody tr th');

describe('the report of a completed analysis: frozen versions', () => {
  it('lists its versions; generating again adds version 2, the page shows it, and version 1 stays downloadable', async () => {
    const analyst = await pageAs('analyse@institut.demo');
    await analyst.goto(reportUrl);
    await expect.poll(() => analyst.getByRole('heading', { level: 1 }).textContent()).toBe('Sicherheitsanalyse Schwarzenberg/Erzgeb. 2022');
    await expect.poll(() => main(analyst).textContent(), { timeout: 30_000 }).toContain('Interpretationshilfe für Ratsmitglieder');
    expect(await main(analyst).textContent()).toContain('Stadt Schwarzenberg/Erzgeb.');
    expect(await analyst.getByTestId('report-state').textContent()).toMatch(/^Fassung 1 vom \d{1,2}\. [A-Za-zä]+ \d{4}\. Die Analyse ist abgeschlossen/);
    expect(await versionRows(analyst).allTextContents()).toEqual(['Fassung 1']);
    await expectAccessible(analyst);
    await shot(analyst, 'reports-versions-desktop');

    await analyst.getByRole('button', { name: 'Bericht neu erzeugen' }).click();
    await expect.poll(() => versionRows(analyst).allTextContents(), { timeout: 60_000 }).toEqual(['Fassung 2', 'Fassung 1']);
    await expect.poll(() => analyst.getByRole('link', { name: /^Fassung 2 als PDF/ }).count(), { timeout: 60_000 }).toBe(1);
    await expect.poll(() => analyst.getByTestId('report-state').textContent()).toMatch(/^Fassung 2 vom/);
    await expectAccessible(analyst);
    await shot(analyst, 'reports-new-version-desktop');

    const [v1] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: /^Fassung 1 als PDF/ }).click()]);
    expect(v1.suggestedFilename()).toMatch(/^sicherheitsanalyse-sa-schwarzenberg-2022-fassung-1-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await bytes(v1)).subarray(0, 5).toString()).toBe('%PDF-');
    const [v2] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: /^Fassung 2 als Word/ }).click()]);
    expect(v2.suggestedFilename()).toMatch(/^sicherheitsanalyse-sa-schwarzenberg-2022-fassung-2-.*\.docx$/);
    expect((await bytes(v2)).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('on a 390 px phone the commune reads the report and its versions without sideways scrolling', async () => {
    const commune = await pageAs('koordination@schwarzenberg.demo');
    await commune.setViewportSize({ width: 390, height: 844 });
    await commune.goto(reportUrl);
    await expect.poll(() => main(commune).textContent(), { timeout: 30_000 }).toContain('Interpretationshilfe für Ratsmitglieder');
    await expect.poll(() => versionRows(commune).count()).toBeGreaterThan(0);
    // The commune may download but not generate.
    expect(await commune.getByRole('button', { name: 'Bericht neu erzeugen' }).count()).toBe(0);
    // What sticks out on the right, named for the failure message.
    const sticking = await commune.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 && !el.closest('.table-wrap'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').slice(0, 40)}`));
    const overflow = await commune.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, sticking.join(' | ')).toBeLessThanOrEqual(0);
    await expectAccessible(commune);
    await shot(commune, 'reports-page-phone');
  }, 60_000);
});
