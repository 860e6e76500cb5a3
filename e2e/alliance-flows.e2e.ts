import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { login, type Session } from '../test/helpers.js';
import { todayIso } from '../src/lib/dates.js';
import { pdfText } from '../src/modules/alliance/tests/pdf-text.js';

let e: E2E;
let staff: Session;
beforeAll(async () => { e = await startE2E(); staff = await login(e.t.app, 'referentin@lpr.demo'); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const api = async (method: 'POST' | 'PUT' | 'GET', url: string, payload?: unknown) => {
  const res = await e.t.app.inject({ method, url, headers: staff.headers, ...(payload ? { payload: payload as object } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
/** Records the text of every confirm dialog (pageAs accepts them). */
const dialogs = (page: Page) => { const seen: string[] = []; page.on('dialog', (d) => { seen.push(d.message()); }); return seen; };
/** At 390 px wide nothing scrolls sideways. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  // Lists what sticks out, so that a failure names the element.
  const overflow = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => (el.getBoundingClientRect().right > 391 || el.scrollWidth > el.clientWidth + 1) && !el.closest('.table-wrap') && getComputedStyle(el).overflowX === 'visible')
    .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)} ${(el.textContent ?? '').slice(0, 40)}`));
  await expect.poll(overflow).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await shot(page, `alliance-flows-${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
const download = async (page: Page, link: string) => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('"Ereignis erfassen" starts empty; a manual stage correction is an explicit, confirmed choice', () => {
  it('asks for the event, then for the stage, and confirms the correction', async () => {
    const page = await pageAs('referentin@lpr.demo');
    const seen = dialogs(page);
    await page.goto(`${e.baseUrl}/gemeinden/14521690`);
    const form = page.getByRole('form', { name: 'Ereignis erfassen oder Stufe korrigieren' });
    await form.waitFor();
    const kind = form.getByLabel('Art', { exact: true });
    expect(await kind.inputValue()).toBe('');
    expect(await form.getByLabel('Stufe', { exact: true }).count()).toBe(0);
    await form.getByRole('button', { name: 'Erfassen' }).click();
    await expect.poll(() => form.textContent()).toContain('Bitte wählen Sie, welches Ereignis Sie erfassen.');
    expect(await kind.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await kind.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await shot(page, 'alliance-flows-milestone-empty-desktop');
    await kind.selectOption({ label: 'Stufe manuell korrigieren …' });
    const stage = form.getByLabel('Stufe', { exact: true });
    expect(await stage.inputValue()).toBe('');
    await form.getByLabel('Begründung der Korrektur').fill('Koordinierungsstelle seit Monaten unbesetzt.');
    await form.getByRole('button', { name: 'Erfassen' }).click();
    await expect.poll(() => form.textContent()).toContain('Bitte wählen Sie die Stufe, auf die korrigiert wird.');
    expect(seen).toEqual([]);
    await stage.selectOption({ label: 'ruhend' });
    await form.getByRole('button', { name: 'Erfassen' }).click();
    await expect.poll(() => form.textContent()).toContain('Das Ereignis wurde erfasst.');
    expect(seen).toEqual(['Die Stufe der Kommune wird manuell auf „ruhend“ gesetzt und überschreibt die abgeleitete Stufe. Fortfahren?']);
    expect(await kind.inputValue()).toBe('');
    await fitsPhone(page, 'milestone');
  });
});

describe('agreements warn before, say what happened, and drafts can be deleted', () => {
  it('names the missing signatories before "abgestimmt", and the server refuses with the same reason', async () => {
    const draft = await api('POST', '/api/agreements', { kind: 'pre', subjectAgs: '14521220' });
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/vereinbarungen/${draft.id}`);
    await expect.poll(() => h1(page).textContent()).toBe('Vorvereinbarung Gemeinde Gornau/Erzgeb.');
    const workflow = page.locator('section[aria-labelledby="workflow"]');
    await expect.poll(() => workflow.textContent()).toContain('Zum Abstimmen fehlt noch die unterzeichnende Person (Name und Funktion) für: Gemeinde Gornau/Erzgeb., Polizeidirektion Chemnitz, Landespräventionsrat Sachsen.');
    await page.getByRole('button', { name: 'Als abgestimmt markieren' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Zum Abstimmen fehlt die unterzeichnende Person (Name und Funktion) für: Gemeinde Gornau/Erzgeb.');
    expect(await page.locator('dl.facts').textContent()).toContain('Entwurf');
    await expectAccessible(page);
    await shot(page, 'alliance-flows-agree-missing-desktop');
    await fitsPhone(page, 'agree-missing');
  });

  it('warns before an edit returns an agreed agreement to Entwurf, and says so after saving', async () => {
    const draft = await api('POST', '/api/agreements', { kind: 'cooperation', subjectAgs: '14521220', signatories: [
      { party: 'commune', ags: '14521220', name: 'Gerd Gornauer', office: 'Bürgermeister' }, { party: 'police', name: 'Paula Polizei', office: 'Polizeipräsidentin' },
      { party: 'lpr', name: 'Lara Rat', office: 'Geschäftsführerin' },
    ] });
    await api('POST', `/api/agreements/${draft.id}/transitions`, { action: 'agree', version: draft.version });
    const page = await pageAs('referentin@lpr.demo');
    const seen = dialogs(page);
    await page.goto(`${e.baseUrl}/vereinbarungen/${draft.id}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Die Vereinbarung ist abgestimmt. Wer den Inhalt ändert');
    await page.getByLabel('Vereinbarte Ziele').fill('Jugendtreff sicherer machen');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Gespeichert. Der Inhalt hat sich geändert, daher ist die Vereinbarung wieder ein Entwurf und muss erneut abgestimmt werden.');
    expect(seen).toEqual(['Sie ändern den Inhalt einer abgestimmten Vereinbarung. Nach dem Speichern ist sie wieder ein Entwurf und muss erneut abgestimmt werden. Speichern?']);
    expect(await page.locator('dl.facts').textContent()).toContain('Entwurf');
    await shot(page, 'alliance-flows-back-to-draft-desktop');
  });

  it('deletes a draft after confirmation and says so on the list', async () => {
    const draft = await api('POST', '/api/agreements', { kind: 'pre', subjectAgs: '14521690', title: 'Irrtümlicher Entwurf Zschopau' });
    const page = await pageAs('referentin@lpr.demo');
    const seen = dialogs(page);
    await page.goto(`${e.baseUrl}/vereinbarungen/${draft.id}`);
    await expect.poll(() => h1(page).textContent()).toBe('Irrtümlicher Entwurf Zschopau');
    await page.getByRole('button', { name: 'Entwurf löschen' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Vereinbarungen');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Der Entwurf „Irrtümlicher Entwurf Zschopau“ wurde gelöscht.');
    expect(seen).toEqual(['Den Entwurf „Irrtümlicher Entwurf Zschopau“ endgültig löschen? Das Audit-Protokoll behält, was er enthielt.']);
    await expect.poll(() => page.locator('main table').textContent()).not.toContain('Irrtümlicher Entwurf Zschopau');
    expect((await e.t.app.inject({ url: `/api/agreements/${draft.id}`, headers: staff.headers })).statusCode).toBe(404);
    await expectAccessible(page);
  });
});

describe('the agreement documents use official names', () => {
  it('prints "Die Kommunen des Zschopautal-Verbunds (Gemeinde Gornau/Erzgeb. und Stadt Zschopau)" in DOCX and PDF', async () => {
    const group = await api('POST', '/api/commune-groups', { name: 'Zschopautal-Verbund', kind: 'Region', description: '', members: ['14521690', '14521220'] });
    const draft = await api('POST', '/api/agreements', { kind: 'cooperation', groupId: group.id, modules: ['coaching'] });
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/vereinbarungen/${draft.id}`);
    await expect.poll(() => h1(page).textContent()).toBe('Kooperationsvereinbarung Zschopautal-Verbund');
    expect(await page.locator('dl.facts').textContent()).toContain('Gemeinde Gornau/Erzgeb.');
    const sentence = 'Die Kommunen des Zschopautal-Verbunds (Gemeinde Gornau/Erzgeb. und Stadt Zschopau), die Polizeidirektion Chemnitz und der Landespräventionsrat Sachsen schließen dazu die folgende Vereinbarung.';
    const pdf = pdfText(await download(page, 'Fassung 1 als PDF'));
    const xml = await (await JSZip.loadAsync(await download(page, 'Fassung 1 als Word-Datei (DOCX)'))).file('word/document.xml')!.async('string');
    const docx = xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join(' ');
    for (const text of [pdf, docx]) {
      expect(text).toContain(sentence);
      expect(text).toContain('Die Kommunen des Zschopautal-Verbunds benennen eine gemeinsame Ansprechperson und stellen die Koordinierung vor Ort sicher.');
      expect(text).not.toMatch(/Motorradstadt|Zschopau, Stadt/);
    }
    await expectAccessible(page);
  });
});

describe('coach suggestions rank competence first and say why', () => {
  it('shows each suggestion’s reasons; a competent coach from elsewhere comes before a nearby one without the competence', async () => {
    const admin = await login(e.t.app, 'admin@lpr.demo');
    for (const coach of [{ name: 'Regina Regional', regions: ['14521'], competencies: ['litter'] }, { name: 'Konrad Kompetent', regions: ['14729'], competencies: ['traffic', 'fraud_elderly'] }]) {
      const res = await e.t.app.inject({ method: 'POST', url: '/api/coaches', headers: admin.headers, payload: { ...coach, organisation: 'Testpool', capacity: 5 } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const p = await api('POST', '/api/coaching', { ags: '14521690', reason: 'Schulwege und Enkeltrick', topics: ['traffic', 'fraud_elderly'] });
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/coaching/${p.id}`);
    const list = page.getByRole('group', { name: 'Passende Coaches (Kompetenz, Region, Auslastung)' });
    await expect.poll(() => list.textContent()).toContain('Konrad Kompetent');
    const konrad = list.locator('label', { hasText: 'Konrad Kompetent' });
    expect(await konrad.textContent()).toContain('Kompetenz: Verkehrssicherheit, Betrug an Seniorinnen und Senioren');
    expect(await konrad.textContent()).toContain('Region: Landkreis Leipzig (anderer Kreis)');
    expect(await konrad.textContent()).toContain('0 laufende Prozesse (5 Plätze frei)');
    const names = await list.locator('label strong').allTextContents();
    const regina = names.indexOf('Regina Regional');
    expect(regina === -1 || regina > names.indexOf('Konrad Kompetent')).toBe(true);
    const reasons = await list.locator('label .reasons').allTextContents();
    expect(reasons.every((r) => r.startsWith('Kompetenz:'))).toBe(true);
    await expectAccessible(page);
    await shot(page, 'alliance-flows-coach-reasons-desktop');
    await fitsPhone(page, 'coach-reasons');
  });
});

describe('the Bilanz dates every entry on the day it happened', () => {
  it('shows the 2022 field phase in 2022, and nothing dated today', async () => {
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/gemeinden/14521550/bilanz`);
    await expect.poll(() => h1(page).textContent()).toBe('Bilanz: Schwarzenberg/Erzgeb., Stadt');
    const entry = page.locator('ol.timeline li', { hasText: 'Feldphase begonnen' }).filter({ hasText: 'Schwarzenberg 2022' });
    await expect.poll(() => entry.locator('time').getAttribute('datetime')).toBe('2022-10-03');
    expect(await entry.locator('time').textContent()).toMatch(/^0?3\.10\.2022$/);
    expect(await page.locator(`ol.timeline time[datetime="${todayIso()}"]`).count()).toBe(0);
    await expectAccessible(page);
    await shot(page, 'alliance-flows-bilanz-desktop');
    await fitsPhone(page, 'bilanz');
  });
});
