import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../test/helpers.js';
import { DEMO_PASSWORD } from '../src/modules/auth/seed-demo-users.js';

export interface E2E { t: TestApp; browser: Browser; baseUrl: string; close(): Promise<void> }
const contexts: BrowserContext[] = [];

/** The real app (built web + API) on a loopback port, and Debian's Chromium driven by playwright-core. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  const t = await createTestApp(env);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return { t, browser, baseUrl, async close() { for (const c of contexts) await c.close(); await browser.close(); await t.close(); } };
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page and fails with the violations listed. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Logs in by keyboard only. */
export async function keyboardLogin(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/anmelden`);
  await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
  await page.getByLabel('E-Mail-Adresse').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
}

/**
 * A fresh German browser context (downloads allowed, confirm dialogs accepted), signed in by keyboard as
 * `email` (a demo user) or anonymous.
 */
export async function pageAs(e: E2E, email: string | null): Promise<Page> {
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

/** Saves a full-page screenshot to `$E2E_SHOTS/<name>.png` when E2E_SHOTS is set (for reviewing changes by eye). */
export async function shot(page: Page, name: string) {
  const dir = process.env.E2E_SHOTS;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
