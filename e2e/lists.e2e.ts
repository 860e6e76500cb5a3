import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { login } from '../test/helpers.js';

/** Lists that scale: paging, name filters, prefix search, the readable audit log and scope pickers. */
let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const pagerStatus = (page: Page) => page.locator('.pager-status').textContent();

async function noHorizontalOverflow(page: Page) {
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('consultations', () => {
  it('pages to the second and the last page (the back button returns), filters by commune name, shows the tasks\' communes', async () => {
    const staff = await login(e.t.app, 'referentin@lpr.demo');
    const task = await e.t.app.inject({ method: 'POST', url: '/api/consultations', headers: staff.headers, payload: { heldOn: '2025-06-03', communes: ['14521690'], tasks: [{ title: 'Rückruf Zschopau', dueOn: '2099-01-01' }] } });
    expect(task.statusCode).toBe(201);
    const all = (await e.t.app.inject({ url: '/api/consultations?limit=500', headers: staff.headers })).json() as { total: number; items: { heldOn: string; communes: { name: string }[] }[] };
    const pages = Math.ceil(all.total / 25);
    expect(pages).toBeGreaterThan(2);

    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/beratungen`);
    await expect.poll(() => h1(page).textContent()).toBe('Beratungen');
    await expect.poll(() => pagerStatus(page)).toBe(`Seite 1 von ${pages}, ${all.total} Beratungen`);
    await expect.poll(() => page.locator('.tasks').textContent()).toContain('Rückruf Zschopau – Zschopau, Stadt, Motorradstadt');
    await expectAccessible(page);
    await shot(page, 'lists-consultations-desktop');
    await page.getByRole('button', { name: 'Nächste Seite' }).click();
    await expect.poll(() => pagerStatus(page)).toBe(`Seite 2 von ${pages}, ${all.total} Beratungen`);
    expect(page.url()).toContain('seite=2');
    await page.getByRole('button', { name: 'Letzte Seite' }).click();
    await expect.poll(() => pagerStatus(page)).toBe(`Seite ${pages} von ${pages}, ${all.total} Beratungen`);
    const oldest = all.items.at(-1)!;
    const [y, m, d] = oldest.heldOn.split('-').map(Number);
    await expect.poll(() => page.locator('tbody tr').last().textContent()).toContain(`${d}.${m}.${y}`);
    await page.goBack();
    await expect.poll(() => pagerStatus(page)).toBe(`Seite 2 von ${pages}, ${all.total} Beratungen`);

    await page.getByLabel('Kommune (Name oder AGS)').fill('Schwarzenb');
    const schwarzenberg = all.items.filter((c) => c.communes.some((x) => x.name.startsWith('Schwarzenberg'))).length;
    await expect.poll(() => pagerStatus(page)).toBe(`Seite 1 von ${Math.ceil(schwarzenberg / 25)}, ${schwarzenberg} ${schwarzenberg === 1 ? 'Beratung' : 'Beratungen'}`);
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows.every((r) => r.includes('Schwarzenberg'))).toBe(true);
    expect(page.url()).toContain('q=Schwarzenb');
    await page.getByRole('button', { name: 'Kommunen', exact: true }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /Kommunen/ }).getAttribute('aria-sort')).toBe('ascending');
    await expectAccessible(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await shot(page, 'lists-consultations-phone');
  });

  it('the commune picker finds prefixes: „Zsch“ offers Zschopau', async () => {
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/beratungen`);
    await page.getByRole('button', { name: 'Beratung erfassen' }).click();
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Zsch');
    await expect.poll(() => page.getByRole('button', { name: /^Hinzufügen: Zsch/ }).allTextContents())
      .toEqual(['Hinzufügen: Zschepplin (14730360)', 'Hinzufügen: Zschopau, Stadt, Motorradstadt (14521690)', 'Hinzufügen: Zschorlau (14521700)']);
    await expectAccessible(page);
    await shot(page, 'lists-picker-prefix-desktop');
  });
});

