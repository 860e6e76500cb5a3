import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, keyboardLogin, startE2E, type E2E } from './browser.js';
import { DEMO_PASSWORD } from '../src/modules/auth/seed-demo-users.js';

let e: E2E;
let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  e = await startE2E();
  ctx = await e.browser.newContext({ locale: 'de-DE' });
  page = await ctx.newPage();
});
afterAll(async () => { await ctx?.close(); await e?.close(); });

const h1 = () => page.getByRole('heading', { level: 1 });

describe('public pages', () => {
  it('start page, in German with an English switch', async () => {
    await page.goto(e.baseUrl);
    await expect.poll(() => h1().textContent()).toBe('Willkommen');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welcome');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click();
    await expect.poll(() => h1().textContent()).toBe('Willkommen');
  });

  it('registry search: find a commune by name, sort, and open its page', async () => {
    await page.goto(`${e.baseUrl}/gemeinden`);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Gemeinden' }).first().textContent()).toBe('Seite 1 von 17, 418 Gemeinden');
    await expectAccessible(page);
    await page.getByLabel('Name oder Gemeindeschlüssel').fill('Schwarzenberg');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /Gemeinden?$/ }).first().textContent()).toBe('Seite 1 von 1, 1 Gemeinde');
    await page.getByRole('link', { name: 'Schwarzenberg/Erzgeb., Stadt' }).click();
    await expect.poll(() => h1().textContent()).toBe('Schwarzenberg/Erzgeb., Stadt');
    const facts = page.locator('dl.facts');
    await expect.poll(() => facts.textContent()).toContain('Erzgebirgskreis');
    expect(await facts.textContent()).toContain('Polizeidirektion Chemnitz');
    expect(await page.getByRole('link', { name: 'Städtebund Silberberg' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Umriss von Schwarzenberg/ }).count()).toBe(1);
    await expectAccessible(page);
  });

  it('filters by Polizeidirektion and sorts by population by keyboard', async () => {
    await page.goto(`${e.baseUrl}/gemeinden`);
    await page.getByLabel('Polizeidirektion').selectOption('zwickau');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Gemeinden' }).first().textContent()).toBe('Seite 1 von 3, 70 Gemeinden');
    const sortButton = page.getByRole('button', { name: /^Einwohner/ });
    await sortButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/^Einwohner/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('th[aria-sort="descending"]').textContent()).toMatch(/^Einwohner/);
    await expect.poll(() => page.locator('tbody tr th').first().textContent()).toBe('Zwickau, Stadt');
    await expectAccessible(page);
  });

  it('shows Jahnatal (merged 2023); an unknown AGS gets a clear message', async () => {
    await page.goto(`${e.baseUrl}/gemeinden/14522275`);
    await expect.poll(() => h1().textContent()).toBe('Jahnatal');
    await page.goto(`${e.baseUrl}/gemeinden/14999999`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('AGS 14999999');
    await expectAccessible(page);
  });

  it('data sources, groups, password reset and not-found pages', async () => {
    for (const [path, title] of [['/datenquellen', 'Datenquellen'], ['/gruppen', 'Gemeindegruppen'], ['/passwort-vergessen', 'Passwort zurücksetzen'],
      ['/passwort-neu?token=x', 'Neues Passwort vergeben'], ['/gibt-es-nicht', 'Seite nicht gefunden'], ['/anmelden', 'Anmelden']] as const) {
      await page.goto(`${e.baseUrl}${path}`);
      await expect.poll(() => h1().textContent()).toBe(title);
      await expectAccessible(page);
    }
    await page.goto(`${e.baseUrl}/datenquellen`);
    await expect.poll(() => page.locator('main').textContent()).toContain('GeoBasis-DE / BKG');
  });
});

describe('signed-in journeys', () => {
  it('login fails with a clear German message, then succeeds by keyboard and shows the role start page', async () => {
    await keyboardLogin(page, e.baseUrl, 'admin@lpr.demo', 'falsches-passwort');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    await expectAccessible(page);
    await keyboardLogin(page, e.baseUrl, 'admin@lpr.demo', DEMO_PASSWORD);
    await expect.poll(() => h1().textContent()).toBe('Guten Tag, Anna Admin (LPR)');
    await expect.poll(() => page.locator('main').textContent()).toContain('LPR-Administration');
    await expectAccessible(page);
  });

  it('admin pages: users, audit log, registry update', async () => {
    for (const [path, title] of [['/verwaltung/benutzer', 'Benutzer und Rollen'], ['/verwaltung/protokoll', 'Änderungsprotokoll'],
      ['/verwaltung/verzeichnis', 'Gemeindeverzeichnis aktualisieren']] as const) {
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: title === 'Benutzer und Rollen' ? 'Benutzer' : title === 'Änderungsprotokoll' ? 'Protokoll' : 'Verzeichnis aktualisieren' }).click();
      await expect.poll(() => h1().textContent()).toBe(title);
      expect(page.url()).toBe(`${e.baseUrl}${path}`);
      await page.locator('table, form').first().waitFor();
      await expectAccessible(page);
    }
  });

  it('invites a user; a wrong scope is named at the field', async () => {
    await page.goto(`${e.baseUrl}/verwaltung/benutzer`);
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('ordnungsamt@freital.demo');
    await page.getByLabel('Name', { exact: true }).fill('Ordnungsamt Freital');
    // The commune is picked from the registry, not typed; without one the server names the field.
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/bereich/i);
    await expectAccessible(page);
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Freital');
    await page.getByRole('button', { name: /Hinzufügen: Freital/ }).click();
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('ordnungsamt@freital.demo');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Ordnungsamt Freital');
  });

  it('LPR staff create a commune group', async () => {
    await page.goto(`${e.baseUrl}/gruppen`);
    await page.getByRole('button', { name: 'Neue Gruppe' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Sächsische Schweiz Mitte');
    await page.getByLabel('Art').selectOption('Region');
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Pirna');
    await page.getByRole('button', { name: /Hinzufügen: Pirna/ }).click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Die Gruppe wurde gespeichert.');
    await expect.poll(() => page.getByRole('heading', { name: /Sächsische Schweiz Mitte/ }).count()).toBe(1);
  });

  it('logs out', async () => {
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect.poll(() => h1().textContent()).toBe('Anmelden');
    await page.goto(`${e.baseUrl}/verwaltung/benutzer`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bitte melden Sie sich an');
    await expectAccessible(page);
  });
});
