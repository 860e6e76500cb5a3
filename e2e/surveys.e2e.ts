import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, keyboardLogin, startE2E, type E2E } from './browser.js';
import { DEMO_PASSWORD } from '../src/modules/auth/seed-demo-users.js';
import { registerCsv } from '../test/support/surveys.js';

let e: E2E;
const contexts: BrowserContext[] = [];
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { for (const c of contexts) await c.close(); await e?.close(); });

async function pageAs(email: string | null): Promise<Page> {
  const ctx = await e.browser.newContext({ locale: 'de-DE', acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.on('dialog', (d) => void d.accept());
  if (email) {
    await keyboardLogin(page, e.baseUrl, email, DEMO_PASSWORD);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Guten Tag/);
  }
  return page;
}
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const KEEP = ['AF01', 'FP01', 'SD02', 'SD03'];

describe('the citizen survey, from the bank to the return rate', () => {
  let projectUrl = '';
  let lpr: Page;

  it('commissions an analysis and builds a questionnaire from the bank with an own question', async () => {
    lpr = await pageAs('referentin@lpr.demo');
    await lpr.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sicherheitsanalysen' }).click();
    await expect.poll(() => h1(lpr).textContent()).toBe('Sicherheitsanalysen');
    await lpr.getByRole('button', { name: 'Sicherheitsanalyse beauftragen' }).click();
    await lpr.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Lößnitz');
    await lpr.getByRole('button', { name: /Hinzufügen: Lößnitz/ }).click();
    await lpr.getByLabel('Beauftragtes Institut').fill('Institut für Sicherheitsforschung');
    await expectAccessible(lpr);
    await lpr.getByRole('button', { name: 'Beauftragen', exact: true }).click();
    await expect.poll(() => h1(lpr).textContent()).toMatch(/^Sicherheitsanalyse Lößnitz/);
    projectUrl = lpr.url();
    expect(await lpr.locator('main').textContent()).toContain('Transferworkshop');
    await expectAccessible(lpr);

    await lpr.getByRole('link', { name: 'Fragebogen', exact: true }).click();
    await expect.poll(() => h1(lpr).textContent()).toBe('Fragebogen (Fassung 1)');
    const removable = lpr.getByRole('button', { name: /entfernen$/ });
    for (let guard = 0; guard < 40; guard++) {
      const labels = await removable.evaluateAll((els) => els.map((b) => b.getAttribute('aria-label') ?? ''));
      const next = labels.findIndex((l) => { const code = /^„([A-Z]{2}\d{2}):/.exec(l)?.[1]; return !!code && !KEEP.includes(code); });
      if (next < 0) break;
      await removable.nth(next).click();
    }
    await lpr.getByLabel('Fragetext (deutsch)', { exact: true }).fill('Kennen Sie den Präventionsrat Ihrer Stadt?');
    await lpr.getByRole('button', { name: 'Eigene Frage anfügen' }).click();
    await lpr.getByRole('button', { name: 'Fragebogen speichern' }).click();
    await expect.poll(() => lpr.getByRole('status').first().textContent()).toBe('Der Fragebogen ist gespeichert.');
    const structure = await lpr.locator('ol.elements').textContent();
    for (const code of [...KEEP, 'X01']) expect(structure).toContain(code);
    expect(structure).not.toContain('IN01');
    await lpr.locator('.survey-host .sd-question').first().waitFor();
    expect(await lpr.locator('.survey-host').textContent()).toContain('Wie sicher fühlen Sie sich, wenn Sie nachts allein');
    await expectAccessible(lpr);
  });
});