describe('commune registry', () => {
  it('searches by prefix, umlaut-insensitive, and keeps the search in the URL', async () => {
    const page = await pageAs(null);
    await page.goto(`${e.baseUrl}/gemeinden`);
    await page.getByLabel('Name oder Gemeindeschlüssel').fill('Zsch');
    await expect.poll(() => page.locator('tbody tr th').first().textContent()).toBe('Zschepplin');
    expect((await page.locator('tbody tr th').allTextContents()).slice(0, 3)).toEqual(['Zschepplin', 'Zschopau, Stadt, Motorradstadt', 'Zschorlau']);
    await expect.poll(() => pagerStatus(page)).toBe('Seite 1 von 1, 12 Gemeinden');
    expect(page.url()).toContain('q=Zsch');
    await page.getByLabel('Name oder Gemeindeschlüssel').fill('Lossnitz');
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Lößnitz, Stadt');
    await expectAccessible(page);
    await shot(page, 'lists-communes-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
  });
});

describe('audit log', () => {
  it('shows readable actions, names and the full change, filters with pickers and downloads the CSV', async () => {
    const staff = await login(e.t.app, 'referentin@lpr.demo');
    const group = await e.t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: staff.headers, payload: { name: 'Zschopautal', kind: 'Region', description: 'Obere Zschopau', members: ['14521690', '14521700'] } });
    expect(group.statusCode).toBe(201);
    const page = await pageAs('admin@lpr.demo');
    await page.goto(`${e.baseUrl}/verwaltung/protokoll`);
    await expect.poll(() => h1(page).textContent()).toBe('Änderungsprotokoll');
    await expect.poll(() => page.getByLabel('Person', { exact: true }).locator('option').allTextContents()).toContain('Lena Referentin (LPR) (referentin@lpr.demo)');
    await page.getByLabel('Person', { exact: true }).selectOption({ label: 'Lena Referentin (LPR) (referentin@lpr.demo)' });
    await page.getByLabel('Bereich').selectOption({ label: 'Gemeinden' });
    await page.getByLabel('Aktion', { exact: true }).selectOption({ label: 'Gruppe angelegt' });
    const row = page.getByRole('row', { name: /Zschopautal/ });
    await expect.poll(() => row.textContent()).toContain('Gruppe angelegt');
    const text = await row.textContent();
    expect(text).toContain('Lena Referentin (LPR)');
    expect(text).toContain('Gruppe: Zschopautal');
    expect(page.url()).toContain('action=commune_group.created');
    await row.getByText(/Felder geändert/).click();
    await expect.poll(() => row.getByRole('row', { name: /description/ }).textContent()).toContain('Obere Zschopau');
    await expectAccessible(page);
    await shot(page, 'lists-audit-desktop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Als CSV herunterladen/ }).click()]);
    expect(download.suggestedFilename()).toBe('aenderungsprotokoll.csv');
    const chunks: Buffer[] = [];
    for await (const c of (await download.createReadStream())!) chunks.push(c as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\n')[0]).toBe('\uFEFFZeitpunkt;Person;Konto;Modul;Aktion;Aktionskennung;Objektart;Objekt;Objekt-ID;Änderungen;Anfrage-ID');
    expect(csv).toContain(';Lena Referentin (LPR);referentin@lpr.demo;communes;Gruppe angelegt;commune_group.created;Gruppe;Zschopautal;');
    expect(csv).not.toContain('Beratung erfasst');

    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await shot(page, 'lists-audit-phone');
  });
});

describe('invite form', () => {
  it('picks the scope from lists: a commune by prefix, a police directorate from its list', async () => {
    const page = await pageAs('admin@lpr.demo');
    await page.goto(`${e.baseUrl}/verwaltung/benutzer`);
    await expect.poll(() => h1(page).textContent()).toBe('Benutzer und Rollen');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('ordnung@zschopau.demo');
    await page.getByLabel('Name', { exact: true }).fill('Ordnungsamt Zschopau');
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Zsch');
    await page.getByRole('button', { name: 'Hinzufügen: Zschopau, Stadt, Motorradstadt (14521690)' }).click();
    await expect.poll(() => page.locator('.chips').textContent()).toContain('Zschopau, Stadt, Motorradstadt');
    await expectAccessible(page);
    await shot(page, 'lists-invite-desktop');
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('ordnung@zschopau.demo');
    const admin = await login(e.t.app, 'admin@lpr.demo');
    const created = (await e.t.app.inject({ url: '/api/admin/users?q=ordnung@zschopau.demo', headers: admin.headers })).json().items[0];
    expect(created.grants).toMatchObject([{ role: 'commune', scopeId: '14521690' }]);

    await page.getByLabel('Rolle 1', { exact: true }).selectOption({ label: 'Polizei' });
    await expect.poll(() => page.getByLabel('Polizeidirektion (Rolle 1)').locator('option').allTextContents()).toContain('Polizeidirektion Zwickau');
    await page.getByLabel('Rolle 1', { exact: true }).selectOption({ label: 'Analyse (Institut)' });
    await expect.poll(() => page.getByLabel('Sicherheitsanalyse (Rolle 1)').locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('(sa-schwarzenberg-2026)')]));
    await expectAccessible(page);

    await page.getByLabel('Nach Name oder E-Mail-Adresse filtern').fill('Zschopau');
    await expect.poll(() => pagerStatus(page)).toBe('Seite 1 von 1, 1 Benutzerkonto');
    await page.setViewportSize({ width: 390, height: 844 });
    await noHorizontalOverflow(page);
    await shot(page, 'lists-users-phone');
  });
});
