import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { login, type Session } from '../test/helpers.js';
import { pdfText } from '../src/modules/alliance/tests/pdf-text.js';
import { eq } from 'drizzle-orm';
import { councilMeetings, councils } from '../src/modules/councils/schema.js';

/**
 * The councils' journey in the browser: the coordinator founds a council, adds a working group and members,
 * schedules a meeting with public and non-public items; the members get the invitation (.eml with .ics);
 * attendance, minutes, a decision with a vote and an owner; the owner marks it done; the public page, the
 * public calendar and OParl show only the public parts; the annual report downloads as PDF and DOCX. Every new
 * page is checked with axe and at 390 px.
 */
let e: E2E;
let coordinator: Session;
beforeAll(async () => {
  e = await startE2E();
  // The demo data already holds Schwarzenberg's council (kpr-schwarzenberg); this journey founds it, so it starts
  // from before that council existed: the demo council is removed and its key freed.
  await e.t.database.db.update(councils).set({ deletedAt: new Date(), code: 'kpr-schwarzenberg-demo' }).where(eq(councils.code, 'kpr-schwarzenberg'));
  coordinator = await login(e.t.app, 'koordination@schwarzenberg.demo');
});
afterAll(async () => { await e?.close(); });
const pageAs = (email: string | null) => openPage(e, email);
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const main = (page: Page) => page.locator('main');

/** At 390 px wide nothing scrolls sideways, and the page stays accessible. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => [...document.querySelectorAll('body *')].filter((el) => (el.getBoundingClientRect().right > 391 || el.scrollWidth > el.clientWidth + 1) && !el.closest('.table-wrap') && getComputedStyle(el).overflowX === 'visible')
    .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${Math.round(el.getBoundingClientRect().right)} ${(el.textContent ?? '').slice(0, 40)}`));
  await expect.poll(overflow).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await shot(page, `councils-${name}-phone`);
  await page.setViewportSize({ width: 1280, height: 900 });
}
/** Axe on the desktop layout, a screenshot, then the phone check. */
async function checkPage(page: Page, name: string) {
  await expectAccessible(page);
  await shot(page, `councils-${name}-desktop`);
  await fitsPhone(page, name);
}
const download = async (page: Page, link: string) => {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link, exact: true }).click()]);
  const chunks: Buffer[] = [];
  for await (const c of await file.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const docxText = async (buf: Buffer) => {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join(' ');
};
/** The focused element is the action's message (errors and outcomes take the focus, next to the action). */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.closest('.action-status')?.textContent ?? '');
const focusedRole = (page: Page) => page.evaluate(() => document.activeElement?.closest('.action-status')?.getAttribute('role') ?? '');

/** Chooses the option whose text matches `pattern` (options that carry more than the name, e.g. the organisation). */
async function selectMatching(select: Locator, pattern: RegExp) {
  await expect.poll(async () => (await select.locator('option').allTextContents()).some((x) => pattern.test(x))).toBe(true);
  const label = (await select.locator('option').allTextContents()).find((x) => pattern.test(x))!;
  await select.selectOption({ label });
}

