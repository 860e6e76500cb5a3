import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { DEMO_PASSWORD } from '../src/modules/auth/seed-demo-users.js';
import { login } from '../test/helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const main = (page: Page) => page.locator('main');

/** At 390 px the page does not scroll sideways. */
async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** Each demo account's start page: what it must show (its own work, by name) and what it must not. */
const START_PAGES: { email: string; name: string; shows: string[]; never: string[] }[] = [
  { email: 'admin@lpr.demo', name: 'admin', never: [],
    shows: ['Ihre Rolle: LPR-Administration', 'Offene Einladungen', 'Gemeindeverzeichnis', 'Gemeinden, Gebietsstand 31.12.2023', 'Folgeaufgaben aus Beratungen', 'überfällig (fällig am ', 'Coaching-Anfragen ohne Coach', 'Treuen, Stadt'] },
  { email: 'referentin@lpr.demo', name: 'staff', never: ['Offene Einladungen'],
    shows: ['Folgeaufgaben aus Beratungen', 'Niesky, Stadt', 'Rücklauf der Befragung in Schwarzenberg/Erzgeb., Stadt', 'Sicherheitsanalysen'] },
  { email: 'koordination@schwarzenberg.demo', name: 'commune', never: ['14521550', 'Niesky'],
    shows: ['Kommunale Koordination: Schwarzenberg/Erzgeb., Stadt', 'Rücklauf der Befragung in Schwarzenberg/Erzgeb., Stadt', 'von 800 Befragten haben geantwortet',
      'Aufgaben Ihrer Gemeinde zur Sicherheitsanalyse', 'Rückläufe per Post sammeln und übergeben', 'überfällig (fällig am ', 'Informationsabende zu Betrug an älteren Menschen', 'Stufe: aktiv', 'läuft mit Conrad Coach'] },
  { email: 'praevention@pd-chemnitz.demo', name: 'police', never: ['Coaching'],
    shows: ['Polizei: Polizeidirektion Chemnitz', 'Gemeinden ohne Fallzahlen für 2022', 'Altmittweida', 'Fallzahlen einspielen', 'Lichtenau'] },
  { email: 'coach@institut-b3.demo', name: 'coach', never: ['Folgeaufgaben', 'erscheinen hier'],
    shows: ['Coaching', 'Schwarzenberg/Erzgeb., Stadt', 'läuft', 'Letzte Sitzung am'] },
  { email: 'kpr@schwarzenberg.demo', name: 'council', never: ['Sitzungen', 'erscheinen hier', 'kpr-schwarzenberg'],
    shows: ['Ihre Rolle: Mitglied Präventionsrat', 'Allianz in Zahlen', 'Gemeinden arbeiten mit einer Vereinbarung in der Allianz mit', 'Alle Kennzahlen'] },
  { email: 'analyse@institut.demo', name: 'analyst', never: ['erscheinen hier', 'sa-schwarzenberg'],
    shows: ['Ihre Rolle: Analyse (Institut): Sicherheitsanalyse', 'Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)', 'Phase: Feldphase', 'Nächster Schritt: Rücklauf verfolgen', 'Analysen vor Gewichtung oder Bericht', 'Rücklauf der Befragung'] },
];

describe('start pages show the day’s work', () => {
  for (const role of START_PAGES) {
    it(`${role.name}: cards of their own work, accessible, and usable at 390 px`, async () => {
      const page = await pageAs(role.email);
      for (const text of role.shows) await expect.poll(() => main(page).textContent(), { message: text }).toContain(text);
      const content = await main(page).textContent();
      for (const text of role.never) expect(content, text).not.toContain(text);
      expect(await h1(page).textContent()).toMatch(/^Guten Tag, /);
      await expectAccessible(page);
      await shot(page, `dashboards-start-${role.name}-desktop`);
      await fitsPhone(page);
      await expectAccessible(page);
      await shot(page, `dashboards-start-${role.name}-phone`);
    });
  }

  it('by keyboard alone the commune coordinator opens the overdue task’s analysis from the start page', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    const task = page.getByRole('link', { name: 'Rückläufe per Post sammeln und übergeben' });
    await task.waitFor();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await task.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe('Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)');
    expect(new URL(page.url()).pathname).toMatch(/^\/analysen\/[\w-]+$/);
  });

  it('in English the cards speak English', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    for (const text of ['Survey returns in Schwarzenberg/Erzgeb., Stadt', 'of 800 people invited have answered', 'Collect returns by post and hand them over', 'overdue (due on ', 'Stage: active']) {
      await expect.poll(() => main(page).textContent(), { message: text }).toContain(text);
    }
    await expectAccessible(page);
  });
});

describe('after login from a deep link, back to that page', () => {
  it('a protected page signed out leads to the login, and the login back to the page', async () => {
    const session = await login(e.t.app, 'analyse@institut.demo');
    const analyses = (await e.t.app.inject({ method: 'GET', url: '/api/analyses', headers: session.headers })).json() as { items: { id: string; code: string; title: string }[] };
    const running = analyses.items.find((a) => a.code === 'sa-schwarzenberg-2026')!;
    const page = await pageAs(null);
    await page.goto(`${e.baseUrl}/analysen/${running.id}?tab=plan`);
    await expect.poll(() => h1(page).textContent()).toBe('Anmelden');
    expect(new URL(page.url()).searchParams.get('weiter')).toBe(`/analysen/${running.id}?tab=plan`);
    await expect.poll(() => main(page).textContent()).toContain('Bitte melden Sie sich an, um diese Seite zu sehen.');
    await expectAccessible(page);
    await shot(page, 'dashboards-deeplink-login-desktop');
    await page.getByLabel('E-Mail-Adresse').focus();
    await page.keyboard.type('analyse@institut.demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe(running.title);
    expect(page.url()).toBe(`${e.baseUrl}/analysen/${running.id}?tab=plan`);
  });

  it('a return address elsewhere is ignored: the login leads to the start page', async () => {
    for (const target of ['//evil.example', 'https://evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const page = await pageAs(null);
      await page.goto(`${e.baseUrl}/anmelden?weiter=${encodeURIComponent(target)}`);
      await page.getByLabel('E-Mail-Adresse').fill('analyse@institut.demo');
      await page.getByLabel('Passwort', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Anmelden' }).last().click();
      await expect.poll(() => h1(page).textContent(), { message: target }).toMatch(/^Guten Tag/);
      expect(page.url(), target).toBe(`${e.baseUrl}/`);
    }
  });
});
