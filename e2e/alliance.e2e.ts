import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, startE2E, type E2E } from './browser.js';
import { login } from '../test/helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

describe('public map and figures', () => {
  it('opens the public map, moves the slider to 01.11.2021 and opens a commune card', async () => {
    const page = await pageAs(null);
    // The outlines come as a content-addressed file that browsers keep for a year (compressed).
    const outlines = page.waitForResponse((r) => /\/api\/public\/static\/communes\.[0-9a-f]{16}\.json$/.test(r.url()));
    await page.goto(`${e.baseUrl}/karte`);
    await expect.poll(() => h1(page).textContent()).toBe('ASSKomm-Standorte');
    await page.locator('.maplibregl-canvas').waitFor();
    const outlineHeaders = (await outlines).headers();
    expect(outlineHeaders['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(outlineHeaders['content-encoding']).toBe('br');
    await expectAccessible(page);
    await page.getByLabel('Stichtag als Datum').fill('2021-11-02');
    const slider = page.getByLabel(/Stichtag \(Schieberegler/);
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('1.11.2021');
    await expect.poll(() => page.locator('.map-state').textContent()).toContain('Stand 1.11.2021');
    expect(await page.locator('.map-state').textContent()).toContain('45 mit gültiger Vereinbarung');
    const row = page.getByRole('row', { name: /Dippoldiswalde/ });
    await expect.poll(() => row.textContent()).toContain('Kooperationsvereinbarung');
    expect(await page.getByRole('row', { name: /Schwarzenberg/ }).textContent()).not.toContain('Kooperationsvereinbarung');
    await page.getByRole('button', { name: 'Dippoldiswalde, Stadt: Karte öffnen' }).click();
    const card = page.locator('.map-card');
    await expect.poll(() => card.textContent()).toContain('Kooperationsvereinbarung vom 1.11.2021');
    expect(await card.textContent()).toContain('Polizeidirektion Dresden');
    await expectAccessible(page);
    // The map itself: a click in the middle of Saxony opens that commune's card.
    await page.getByRole('button', { name: 'Karte schließen' }).click();
    // Closing returns focus to the table's button (scrolled to); bring the map back into view to click it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Dippoldiswalde, Stadt: Karte öffnen');
    await page.locator('.maplibregl-canvas').scrollIntoViewIfNeeded();
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).not.toBe('Legende');
  });

  it('shows the figures of any day with the press text block and a chart with a table', async () => {
    const page = await pageAs(null);
    await page.goto(`${e.baseUrl}/kennzahlen`);
    await expect.poll(() => h1(page).textContent()).toBe('Kennzahlen der Allianz');
    await page.getByLabel('Stichtag').fill('2022-07-22');
    await expect.poll(() => page.locator('.press-text').textContent()).toContain('bereits 133 Kommunen');
    await expect.poll(() => page.locator('.figure-tiles').textContent()).toContain('40Kooperationsvereinbarungen geschlossen');
    await page.locator('.chart svg').first().waitFor();
    expect(await page.getByRole('table', { name: 'Werte zum Jahresende' }).textContent()).toContain('Kommunen beraten');
    await expectAccessible(page);
  });
});

describe('LPR journeys', () => {
  it('logs a consultation', async () => {
    const page = await pageAs('referentin@lpr.demo');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Beratungen' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Beratungen');
    await page.getByRole('button', { name: 'Beratung erfassen' }).click();
    await page.getByLabel('Datum', { exact: true }).fill('2025-03-12');
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Freital');
    await page.getByRole('button', { name: /Hinzufügen: Freital/ }).click();
    await page.getByRole('checkbox', { name: 'Vandalismus' }).check();
    await page.getByRole('checkbox', { name: 'Hate Speech' }).check();
    await page.getByLabel('Notizen').fill('Graffiti am Bahnhof, Vorstellung der Förderrichtlinie');
    await page.getByRole('button', { name: 'Folgeaufgabe hinzufügen' }).click();
    await page.getByLabel('Aufgabe 1', { exact: true }).fill('Förderantrag vorbereiten');
    await page.getByLabel('Fällig am (Aufgabe 1)').fill('2099-04-30');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Die Beratung wurde gespeichert.');
    // The list is paged, newest first: the filter finds the consultation of March.
    await page.getByLabel('Kommune (Name oder AGS)').fill('Freital');
    await expect.poll(() => page.getByRole('row', { name: /12\.3\.2025/ }).textContent()).toContain('Freital');
    await expect.poll(() => page.locator('.tasks').textContent()).toContain('Förderantrag vorbereiten');
    await page.getByRole('button', { name: 'Beratung vom 12.3.2025 bearbeiten' }).click();
    await page.getByLabel('Notizen').fill('Graffiti am Bahnhof; Förderrichtlinie und Sicherheitsanalyse vorgestellt');
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await expect.poll(() => page.getByRole('row', { name: /12\.3\.2025/ }).textContent()).toContain('Sicherheitsanalyse vorgestellt');
    // Bad input: a date in the future is named at the field.
    await page.getByRole('button', { name: 'Beratung erfassen' }).click();
    await page.getByLabel('Datum', { exact: true }).fill('2099-01-01');
    await page.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Pirna');
    await page.getByRole('button', { name: /Hinzufügen: Pirna/ }).click();
    await page.getByRole('button', { name: 'Beratung speichern' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Zukunft');
    await expectAccessible(page);
  });

  it('drafts, agrees and signs a group agreement, then downloads it as DOCX and PDF', async () => {
    const s = await login(e.t.app, 'referentin@lpr.demo');
    const group = await e.t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload: { name: 'Kleeblatt Erzgebirge', kind: 'Region', description: '', members: ['14521170', '14521320'] } });
    expect(group.statusCode).toBe(201);
    const page = await pageAs('referentin@lpr.demo');
    await page.goto(`${e.baseUrl}/vereinbarungen`);
    await page.getByRole('button', { name: 'Neuer Entwurf' }).click();
    await page.getByRole('radio', { name: 'eine Gruppe von Kommunen' }).check();
    await page.getByLabel('Gruppe', { exact: true }).selectOption({ label: 'Kleeblatt Erzgebirge' });
    await page.getByRole('checkbox', { name: 'Sicherheitsanalyse' }).check();
    await page.getByRole('checkbox', { name: 'Coaching' }).check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Entwurf anlegen' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Kooperationsvereinbarung Kleeblatt Erzgebirge');
    expect(await page.locator('dl.facts').textContent()).toContain('Polizeidirektion Chemnitz');
    const people: [string, string, string][] = [
      ['Stadt Eibenstock', 'Erika Muster', 'Bürgermeisterin'], ['Stadt Johanngeorgenstadt', 'Max Beispiel', 'Bürgermeister'],
      ['Polizeidirektion Chemnitz', 'Carla Kommissarin', 'Polizeipräsidentin'], ['Landespräventionsrat Sachsen', 'Lars Rat', 'Geschäftsführer'],
    ];
    for (const [party, name, office] of people) {
      await page.getByLabel(`Name (${party})`).fill(name);
      await page.getByLabel(`Funktion (${party})`).fill(office);
    }
    await page.getByLabel('Ort der Unterzeichnung').fill('Eibenstock');
    await page.getByLabel('Vereinbarte Ziele').fill('Sicherheitsanalyse für beide Städte\nGemeinsamer Präventionstag');
    await page.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Die Vereinbarung wurde gespeichert.');
    await page.getByRole('button', { name: 'Als abgestimmt markieren' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Die Vereinbarung ist abgestimmt.');
    await page.getByLabel('Datum der Unterzeichnung').fill('2025-09-15');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Als unterzeichnet erfassen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Die Unterzeichnung wurde erfasst.');
    expect(await page.locator('dl.facts').textContent()).toContain('unterzeichnet');
    for (const [link, ext] of [['Fassung 1 als Word-Datei (DOCX)', '.docx'], ['Fassung 1 als PDF', '.pdf']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
      expect(download.suggestedFilename()).toBe(`Kooperationsvereinbarung-Kleeblatt-Erzgebirge-Fassung-1${ext}`);
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe(ext === '.pdf' ? '%P' : 'PK');
    }
    await expectAccessible(page);
  });

  it('requests coaching as the commune, matches a coach and logs a session as LPR', async () => {
    const commune = await pageAs('koordination@schwarzenberg.demo');
    await commune.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Coaching' }).click();
    await expect.poll(() => h1(commune).textContent()).toBe('Coaching');
    await commune.getByRole('button', { name: 'Coaching anfragen' }).click();
    await commune.getByLabel('Anlass').fill('Arbeitsgruppe Jugend des Präventionsrates begleiten');
    await commune.getByRole('checkbox', { name: 'Kinder- und Jugendschutz' }).check();
    await commune.getByLabel('Coachee (Koordination der Kommune)').selectOption({ label: 'Klaus Koordinator (Schwarzenberg)' });
    await expectAccessible(commune);
    await commune.getByRole('button', { name: 'Anfrage senden' }).click();
    await expect.poll(() => h1(commune).textContent()).toBe('Coaching Schwarzenberg/Erzgeb., Stadt');
    expect(await commune.locator('dl.facts').textContent()).toContain('angefragt');
    const url = commune.url();

    const lpr = await pageAs('referentin@lpr.demo');
    await lpr.goto(url);
    await expect.poll(() => lpr.getByRole('heading', { name: 'Coach vermitteln' }).count()).toBe(1);
    await lpr.locator('.candidate input').first().check();
    await expectAccessible(lpr);
    await lpr.getByRole('button', { name: 'Coach zuordnen' }).click();
    await expect.poll(() => lpr.getByRole('status').first().textContent()).toBe('Der Coach wurde zugeordnet.');
    expect(await lpr.locator('dl.facts').textContent()).toContain('vermittelt');
    await lpr.getByLabel('Teilnehmende').fill('Koordinator, Coach, Jugendamt');
    await lpr.getByLabel('Vereinbarte nächste Schritte').fill('Jugendliche zur nächsten Sitzung einladen');
    await lpr.getByRole('button', { name: 'Sitzung speichern' }).click();
    await expect.poll(() => lpr.getByRole('status').first().textContent()).toBe('Die Sitzung wurde protokolliert.');
    expect(await lpr.locator('dl.facts').textContent()).toContain('laufend');
    expect(await lpr.locator('ol.sessions').textContent()).toContain('Jugendliche zur nächsten Sitzung einladen');
    await expectAccessible(lpr);
  });

  it('shows a commune its stage history and Bilanz, exportable as PDF', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}/gemeinden/14521550`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Aktuelle Stufe');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Bilanz: alle Ereignisse der Kommune' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Bilanz: Schwarzenberg/Erzgeb., Stadt');
    expect(await page.locator('ol.timeline').textContent()).toContain('Kooperationsvereinbarung unterzeichnet');
    await expectAccessible(page);
  });

  it('every alliance page passes axe, as LPR staff and as a coach', async () => {
    const lpr = await pageAs('referentin@lpr.demo');
    for (const [path, title] of [['/vereinbarungen', 'Vereinbarungen'], ['/coaching', 'Coaching'], ['/coaching/pool', 'Coach-Pool'],
      ['/verwaltung/allianz', 'Allianz-Stammdaten'], ['/gemeinden/14628060', 'Dippoldiswalde, Stadt'], ['/gemeinden/14628060/bilanz', 'Bilanz: Dippoldiswalde, Stadt']] as const) {
      await lpr.goto(`${e.baseUrl}${path}`);
      await expect.poll(() => h1(lpr).textContent()).toBe(title);
      await lpr.locator('table, form, ol').first().waitFor();
      await expectAccessible(lpr);
    }
    await lpr.goto(`${e.baseUrl}/vereinbarungen?q=Silberberg`);
    await lpr.getByRole('link', { name: 'Kooperationsvereinbarung Städtebund Silberberg' }).click();
    await expect.poll(() => h1(lpr).textContent()).toBe('Kooperationsvereinbarung Städtebund Silberberg');
    expect(await lpr.locator('dl.facts').textContent()).toContain('Ruben Gerhart');
    await expectAccessible(lpr);
    const coach = await pageAs('coach@institut-b3.demo');
    await coach.goto(`${e.baseUrl}/coaching`);
    await expect.poll(() => coach.locator('caption').textContent()).toMatch(/^(1 Coaching-Prozess|([02-9]|\d\d+) Coaching-Prozesse)$/);
    expect(await coach.locator('tbody').textContent()).toContain('Schwarzenberg');
    await expectAccessible(coach);
  });
});