/** The MIME parts of a raw .eml (nested multiparts flattened), each with its content type and decoded text. */
function mimeParts(raw: string): { type: string; filename: string; text: string }[] {
  const headEnd = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, headEnd).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(headEnd).replace(/^\r?\n\r?\n/, '');
  const type = /^content-type:\s*([^;\s]+)/im.exec(head)?.[1]?.toLowerCase() ?? 'text/plain';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    return body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).flatMap((p) => mimeParts(p.replace(/^\r?\n/, '')));
  }
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  const filename = /(?:file)?name="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : encoding === 'quoted-printable' ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
      : body;
  return [{ type, filename, text }];
}
const outbox = () => readdirSync(e.t.outboxDir).sort().map((f) => readFileSync(join(e.t.outboxDir, f), 'utf8'));
const subjectOf = (raw: string) => {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, '').replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, s: string) => (enc.toLowerCase() === 'b' ? Buffer.from(s, 'base64').toString('utf8')
    : Buffer.from(s.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'))).replace(/\?=\s+=\?/g, '');
};

const inDays = (n: number) => { const d = new Date(); d.setDate(d.getDate() + n); return d; };
const localInput = (d: Date, hh: number) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}T${String(hh).padStart(2, '0')}:00`;
const isoDate = (d: Date) => localInput(d, 0).slice(0, 10);

const PUBLIC_ITEM = 'Sicherheitslage am Bahnhofsvorplatz';
const SECRET_ITEM = 'Personalangelegenheit Streetwork';
const PUBLIC_DECISION = 'Die Stadt prüft bis zum Frühjahr eine bessere Beleuchtung des Bahnhofsvorplatzes.';
const SECRET_DECISION = 'Die Streetwork-Stelle wird intern nachbesetzt.';
const PUBLIC_MINUTES = 'Die Polizei berichtet über weniger Sachbeschädigungen seit dem Sommer.';
const SECRET_MINUTES = 'Vertraulich: Bewerbungslage für die Streetwork-Stelle.';
const SECRETS = [SECRET_ITEM, SECRET_DECISION, SECRET_MINUTES, 'Bernd Verborgen'];

describe('a council from founding to the annual report', () => {
  let councilId = '';
  let councilName = '';
  let meetingPath = '';

  it('the coordinator founds the council (the error stands next to the action and takes the focus)', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Präventionsräte' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Kommunale Präventionsräte');
    await checkPage(page, 'list');
    await page.getByRole('button', { name: 'Präventionsrat gründen' }).click();
    const form = page.getByRole('form', { name: 'Präventionsrat gründen' });
    await form.getByRole('button', { name: 'Präventionsrat anlegen' }).click();
    await expect.poll(() => focusedText(page)).toMatch(/Gemeinde|Name des Rates/);
    await expectAccessible(page);
    await form.getByLabel('Gemeinde hinzufügen').fill('Schwarzenberg');
    await form.getByRole('button', { name: /Schwarzenberg\/Erzgeb\., Stadt/ }).click();
    expect(await form.getByLabel('Name des Rates').inputValue()).toBe('Kommunaler Präventionsrat Schwarzenberg/Erzgeb., Stadt');
    await form.getByLabel('Name des Rates').fill('Kommunaler Präventionsrat Schwarzenberg');
    await form.getByLabel('Kurzname').fill('KPR Schwarzenberg');
    // The key the demo member's account (kpr@schwarzenberg.demo) is granted.
    await form.getByLabel('Kennung (freiwillig)').fill('kpr-schwarzenberg');
    await form.getByRole('button', { name: 'Präventionsrat anlegen' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Kommunaler Präventionsrat Schwarzenberg');
    councilName = 'Kommunaler Präventionsrat Schwarzenberg';
    councilId = /\/praeventionsraete\/([^/]+)$/.exec(new URL(page.url()).pathname)![1]!;
    expect(await main(page).textContent()).toContain('Der Präventionsrat „Kommunaler Präventionsrat Schwarzenberg“ wurde angelegt.');
    expect(await main(page).textContent()).not.toContain('14521550');
    await checkPage(page, 'council');
  });

  it('adds a working group and members (one consents to being named publicly, one does not)', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}/praeventionsraete/${councilId}`);
    await expect.poll(() => h1(page).textContent()).toBe(councilName);
    const body = page.getByRole('form', { name: 'Gremium hinzufügen' });
    await body.getByRole('button', { name: 'Gremium anlegen' }).click();
    await expect.poll(() => focusedText(page)).toContain('Art des Gremiums');
    await body.getByLabel('Art des Gremiums').selectOption({ label: 'Arbeitsgruppe' });
    await body.getByLabel('Name des Gremiums').fill('AG Sichere Innenstadt');
    await body.getByRole('button', { name: 'Gremium anlegen' }).click();
    await expect.poll(() => focusedText(page)).toBe('Das Gremium „AG Sichere Innenstadt“ wurde angelegt.');
    const person = page.getByRole('form', { name: 'Person hinzufügen' });
    for (const p of [
      { given: 'Karla', family: 'Ratsmitglied', org: 'Stadtverwaltung Schwarzenberg', email: 'kpr@schwarzenberg.demo', consent: true },
      { given: 'Bernd', family: 'Verborgen', org: 'Polizeirevier Aue', email: 'bernd.verborgen@polizei.example', consent: false },
    ]) {
      await person.getByLabel('Vorname').fill(p.given);
      await person.getByLabel('Nachname').fill(p.family);
      await person.getByLabel('Organisation', { exact: true }).fill(p.org);
      await person.getByLabel('E-Mail').fill(p.email);
      if (p.consent) await person.getByLabel('Einverständnis zur Veröffentlichung des Namens liegt vor').check();
      await person.getByRole('button', { name: 'Person anlegen' }).click();
      await expect.poll(() => focusedText(page)).toContain(`${p.given} ${p.family} wurde angelegt.`);
    }
    await expect.poll(() => page.locator('section[aria-labelledby="persons"] table').textContent()).toContain('Bernd Verborgen');
    // The list filters by name.
    await page.getByLabel('Nach Name oder Organisation filtern').fill('Karla');
    await expect.poll(() => page.locator('section[aria-labelledby="persons"] table').textContent()).not.toContain('Bernd Verborgen');
    await page.getByRole('link', { name: 'AG Sichere Innenstadt' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('AG Sichere Innenstadt');
    const member = page.getByRole('form', { name: 'Mitglied aufnehmen' });
    for (const name of ['Karla Ratsmitglied', 'Bernd Verborgen']) {
      await selectMatching(member.getByLabel('Person'), new RegExp(`^${name}`));
      await member.getByLabel('Mitglied seit').fill(isoDate(inDays(-30)));
      await member.getByRole('button', { name: 'Aufnehmen' }).click();
      await expect.poll(() => focusedText(page)).toBe(`${name} ist jetzt Mitglied von „AG Sichere Innenstadt“.`);
    }
    await expect.poll(() => page.locator('section[aria-labelledby="members"] table').textContent()).toContain('Bernd Verborgen');
    await checkPage(page, 'body');
  });

  it('schedules a meeting with a public and a non-public item and invites the members (.eml with .ics)', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}/praeventionsraete/${councilId}`);
    await page.getByRole('link', { name: 'AG Sichere Innenstadt' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('AG Sichere Innenstadt');
    const form = page.getByRole('form', { name: 'Sitzung planen' });
    await form.getByLabel('Titel der Sitzung').fill('Arbeitssitzung Innenstadt');
    await form.getByLabel('Beginn').fill(localInput(inDays(10), 17));
    await form.getByLabel('Ende').fill(localInput(inDays(10), 19));
    await form.getByLabel('Ort', { exact: true }).fill('Rathaus Schwarzenberg');
    await form.getByLabel('Raum').fill('Ratssaal');
    await form.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Arbeitssitzung Innenstadt');
    meetingPath = new URL(page.url()).pathname;
    const agenda = page.getByRole('form', { name: 'Tagesordnungspunkt hinzufügen' });
    await agenda.getByLabel('Titel des Tagesordnungspunktes').fill(PUBLIC_ITEM);
    await agenda.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect.poll(() => focusedText(page)).toBe(`Der Tagesordnungspunkt „${PUBLIC_ITEM}“ wurde hinzugefügt.`);
    await expect.poll(() => agenda.getByLabel('Nummer des Tagesordnungspunktes').inputValue()).toBe('2');
    await agenda.getByLabel('Titel des Tagesordnungspunktes').fill(SECRET_ITEM);
    await agenda.getByLabel('Öffentlich').uncheck();
    await agenda.getByRole('button', { name: 'Hinzufügen' }).click();
    await expect.poll(() => focusedText(page)).toBe(`Der Tagesordnungspunkt „${SECRET_ITEM}“ wurde hinzugefügt.`);
    const items = page.locator('ol.agenda > li');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(1).textContent()).toContain('nicht öffentlich');
    // The public item gets its paper (Vorlage).
    await page.getByRole('button', { name: `Vorlage zu „${PUBLIC_ITEM}“ anlegen` }).click();
    const paper = page.getByRole('form', { name: `Vorlage zu „${PUBLIC_ITEM}“ anlegen` });
    await paper.getByLabel('Vorlagennummer').fill('KPR-V 3/2026');
    await paper.getByRole('button', { name: 'Vorlage anlegen' }).click();
    await expect.poll(() => focusedText(page)).toBe(`Die Vorlage „${PUBLIC_ITEM}“ wurde angelegt.`);
    await expect.poll(() => items.nth(0).textContent()).toContain(`Beschlussvorlage KPR-V 3/2026: ${PUBLIC_ITEM}`);
    await checkPage(page, 'meeting-agenda');

    const before = outbox().length;
    await page.getByRole('button', { name: 'Einladung versenden' }).click();
    await expect.poll(() => focusedText(page)).toBe('Die Einladung wurde an 2 Personen versendet (mit Kalendereintrag).');
    await expect.poll(() => outbox().length).toBeGreaterThanOrEqual(before + 2);
    const mails = outbox().slice(before);
    for (const address of ['kpr@schwarzenberg.demo', 'bernd.verborgen@polizei.example']) {
      const raw = mails.find((m) => new RegExp(`^To: .*${address.replace(/\./g, '\\.')}`, 'm').test(m));
      expect(raw, address).toBeDefined();
      expect(subjectOf(raw!)).toContain('Arbeitssitzung Innenstadt');
      const parts = mimeParts(raw!);
      const ics = parts.find((p) => p.type === 'text/calendar' || p.filename.endsWith('.ics'));
      expect(ics, `${address}: a calendar part`).toBeDefined();
      expect(ics!.text).toContain('BEGIN:VEVENT');
      expect(ics!.text).toMatch(/METHOD:REQUEST/);
      expect(ics!.text.replace(/\r?\n[ \t]/g, '')).toContain('Arbeitssitzung Innenstadt');
      expect(parts.some((p) => p.filename.endsWith('.ics')), `${address}: an .ics attachment`).toBe(true);
      // Members see the whole agenda, the non-public item too.
      expect(parts.filter((p) => p.type === 'text/plain').map((p) => p.text).join('\n')).toContain(SECRET_ITEM);
    }
  });

  it('after the meeting: attendance, minutes, decisions (one with a vote and an owner); errors stand next to the action', async () => {
    const meetingId = meetingPath.split('/').pop()!;
    // The meeting takes place: the test moves it three days into the past instead of waiting for the clock.
    const startsAt = inDays(-3); startsAt.setHours(17, 0, 0, 0);
    await e.t.database.db.update(councilMeetings).set({ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) }).where(eq(councilMeetings.id, meetingId));
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}${meetingPath}`);
    await expect.poll(() => h1(page).textContent()).toBe('Arbeitssitzung Innenstadt');
    const attendance = page.getByRole('form', { name: 'Anwesenheit' });
    await attendance.getByLabel('Anwesenheit von Karla Ratsmitglied').selectOption({ label: 'anwesend' });
    await attendance.getByLabel('Anwesenheit von Bernd Verborgen').selectOption({ label: 'anwesend' });
    await attendance.getByRole('button', { name: 'Anwesenheit speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Die Anwesenheit wurde gespeichert.');
    await page.getByRole('button', { name: 'Als durchgeführt markieren' }).click();
    await expect.poll(() => focusedText(page)).toBe('Die Sitzung ist als durchgeführt vermerkt.');

    const minutes = page.getByRole('form', { name: 'Protokoll bearbeiten' });
    await minutes.getByLabel(`Protokoll zu TOP 1: ${PUBLIC_ITEM}`).fill(PUBLIC_MINUTES);
    await minutes.getByLabel(`Protokoll zu TOP 2: ${SECRET_ITEM}`).fill(SECRET_MINUTES);
    // Someone else saves the minutes in between: this page's version is stale, and the save is refused beside its button.
    const current = (await e.t.app.inject({ url: `/api/councils/${councilId}/meetings/${meetingId}`, headers: coordinator.headers })).json();
    const other = await e.t.app.inject({ method: 'PUT', url: `/api/councils/${councilId}/meetings/${meetingId}/minutes`, headers: coordinator.headers,
      payload: { general: 'Zwischenstand', items: [], minutesVersion: current.minutesVersion } });
    expect(other.statusCode, other.body).toBe(200);
    await minutes.getByRole('button', { name: 'Protokoll speichern' }).click();
    await expect.poll(() => focusedRole(page)).toBe('alert');
    expect(await minutes.locator('.action-status').textContent()).toMatch(/Protokoll/);
    await expectAccessible(page);
    await page.reload();
    await expect.poll(() => minutes.getByLabel('Allgemeines zum Protokoll').inputValue()).toBe('Zwischenstand');
    await minutes.getByLabel(`Protokoll zu TOP 1: ${PUBLIC_ITEM}`).fill(PUBLIC_MINUTES);
    await minutes.getByLabel(`Protokoll zu TOP 2: ${SECRET_ITEM}`).fill(SECRET_MINUTES);
    await minutes.getByRole('button', { name: 'Protokoll speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Das Protokoll wurde gespeichert.');

    const decision = page.getByRole('form', { name: 'Beschluss erfassen' });
    await decision.getByLabel('Tagesordnungspunkt').selectOption({ label: `TOP 1 ${PUBLIC_ITEM}` });
    await decision.getByLabel('Beschlussnummer').fill('AG-1/2026');
    await decision.getByLabel('Beschlusstext').fill(PUBLIC_DECISION);
    await decision.getByLabel('Abstimmung', { exact: true }).selectOption({ label: 'mit Abstimmung' });
    await decision.getByLabel('Ja-Stimmen').fill('5');
    await decision.getByLabel('Nein-Stimmen').fill('0');
    await decision.getByLabel('Enthaltungen').fill('1');
    await decision.getByLabel('In die Beschlusskontrolle aufnehmen (mit Verantwortlichen und Frist)').check();
    await decision.getByLabel('Verantwortlich', { exact: true }).selectOption({ label: 'Karla Ratsmitglied' });
    await decision.getByLabel('Zu erledigen bis').fill(isoDate(inDays(60)));
    await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
    // Six votes, but only two members with a vote were present.
    await expect.poll(() => focusedText(page)).toContain('nur 2 stimmberechtigte Mitglieder waren anwesend');
    expect(await decision.getByLabel('Ja-Stimmen').getAttribute('aria-invalid')).toBe('true');
    await decision.getByLabel('Ja-Stimmen').fill('1');
    await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Der Beschluss wurde erfasst.');
    await decision.getByLabel('Tagesordnungspunkt').selectOption({ label: `TOP 2 ${SECRET_ITEM}` });
    await decision.getByLabel('Beschlusstext').fill(SECRET_DECISION);
    await decision.getByLabel('Abstimmung', { exact: true }).selectOption({ label: 'einstimmig' });
    await decision.getByRole('button', { name: 'Beschluss speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Der Beschluss wurde erfasst.');
    const decisions = page.locator('section[aria-labelledby="decisions"]');
    await expect.poll(() => decisions.textContent()).toContain('beschlossen (1 Ja, 0 Nein, 1 Enthaltung)');
    expect(await decisions.textContent()).toContain('verantwortlich: Karla Ratsmitglied');
    expect(await decisions.textContent()).toContain(SECRET_DECISION);
    await checkPage(page, 'meeting');

    // The minutes are approved in the group's next meeting, once it has taken place.
    const next = await e.t.app.inject({ method: 'POST', url: `/api/councils/${councilId}/meetings`, headers: coordinator.headers,
      payload: { bodyId: current.bodyId, title: 'Folgesitzung Innenstadt', startsAt: inDays(-1).toISOString(), location: { description: 'Rathaus Schwarzenberg' } } });
    expect(next.statusCode, next.body).toBe(201);
    await page.goto(`${e.baseUrl}/praeventionsraete/${councilId}/sitzungen/${next.json().id}`);
    await expect.poll(() => h1(page).textContent()).toBe('Folgesitzung Innenstadt');
    await page.getByRole('button', { name: 'Als durchgeführt markieren' }).click();
    await expect.poll(() => focusedText(page)).toBe('Die Sitzung ist als durchgeführt vermerkt.');
    const approve = page.getByRole('button', { name: `Protokoll vom ${startsAt.toLocaleDateString('de-DE')} genehmigen` });
    await approve.click();
    await expect.poll(() => focusedText(page)).toBe(`Das Protokoll vom ${startsAt.toLocaleDateString('de-DE')} ist genehmigt.`);
    await page.goto(`${e.baseUrl}${meetingPath}`);
    await expect.poll(() => main(page).textContent()).toContain('Das Protokoll ist genehmigt. Genehmigt in der Sitzung vom');
  });

  it('the approved minutes download as PDF and DOCX, with the non-public items for members', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}${meetingPath}`);
    await expect.poll(() => main(page).textContent()).toContain('Das Protokoll ist genehmigt.');
    const pdf = pdfText(await download(page, 'Protokoll als PDF'));
    expect(pdf).toContain(PUBLIC_MINUTES);
    expect(pdf).toContain(SECRET_MINUTES);
    const docx = await docxText(await download(page, 'Protokoll als Word-Datei (DOCX)'));
    expect(docx).toContain(PUBLIC_DECISION);
  });

  it('the owner, a council member, finds the council in the navigation and marks the decision done', async () => {
    const page = await pageAs('kpr@schwarzenberg.demo');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Präventionsrat', exact: true }).click();
    await expect.poll(() => h1(page).textContent()).toBe(councilName);
    await page.getByRole('link', { name: 'Beschlusskontrolle' }).first().click();
    await expect.poll(() => h1(page).textContent()).toBe(`Beschlusskontrolle: ${councilName}`);
    const entry = page.locator('ul.decision-list > li', { hasText: PUBLIC_DECISION.slice(0, 60) });
    await expect.poll(() => entry.textContent()).toContain('Karla Ratsmitglied');
    const form = entry.getByRole('form');
    await form.getByLabel('Stand der Umsetzung').selectOption({ label: 'erledigt' });
    await form.getByLabel('Vermerk').fill('Zwei zusätzliche Leuchten sind installiert.');
    await form.getByRole('button', { name: 'Stand speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Der Stand „erledigt“ wurde gespeichert.');
    await expect.poll(() => entry.textContent()).toContain('Zwei zusätzliche Leuchten sind installiert.');
    await checkPage(page, 'decisions');
  });

  it('the public page and the public calendar show only the public parts', async () => {
    const page = await pageAs(null);
    await page.goto(`${e.baseUrl}/kpr`);
    await expect.poll(() => main(page).textContent()).toContain(councilName);
    await checkPage(page, 'public-list');
    await page.getByRole('link', { name: councilName }).click();
    await expect.poll(() => h1(page).textContent()).toBe(councilName);
    await expect.poll(() => main(page).textContent()).toContain('Karla Ratsmitglied');
    const text = (await main(page).textContent())!;
    expect(text).toContain('Arbeitssitzung Innenstadt');
    expect(text).toContain(PUBLIC_DECISION);
    for (const secret of SECRETS) expect(text, secret).not.toContain(secret);
    await checkPage(page, 'public-council');
    await page.getByRole('link', { name: 'Arbeitssitzung Innenstadt' }).click();
    await expect.poll(() => h1(page).textContent()).toBe('Arbeitssitzung Innenstadt');
    const meeting = (await main(page).textContent())!;
    expect(meeting).toContain(PUBLIC_ITEM);
    expect(meeting).toContain('Beschlussvorlage KPR-V 3/2026');
    expect(meeting).toContain(PUBLIC_MINUTES);
    for (const secret of SECRETS) expect(meeting, secret).not.toContain(secret);
    await checkPage(page, 'public-meeting');

    const ics = await e.t.app.inject({ url: `/api/public/councils/${councilId}/calendar.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body.replace(/\r?\n[ \t]/g, '')).toContain('Arbeitssitzung Innenstadt');
    for (const secret of SECRETS) expect(ics.body.replace(/\r?\n[ \t]/g, ''), secret).not.toContain(secret);
  });

  it('OParl 1.1 shows only the public parts', async () => {
    // Walk every object the council's Body links to (within the API) and look for the non-public parts. The demo has
    // some 30 councils, so the walk starts at this council's Body (the whole API is crawled by src/modules/councils/tests/oparl.test.ts).
    const list = (await e.t.app.inject({ url: '/oparl/v1.1/body?limit=500' })).json() as { data: { id: string; name: string }[] };
    const body = list.data.find((b) => b.name === councilName);
    expect(body, `an OParl Body named ${councilName}`).toBeDefined();
    const seen = new Set<string>();
    const queue = [new URL(body!.id).pathname];
    const bodies: string[] = [];
    while (queue.length && seen.size < 400) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      const res = await e.t.app.inject({ url });
      if (res.statusCode !== 200 || !res.headers['content-type']?.toString().includes('json')) continue;
      bodies.push(res.body);
      for (const m of res.body.matchAll(/"(https?:\/\/[^"]*?(\/oparl\/v1\.1[^"]*))"/g)) {
        const path = m[2]!.replace(/\\\//g, '/');
        if (!seen.has(path) && !/\.(pdf|docx|ics)(\?|$)/.test(path)) queue.push(path);
      }
    }
    const oparl = bodies.join('\n');
    expect(oparl).toContain('Arbeitssitzung Innenstadt');
    expect(oparl).toContain(PUBLIC_ITEM);
    for (const secret of SECRETS) expect(oparl, secret).not.toContain(secret);
  });

  it('the member’s own calendar feed lists their meeting', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}/praeventionsraete/${councilId}`);
    await page.getByRole('button', { name: 'Kalender-Link für Karla Ratsmitglied erzeugen' }).click();
    await expect.poll(() => focusedText(page)).toContain('Der persönliche Kalender-Link für Karla Ratsmitglied wurde erzeugt.');
    const url = new URL((await page.locator('.action-status code').textContent())!);
    const feed = await e.t.app.inject({ url: `${url.pathname}${url.search}` });
    expect(feed.statusCode).toBe(200);
    expect(feed.body.replace(/\r?\n[ \t]/g, '')).toContain('Arbeitssitzung Innenstadt');
    expect((await e.t.app.inject({ url: `${url.pathname.replace(/[^/]+$/, 'x'.repeat(20))}` })).statusCode).toBeGreaterThanOrEqual(400);
  });

  it('the annual report is edited and downloads as PDF and DOCX', async () => {
    const page = await pageAs('koordination@schwarzenberg.demo');
    await page.goto(`${e.baseUrl}/praeventionsraete/${councilId}`);
    await page.getByRole('link', { name: 'Präventionsberichte' }).click();
    await expect.poll(() => h1(page).textContent()).toBe(`Präventionsberichte: ${councilName}`);
    await checkPage(page, 'reports');
    const year = String(new Date().getFullYear());
    await page.getByLabel('Berichtsjahr').fill(year);
    await page.getByRole('button', { name: 'Bericht erstellen' }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Bericht bearbeiten' }).count()).toBe(1);
    const editor = page.getByRole('form', { name: 'Bericht bearbeiten' });
    const foreword = 'Ein Jahr mit einer neuen Arbeitsgruppe für die Innenstadt.';
    await editor.getByLabel('Vorwort').fill(foreword);
    await editor.getByRole('button', { name: 'Bericht speichern' }).click();
    await expect.poll(() => focusedText(page)).toBe('Der Bericht wurde gespeichert.');
    const pdf = pdfText(await download(page, 'Bericht als PDF'));
    expect(pdf).toContain(foreword);
    expect(pdf).toContain(PUBLIC_DECISION.slice(0, 40));
    const docx = await docxText(await download(page, 'Bericht als Word-Datei (DOCX)'));
    expect(docx).toContain(foreword);
    for (const secret of SECRETS.slice(0, 3)) expect(docx, secret).not.toContain(secret);
    await checkPage(page, 'report-editor');
    await page.getByRole('button', { name: 'Bericht veröffentlichen' }).click();
    await expect.poll(() => focusedText(page)).toBe('Der Bericht ist veröffentlicht.');
    const pub = await pageAs(null);
    await pub.goto(`${e.baseUrl}/kpr/${councilId}`);
    await expect.poll(() => main(pub).textContent()).toContain(`Bericht ${year} als PDF`);
  });

  it('the LPR administration invites a council member by picking the council by name', async () => {
    const page = await pageAs('admin@lpr.demo');
    await page.goto(`${e.baseUrl}/verwaltung/benutzer`);
    const form = page.getByRole('form', { name: 'Person einladen' });
    await form.waitFor();
    await form.getByLabel('E-Mail-Adresse').fill('neu.kpr@schwarzenberg.example');
    await form.getByLabel('Name', { exact: true }).fill('Nora Neumitglied');
    await form.getByLabel('Rolle 1').selectOption({ label: 'Mitglied Präventionsrat' });
    await form.getByLabel('Präventionsrat suchen').fill('Schwarzenberg');
    await form.getByRole('button', { name: `Wählen: ${councilName}` }).click();
    await expect.poll(() => form.locator('.chips').textContent()).toContain(councilName);
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Einladung senden' }).click();
    await expect.poll(() => focusedText(page)).toContain('neu.kpr@schwarzenberg.example');
    await expect.poll(() => main(page).locator('table').textContent()).toContain(`Mitglied Präventionsrat (${councilName})`);
    await fitsPhone(page, 'users-council-scope');
  });
});
