import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, startE2E, type E2E } from './browser.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const bytes = async (d: Download) => { const chunks: Buffer[] = []; for await (const c of await d.createReadStream()) chunks.push(c as Buffer); return Buffer.concat(chunks); };

describe('security analysis II: PKS, weighting, findings, recommendations, report', () => {
  it('police import their commune figures; a broken file is refused with its line numbers', async () => {
    const police = await pageAs('praevention@pd-chemnitz.demo');
    await police.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kriminalstatistik' }).click();
    await expect.poll(() => h1(police).textContent()).toBe('Polizeiliche Kriminalstatistik');
    await expect.poll(() => police.locator('main').textContent()).toContain('Erzgebirgskreis');
    await expectAccessible(police);
    const header = 'AGS;Jahr;Schlüssel;Straftat;Fälle;aufgeklärte Fälle;Tatverdächtige';
    await police.getByLabel('Version', { exact: true }).fill('Lieferung 02.2024');
    await police.getByLabel('CSV-Datei').setInputFiles({ name: 'kaputt.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n14521550;2023;------;Straftaten insgesamt;viele;1;1\n14612000;2023;------;Straftaten insgesamt;5;1;1\n`) });
    await police.getByRole('button', { name: 'Einspielen' }).click();
    await expect.poll(() => police.locator('.alert.error').textContent()).toContain('2 fehlerhafte Zeile(n)');
    expect(await police.locator('.alert.error').textContent()).toContain('Zeile 3');
    await expectAccessible(police);
    await police.getByLabel('CSV-Datei').setInputFiles({ name: 'pd-chemnitz-2023.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n14521550;2023;------;Straftaten insgesamt;702;451;380\n14521550;2023;674000;Sachbeschädigung;131;40;33\n`) });
    await police.getByRole('button', { name: 'Einspielen' }).click();
    await expect.poll(() => police.locator('.alert.success').textContent()).toContain('2 Zeilen übernommen');
    await police.getByLabel('Gemeinde hinzufügen (Name oder AGS)').fill('Schwarzenberg');
    await police.getByRole('button', { name: /Hinzufügen: Schwarzenberg/ }).click();
    await expect.poll(() => police.locator('main').textContent()).toContain('im Vergleich mit Erzgebirgskreis und Sachsen');
    const row2023 = police.getByRole('row', { name: /^2023/ });
    await expect.poll(() => row2023.textContent()).toContain('702');
    await expectAccessible(police);
  });

  let analyst: Page;
  let analysisUrl = '';
  it('the analyst rakes the completed analysis to Ortsteil, age and sex and reads the methods figures', async () => {
    analyst = await pageAs('analyse@institut.demo');
    await analyst.goto(`${e.baseUrl}/analysen`);
    await analyst.getByRole('link', { name: /Sicherheitsanalyse Schwarzenberg 2022/ }).click();
    await expect.poll(() => h1(analyst).textContent()).toMatch(/Schwarzenberg 2022/);
    analysisUrl = analyst.url();
    await analyst.getByRole('link', { name: 'Gewichtung', exact: true }).first().click();
    await expect.poll(() => h1(analyst).textContent()).toMatch(/^Gewichtung/);
    await expect.poll(() => analyst.locator('main').textContent()).toContain('Ergebnis der Gewichtung');
    await expectAccessible(analyst);
    await analyst.getByRole('checkbox', { name: 'Ortsteil' }).check();
    await analyst.getByLabel('Mindestzahl Antworten je ausgewiesenem Wert').fill('15');
    await analyst.getByRole('button', { name: 'Gewichtung berechnen' }).click();
    await expect.poll(() => analyst.locator('main').textContent()).toContain('Randverteilung Ortsteil');
    expect(await analyst.locator('main').textContent()).toMatch(/konvergiert: ja/);
    await expectAccessible(analyst);
  });

  it('reads the findings: shares with intervals, suppressed cells, fear place clusters, crime and the other wave', async () => {
    await analyst.goto(`${analysisUrl}/ergebnisse`);
    await expect.poll(() => h1(analyst).textContent()).toMatch(/^Ergebnisse der Sicherheitsanalyse Schwarzenberg/);
    const main = analyst.locator('main');
    await expect.poll(() => main.textContent()).toContain('Nachts unsicher nach Ortsteil');
    const text = (await main.textContent())!;
    expect(text).toContain('95-%-Konfidenzintervall');
    expect(text).toContain('weniger als 15 Antworten');
    expect(text).toContain('Angsträume mit Gründen und Tageszeit');
    expect(text).toContain('Straftaten insgesamt 2023'); // the police's import above is the latest year
    expect(text).toContain('Vergleich mit Sicherheitsanalyse Schwarzenberg 2026');
    await analyst.locator('.cluster-map canvas').waitFor();
    await expectAccessible(analyst);
  });

  it('writes a recommendation that the commune then prioritises', async () => {
    await analyst.goto(`${analysisUrl}/empfehlungen`);
    await expect.poll(() => h1(analyst).textContent()).toMatch(/^Handlungsempfehlungen/);
    await expect.poll(() => analyst.locator('main').textContent()).toContain('Beleuchtung am Bahnhof');
    await analyst.getByLabel('Titel').last().fill('Schulwegbegleitung in der Heide');
    await analyst.getByLabel('Beschreibung').last().fill('Ehrenamtliche begleiten Kinder morgens auf dem Schulweg durch die Heide.');
    await analyst.getByLabel('Handlungsfeld').last().selectOption({ label: 'Kinder- und Jugendschutz' });
    await analyst.getByLabel('Bezug zu Ergebnissen').last().selectOption({ label: 'Nachts allein in der Wohngegend unsicher' });
    await expectAccessible(analyst);
    await analyst.getByRole('button', { name: 'Empfehlung anlegen' }).click();
    await expect.poll(() => analyst.locator('.alert.success').textContent()).toContain('Angelegt: Schulwegbegleitung in der Heide');

    const commune = await pageAs('koordination@schwarzenberg.demo');
    await commune.goto(`${analysisUrl}/empfehlungen`);
    const card = commune.getByRole('article', { name: 'Schulwegbegleitung in der Heide' });
    await card.waitFor();
    // By keyboard only: arrow keys in the selects, Tab to the button, Enter.
    await card.getByLabel('Stand', { exact: true }).focus();
    await commune.keyboard.press('ArrowDown');
    expect(await card.getByLabel('Stand', { exact: true }).inputValue()).toBe('priorisiert');
    await card.getByLabel('Priorität').focus();
    await commune.keyboard.press('ArrowUp');
    expect(await card.getByLabel('Priorität').inputValue()).toBe('hoch');
    await commune.keyboard.press('Tab');
    await commune.keyboard.press('Tab');
    await commune.keyboard.press('Tab');
    expect(await commune.evaluate(() => document.activeElement?.textContent)).toBe('Stand speichern');
    await commune.keyboard.press('Enter');
    await expect.poll(() => commune.locator('.alert.success').textContent()).toContain('Stand gespeichert');
    await expect.poll(() => commune.getByRole('article', { name: 'Schulwegbegleitung in der Heide' }).textContent()).toContain('Stand: priorisiert');
    await expectAccessible(commune);
  });

  it('generates the report in the background and downloads PDF and DOCX', async () => {
    await analyst.goto(`${analysisUrl}/bericht`);
    await expect.poll(() => h1(analyst).textContent()).toBe('Sicherheitsanalyse Schwarzenberg/Erzgeb. 2022');
    await expect.poll(() => analyst.locator('main').textContent()).toContain('Interpretationshilfe für Ratsmitglieder');
    // The analysis is completed: the page shows the stored version, without the recommendation written since.
    expect(await analyst.locator('main').textContent()).not.toContain('Schulwegbegleitung in der Heide');
    await expectAccessible(analyst);
    const before = await analyst.getByRole('link', { name: /als PDF/ }).count();
    await analyst.getByRole('button', { name: 'Bericht neu erzeugen' }).click();
    await expect.poll(() => analyst.getByRole('link', { name: /als PDF/ }).count(), { timeout: 60_000 }).toBe(before + 1);
    await expect.poll(() => analyst.locator('main').textContent()).toContain('Schulwegbegleitung in der Heide');
    const [pdf] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: /als PDF/ }).first().click()]);
    expect(pdf.suggestedFilename()).toMatch(/^sicherheitsanalyse-sa-schwarzenberg-2022-fassung-\d+-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect((await bytes(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    const [docx] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: /als Word/ }).first().click()]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect((await bytes(docx)).subarray(0, 2).toString()).toBe('PK');
    await expectAccessible(analyst);
  });
});
