import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { login } from '../test/helpers.js';

const CONTACT = 'plattform@lpr.sachsen.example';
let e: E2E;
beforeAll(async () => { e = await startE2E({ ADMIN_CONTACT_EMAIL: CONTACT }); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** The focused element's role and text. */
const focused = (page: Page) => page.evaluate(() => ({ role: document.activeElement?.getAttribute('role') ?? null, text: document.activeElement?.textContent ?? '' }));

/** The message is on screen and next to the control that caused it (at most `near` px between them). */
async function expectBeside(page: Page, message: Locator, control: Locator, near = 240) {
  const m = (await message.boundingBox())!;
  const c = (await control.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(m.y, 'message below the top of the viewport').toBeGreaterThanOrEqual(0);
  expect(m.y + Math.min(m.height, 40), 'message within the viewport').toBeLessThanOrEqual(viewport.height);
  const gap = m.y >= c.y + c.height ? m.y - (c.y + c.height) : c.y >= m.y + m.height ? c.y - (m.y + m.height) : 0;
  expect(gap, 'distance between message and control').toBeLessThanOrEqual(near);
}

describe('errors where they happen', () => {
  let agreementId = '';
  beforeAll(async () => {
    const s = await login(e.t.app, 'referentin@lpr.demo');
    const created = await e.t.app.inject({ method: 'POST', url: '/api/agreements', headers: s.headers, payload: { kind: 'cooperation', subjectAgs: '14628110' } });
    expect(created.statusCode).toBe(201);
    agreementId = created.json().id;
    // Agreed needs every party's signatory (names and offices as the parties would write them).
    const a = created.json();
    const withSignatories = await e.t.app.inject({ method: 'PUT', url: `/api/agreements/${agreementId}`, headers: s.headers, payload: {
      title: a.title, policeDirectorateId: a.policeDirectorate.id, policeUnit: a.policeUnit, modules: a.modules, topics: a.topics.map((x: { id: string }) => x.id),
      goals: a.goals, measures: a.measures, sections: a.sections, signedPlace: a.signedPlace, version: a.version,
      signatories: [{ party: 'commune', ags: '14628110', name: 'Uwe Rumberg', office: 'Oberbürgermeister' }, { party: 'police', name: 'Lutz Rodig', office: 'Polizeipräsident' }, { party: 'lpr', name: 'Lara Rat', office: 'Geschäftsführerin' }],
    } });
    expect(withSignatories.statusCode).toBe(200);
    const agreed = await e.t.app.inject({ method: 'POST', url: `/api/agreements/${agreementId}/transitions`, headers: s.headers, payload: { action: 'agree', version: withSignatories.json().version } });
    expect(agreed.statusCode).toBe(200);
  });

  for (const [device, viewport] of [['desktop', { width: 1280, height: 720 }], ['phone', { width: 390, height: 844 }]] as const) {
    it(`signing that fails says why beside the button and takes the focus (${device})`, async () => {
      const page = await pageAs('referentin@lpr.demo');
      await page.setViewportSize(viewport);
      await page.goto(`${e.baseUrl}/vereinbarungen/${agreementId}`);
      await expect.poll(() => h1(page).textContent()).toMatch(/Freital/);
      await page.getByLabel('Datum der Unterzeichnung').fill('2025-09-15');
      const sign = page.getByRole('button', { name: 'Als unterzeichnet erfassen' });
      await sign.click();
      const alert = page.locator('section[aria-labelledby="workflow"] .action-status[role="alert"]');
      await expect.poll(() => alert.textContent()).toContain('gilt bereits die Kooperationsvereinbarung');
      await expect.poll(async () => (await focused(page)).role).toBe('alert');
      expect((await focused(page)).text).toContain('gilt bereits die Kooperationsvereinbarung');
      await expectBeside(page, alert, sign);
      await shot(page, `errors-sign-failed-${device}`);
      await expectAccessible(page);
    });
  }

  it('after saving, the focus is on the message beside the save button', async () => {
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/vereinbarungen/${agreementId}`);
    await expect.poll(() => h1(page).textContent()).toMatch(/Freital/);
    await page.getByLabel('Ort der Unterzeichnung').fill('Freital');
    const save = page.getByRole('button', { name: 'Speichern', exact: true });
    await save.click();
    await expect.poll(async () => (await focused(page)).text).toBe('Die Vereinbarung wurde gespeichert.');
    expect((await focused(page)).role).toBe('status');
    const status = page.locator('.action-status[role="status"]');
    await expectBeside(page, status, page.getByRole('button', { name: 'Speichern', exact: true }));
    await shot(page, 'errors-saved-focus-desktop');
  });

  it('validation names fields by their labels, at the field, never by internal names', async () => {
    const page = await pageAs('admin@lpr.demo');
    await page.goto(`${e.baseUrl}/verwaltung/benutzer`);
    await expect.poll(() => h1(page).textContent()).toBe('Benutzer und Rollen');
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('ordnungsamt@freital.demo');
    await page.getByLabel('Name', { exact: true }).fill('Ordnungsamt Freital');
    // The commune is picked from the registry (not typed); sent without one, the server names the grant's field.
    const send = page.getByRole('button', { name: 'Einladung senden' });
    await send.click();
    const alert = page.locator('form[aria-labelledby="invite-h"] .action-status[role="alert"]');
    await expect.poll(() => alert.textContent()).toMatch(/^Zuständigkeit 1: /);
    expect(await alert.textContent()).not.toMatch(/grants|scopeId|Feld „/);
    await expect.poll(async () => (await focused(page)).role).toBe('alert');
    await expectBeside(page, alert, send);
    await shot(page, 'errors-invite-label-desktop');
    await expectAccessible(page);
    // A bad e-mail address: the server's check, named by the form's label.
    await page.getByLabel('E-Mail-Adresse', { exact: true }).fill('kein-at-zeichen');
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Freital');
    await page.getByRole('button', { name: /Hinzufügen: Freital/ }).click();
    await send.click();
    await expect.poll(() => alert.textContent()).toBe('E-Mail-Adresse: Bitte geben Sie eine gültige E-Mail-Adresse an.');
    // At the field: marked invalid and described by the message.
    const email = page.getByLabel('E-Mail-Adresse', { exact: true });
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const described = await email.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('gültige E-Mail-Adresse');
  });

  it('an import with errors lists its lines beside the upload form, each line once', async () => {
    const police = await pageAs('praevention@pd-chemnitz.demo');
    await police.goto(`${e.baseUrl}/kriminalstatistik`);
    await expect.poll(() => h1(police).textContent()).toBe('Polizeiliche Kriminalstatistik');
    const header = 'AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige';
    await police.getByLabel('Version', { exact: true }).fill('Lieferung 02.2024');
    await police.getByLabel('CSV-Datei').setInputFiles({ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n14521550;2023;------;Straftaten insgesamt;viele;1;1\n14612000;2023;------;Straftaten insgesamt;5;1;1\n`) });
    const button = police.getByRole('button', { name: 'Einspielen' });
    await button.click();
    const form = police.locator('form[aria-labelledby="import"]');
    const lines = form.locator('.action-status[role="alert"] .error-list li');
    await expect.poll(() => lines.count()).toBe(2);
    const texts = await lines.allTextContents();
    expect(texts[0]).toBe('Zeile 2: „viele“ ist keine Anzahl.');
    expect(texts[1]).toMatch(/^Zeile 3: Die Gemeinde 14612000 gehört nicht zur Polizeidirektion Chemnitz;/);
    for (const text of texts) {
      expect(text).not.toMatch(/Zeile \d+: Zeile/);
      expect(text).not.toContain('Polizeidirektion Polizeidirektion');
    }
    await expect.poll(async () => (await focused(police)).role).toBe('alert');
    await expectBeside(police, form.locator('.action-status'), button);
    await shot(police, 'errors-import-lines-desktop');
    await expectAccessible(police);
  });

  it('a page without permission says what it is, why it is closed and whom to ask', async () => {
    const commune = await pageAs('koordination@schwarzenberg.demo');
    await commune.goto(`${e.baseUrl}/verwaltung/verzeichnis`);
    await expect.poll(() => h1(commune).textContent()).toBe('Kein Zugang: Verzeichnis aktualisieren');
    const main = commune.locator('main');
    await expect.poll(() => main.textContent()).toContain('Hier spielt die LPR-Administration das amtliche Gemeindeverzeichnis (GV-ISys) neu ein.');
    expect(await main.textContent()).toContain('Ihre Rollen – Kommunale Koordination (14521550) – schließen diese Seite nicht ein.');
    expect(await main.textContent()).toContain('wenden Sie sich an die LPR-Administration');
    await expect.poll(() => commune.getByRole('link', { name: CONTACT }).getAttribute('href')).toBe(`mailto:${CONTACT}`);
    await shot(commune, 'errors-permission-desktop');
    await expectAccessible(commune);
    // Signed out, the same address asks for sign-in first.
    const anonymous = await pageAs(null);
    await anonymous.goto(`${e.baseUrl}/verwaltung/verzeichnis`);
    await expect.poll(() => anonymous.locator('main').textContent()).toContain('Bitte melden Sie sich an');
  });

  it('a Stand in the future is refused at the date field; public pages carry no developer notes or file paths', async () => {
    const page = await pageAs(null);
    await page.goto(`${e.baseUrl}/kennzahlen`);
    await expect.poll(() => h1(page).textContent()).toBe('Kennzahlen der Allianz');
    const date = page.getByLabel('Stichtag');
    expect(await date.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => page.locator('main').textContent()).toContain('Quellen');
    expect(await page.locator('main').textContent()).not.toMatch(/zuständige Modul|TODO/);
    await date.fill('2099-01-01');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Der Stand darf nicht in der Zukunft liegen; bitte wählen Sie heute oder einen früheren Tag.');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await shot(page, 'errors-future-stand-desktop');
    await expectAccessible(page);
    await page.goto(`${e.baseUrl}/datenquellen`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(3);
    for (const heading of await page.getByRole('heading', { level: 2 }).allTextContents()) expect(heading).not.toMatch(/\.(csv|geojson|txt)|\//);
    expect(await page.locator('main').textContent()).toContain('Datenlizenz Deutschland – Namensnennung – Version 2.0');
    await shot(page, 'errors-data-sources-desktop');
    await expectAccessible(page);
  });
});
