import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, startE2E, type E2E } from './browser.js';
import { registerCsv } from '../src/modules/surveys/tests/factories.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
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
    await expect.poll(() => lpr.locator('main').textContent()).toContain('Transferworkshop');
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

  let code = '';
  it('uploads a register extract, draws the sample, downloads the letters and starts the field phase', async () => {
    await lpr.goto(`${projectUrl}/stichprobe`);
    await expect.poll(() => h1(lpr).textContent()).toBe('Stichprobe und Anschreiben');
    await lpr.getByLabel('Melderegister-Auszug (CSV)').setInputFiles({ name: 'melderegister-loessnitz.csv', mimeType: 'text/csv', buffer: registerCsv(400) });
    await lpr.getByLabel('Umfang der Stichprobe').fill('60');
    await lpr.getByLabel('Startwert des Zufalls (optional)').fill('2026');
    await expectAccessible(lpr);
    await lpr.getByRole('button', { name: 'Stichprobe ziehen' }).click();
    await expect.poll(() => lpr.getByRole('status').first().textContent()).toBe('Die Stichprobe ist gezogen.');
    await expect.poll(() => lpr.locator('main').textContent()).toContain('60 gezogen, Startwert 2026');
    await lpr.getByRole('button', { name: 'Einladungsschreiben erstellen (PDF)' }).click();
    const link = lpr.getByRole('link', { name: /Anschreiben-sa-lossnitz-2026\.pdf herunterladen/ });
    await link.waitFor();
    const [download] = await Promise.all([lpr.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('Anschreiben-sa-lossnitz-2026.pdf');
    const chunks: Buffer[] = [];
    for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(lpr);
    const projectId = projectUrl.split('/').at(-1)!;
    const rows = await e.t.database.db.execute(sql`select code from sample_persons where project_id = ${projectId} order by serial limit 1`) as unknown as { rows: { code: string }[] };
    code = rows.rows[0]!.code;
    await lpr.goto(`${projectUrl}/fragebogen`);
    await lpr.getByRole('button', { name: 'Feldphase beginnen' }).click();
    await expect.poll(() => lpr.locator('.alert.success').textContent()).toBe('Die Feldphase hat begonnen; der Fragebogen ist festgeschrieben.');
  });

  it('answers online with the code from the letter, by keyboard only', async () => {
    const citizen = await pageAs(null);
    await citizen.goto(`${e.baseUrl}/befragung?code=${encodeURIComponent(code)}`);
    await expect.poll(() => h1(citizen).textContent()).toBe('Bürgerbefragung');
    await expect.poll(() => citizen.url()).toBe(`${e.baseUrl}/befragung`);
    await expectAccessible(citizen);
    await citizen.getByLabel('Ihr Zugangscode').focus();
    await citizen.keyboard.press('Enter');
    await expect.poll(() => h1(citizen).textContent()).toMatch(/^Sicherheitsanalyse Lößnitz/);
    await citizen.locator('.sd-question').first().waitFor();
    await expectAccessible(citizen);
    // First page: AF01 (radio group) – Tab into it, choose the second answer with the arrow key.
    await citizen.getByRole('radio', { name: 'sehr sicher' }).first().focus();
    await citizen.keyboard.press('ArrowDown');
    expect(await citizen.getByRole('radio', { name: 'ziemlich sicher' }).first().isChecked()).toBe(true);
    // On through the pages with the keyboard: the map question (described without the map), sex, own question X01.
    for (let page = 0; page < 6; page++) {
      const next = citizen.getByRole('button', { name: /^(Weiter|Next)$/ });
      if (await citizen.getByRole('button', { name: 'Ort nur beschreiben (ohne Karte)' }).isVisible() && !(await citizen.locator('.fp-list li').count())) {
        await citizen.getByRole('button', { name: 'Ort nur beschreiben (ohne Karte)' }).focus();
        await citizen.keyboard.press('Enter');
        await citizen.getByLabel('Warum fühlen Sie sich dort unsicher?').focus();
        await citizen.keyboard.type('schlecht');
        await citizen.getByLabel('Wann?').focus();
        await citizen.keyboard.type('abends');
        await citizen.getByLabel('Beschreibung (z. B. Straße, Haltestelle)').focus();
        await citizen.keyboard.type('Unterführung am Bahnhof');
        expect(await citizen.getByLabel('Warum fühlen Sie sich dort unsicher?').inputValue()).toBe('1');
        expect(await citizen.getByLabel('Wann?').inputValue()).toBe('2');
        // A second place marked on the map: pan by keyboard, then mark the centre.
        await citizen.locator('.fp-map canvas').focus();
        await citizen.keyboard.press('ArrowRight');
        await citizen.getByRole('button', { name: 'Ort in der Kartenmitte markieren' }).focus();
        await citizen.keyboard.press('Enter');
        await expect.poll(() => citizen.locator('.fp-list legend').nth(1).textContent()).toBe('Ort 2 (auf der Karte markiert)');
        await citizen.locator('.fp-list select').nth(2).focus();
        await citizen.keyboard.type('menschenleer');
        await citizen.locator('.fp-list select').nth(3).focus();
        await citizen.keyboard.type('immer');
        await expectAccessible(citizen);
      }
      if (await citizen.getByRole('radio', { name: 'weiblich' }).first().isVisible()) {
        await citizen.getByRole('radio', { name: 'weiblich' }).first().focus();
        await citizen.keyboard.press('Space');
        await citizen.getByRole('radio', { name: 'ja' }).first().focus();
        await citizen.keyboard.press('Space');
      }
      if (!(await next.isVisible())) break;
      await next.focus();
      await citizen.keyboard.press('Enter');
    }
    const submit = citizen.getByRole('button', { name: 'Antworten absenden' });
    await submit.focus();
    await citizen.keyboard.press('Enter');
    await expect.poll(() => h1(citizen).textContent()).toBe('Vielen Dank!');
    await expectAccessible(citizen);
    const projectId = projectUrl.split('/').at(-1)!;
    // The answers wait in the mixing pool until at least k can be stored together.
    const stored = await e.t.database.db.execute(sql`select answers, mode from survey_pool where project_id = ${projectId}`) as unknown as { rows: { answers: Record<string, unknown>; mode: string }[] };
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.answers).toMatchObject({ AF01: 2, SD02: 1, X01: 1, FP01: [{ note: 'Unterführung am Bahnhof', reason: 1, time: 2 }, { reason: 6, time: 3 }] });
    expect(typeof (stored.rows[0]!.answers.FP01 as { lat?: number }[])[1]!.lat).toBe('number');
  });

  it('enters a paper questionnaire by keyboard and shows the return rate', async () => {
    await lpr.goto(`${projectUrl}/papier`);
    await expect.poll(() => h1(lpr).textContent()).toBe('Papierfragebögen erfassen');
    await lpr.getByLabel('Bogennummer').fill('P-0001');
    await lpr.getByLabel(/^AF01 /).focus();
    await lpr.keyboard.type('3');
    await expect.poll(() => lpr.evaluate(() => document.activeElement?.id)).toBe('slot-SD02');
    await lpr.keyboard.type('1');
    await lpr.keyboard.press('Enter');
    await expect.poll(() => lpr.evaluate(() => document.activeElement?.id)).toBe('slot-X01');
    await lpr.keyboard.type('0');
    await expectAccessible(lpr);
    await lpr.getByRole('button', { name: 'Bogen speichern' }).click();
    await expect.poll(() => lpr.locator('main').textContent()).toContain('Der Bogen ist gespeichert.');
    await lpr.goto(projectUrl);
    await expect.poll(() => lpr.locator('.rate').textContent()).toBe('2 von 60 Befragten haben geantwortet (3,3 %).');
    await expect.poll(() => lpr.locator('.pool').textContent()).toContain('Gespeichert: 0 · warten auf die gemeinsame Speicherung: 2.');
    // The analyst sets k: below the minimum the error stands next to the field.
    await lpr.getByLabel('Mindestzahl je gemeinsamer Speicherung (k)').fill('3');
    await lpr.getByRole('button', { name: 'Mindestzahl speichern' }).click();
    await expect.poll(() => lpr.locator('.field .error').textContent()).toContain('Mindestens 5');
    await lpr.getByLabel('Mindestzahl je gemeinsamer Speicherung (k)').fill('12');
    await lpr.getByRole('button', { name: 'Mindestzahl speichern' }).click();
    await expect.poll(() => lpr.locator('.alert.success').textContent()).toBe('Die Mindestzahl ist gespeichert.');
    await expect.poll(() => lpr.locator('.pool').textContent()).toContain('mindestens 12');
    await expectAccessible(lpr);
  });

  it('shows the item bank with versions, and the survey page in English', async () => {
    await lpr.goto(`${e.baseUrl}/fragenkatalog`);
    await expect.poll(() => h1(lpr).textContent()).toBe('Fragenkatalog');
    await expect.poll(() => lpr.locator('main').textContent()).toContain('Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?');
    await lpr.getByRole('button', { name: 'Neues Item anlegen' }).click();
    await lpr.getByLabel('Kürzel').fill('NB01');
    await lpr.getByLabel('Fragetext (deutsch)').fill('Wie gut kennen Sie Ihre Nachbarn?');
    await lpr.getByLabel('Antworten').fill('1=gut | well\n2=kaum | hardly\n3=gar nicht | not at all');
    await expectAccessible(lpr);
    await lpr.getByRole('button', { name: 'Item anlegen' }).click();
    await expect.poll(() => lpr.locator('.alert.success').textContent()).toBe('Item NB01 ist angelegt.');
    await expect.poll(() => lpr.locator('main').textContent()).toContain('Wie gut kennen Sie Ihre Nachbarn?');
    await expectAccessible(lpr);
    const citizen = await pageAs(null);
    await citizen.goto(`${e.baseUrl}/befragung`);
    await citizen.getByRole('button', { name: 'Switch to English' }).click();
    await expect.poll(() => h1(citizen).textContent()).toBe('Citizen survey');
    await citizen.getByLabel('Your access code').fill('ABCD-EFGH');
    await citizen.getByRole('button', { name: 'Start the survey' }).click();
    await expect.poll(() => citizen.locator('.field .error').textContent()).toContain('We do not know this access code');
    await expectAccessible(citizen);
  });

  it('lets the commune follow its running survey: checklist, letter, return rate', async () => {
    const commune = await pageAs('koordination@schwarzenberg.demo');
    await commune.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Sicherheitsanalysen' }).click();
    await commune.getByRole('link', { name: 'Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)' }).click();
    await expect.poll(() => h1(commune).textContent()).toBe('Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)');
    await expect.poll(() => commune.locator('.rate').textContent()).toMatch(/^\d{3} von 800 Befragten haben geantwortet/);
    const task = commune.getByRole('checkbox', { name: 'Rückläufe per Post sammeln und übergeben' });
    await task.click();
    await expect.poll(() => commune.locator('.alert.success').textContent()).toBe('Gespeichert.');
    expect(await task.isChecked()).toBe(true);
    await commune.getByText('Anschreiben ansehen (zur Freigabe durch die Kommune)').click();
    expect(await commune.locator('.letter-preview').textContent()).toContain('Bürgerbefragung');
    expect(await commune.getByRole('link', { name: 'Stichprobe und Anschreiben' }).count()).toBe(0);
    await expectAccessible(commune);
  });
});
