import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, pageAs as openPage, shot, startE2E, type E2E } from './browser.js';
import { login } from '../test/helpers.js';
import { webModules } from '../src/web/app/modules.js';
import { DEMO_USERS } from '../src/modules/auth/seed-demo-users.js';
import { DEMO_ANALYSIS_CODE, DEMO_FIRST_WAVE_CODE } from '../src/modules/surveys/seed-demo.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const SCHWARZENBERG = '14521550';

/** Every page of the app: the shell's own pages and each web module's routes (new routes are covered automatically). */
const SHELL_ROUTES = [{ path: '', ability: undefined }, { path: 'datenquellen', ability: undefined }];
const ROUTES = [...SHELL_ROUTES, ...webModules.flatMap((m) => m.routes.map(({ path, ability }) => ({ path, ability })))];

/** Which demo user opens a page that needs an ability: the first of these who has it. */
const PREFERRED_USERS = ['referentin@lpr.demo', 'admin@lpr.demo', 'koordination@schwarzenberg.demo', 'praevention@pd-chemnitz.demo',
  'coach@institut-b3.demo', 'kpr@schwarzenberg.demo', 'analyse@institut.demo'];

interface Ids { agreement: string; coaching: string; analysisInField: string; analysisCompleted: string; council: string; body: string; meetings: string[]; reports: string[] }
/** Real parameters from the demo data for each route with parameters; a new parameterised route needs an entry here. */
const FIXTURES: Record<string, (ids: Ids) => string[]> = {
  'gemeinden/:ags': () => [`gemeinden/${SCHWARZENBERG}`],
  'gemeinden/:ags/bilanz': () => [`gemeinden/${SCHWARZENBERG}/bilanz`],
  'vereinbarungen/:id': (ids) => [`vereinbarungen/${ids.agreement}`],
  'coaching/:id': (ids) => [`coaching/${ids.coaching}`],
  'analysen/:id': (ids) => [`analysen/${ids.analysisInField}`, `analysen/${ids.analysisCompleted}`],
  'analysen/:id/fragebogen': (ids) => [`analysen/${ids.analysisInField}/fragebogen`],
  'analysen/:id/stichprobe': (ids) => [`analysen/${ids.analysisInField}/stichprobe`],
  'analysen/:id/papier': (ids) => [`analysen/${ids.analysisInField}/papier`],
  'analysen/:id/ergebnisse': (ids) => [`analysen/${ids.analysisCompleted}/ergebnisse`],
  'analysen/:id/gewichtung': (ids) => [`analysen/${ids.analysisCompleted}/gewichtung`],
  'analysen/:id/empfehlungen': (ids) => [`analysen/${ids.analysisCompleted}/empfehlungen`],
  'analysen/:id/bericht': (ids) => [`analysen/${ids.analysisCompleted}/bericht`],
  'praeventionsraete/:id': (ids) => [`praeventionsraete/${ids.council}`],
  'praeventionsraete/:id/gremien/:bodyId': (ids) => [`praeventionsraete/${ids.council}/gremien/${ids.body}`],
  'praeventionsraete/:id/sitzungen/:meetingId': (ids) => ids.meetings.map((m) => `praeventionsraete/${ids.council}/sitzungen/${m}`),
  'praeventionsraete/:id/beschluesse': (ids) => [`praeventionsraete/${ids.council}/beschluesse`],
  'praeventionsraete/:id/berichte': (ids) => [`praeventionsraete/${ids.council}/berichte`],
  'praeventionsraete/:id/berichte/:reportId': (ids) => ids.reports.map((r) => `praeventionsraete/${ids.council}/berichte/${r}`),
  'kpr/:id': (ids) => [`kpr/${ids.council}`],
  'kpr/:id/sitzungen/:meetingId': (ids) => ids.meetings.map((m) => `kpr/${ids.council}/sitzungen/${m}`),
};
/** Pages some role sees differently enough to be checked as that role too. */
const EXTRA_VISITS: [email: string | null, path: string][] = [
  ...DEMO_USERS.map((u) => [u.email, ''] as [string, string]),
  ['koordination@schwarzenberg.demo', `gemeinden/${SCHWARZENBERG}`],
  ['koordination@schwarzenberg.demo', `gemeinden/${SCHWARZENBERG}/bilanz`],
  ['kpr@schwarzenberg.demo', 'praeventionsrat'],
];

let e: E2E;
let ids: Ids;
const abilities = new Map<string, string[]>();
const pages = new Map<string | null, Promise<Page>>();
/** One signed-in browser page per user (signing in by keyboard costs a few seconds). */
const pageFor = (email: string | null) => {
  if (!pages.has(email)) pages.set(email, openPage(e, email));
  return pages.get(email)!;
};

beforeAll(async () => {
  e = await startE2E();
  const get = async <T>(email: string, url: string) => {
    const s = await login(e.t.app, email);
    const res = await e.t.app.inject({ url, headers: s.headers });
    expect(res.statusCode, url).toBe(200);
    return res.json() as T;
  };
  for (const { email } of DEMO_USERS) abilities.set(email, (await get<{ user: { abilities: string[] } }>(email, '/api/auth/session')).user.abilities);
  const analyses = (await get<{ items: { id: string; code: string }[] }>('referentin@lpr.demo', '/api/analyses')).items;
  ids = {
    agreement: (await get<{ items: { id: string }[] }>('referentin@lpr.demo', '/api/agreements')).items[0]!.id,
    coaching: (await get<{ items: { id: string }[] }>('referentin@lpr.demo', '/api/coaching')).items[0]!.id,
    analysisInField: analyses.find((a) => a.code === DEMO_ANALYSIS_CODE)!.id,
    analysisCompleted: analyses.find((a) => a.code === DEMO_FIRST_WAVE_CODE)!.id,
    ...(await councilIds(get)),
  };
});
afterAll(async () => { await e?.close(); });

/** Schwarzenberg's council: a working group, its latest held meeting and the next one, its published report and its draft. */
async function councilIds(get: <T>(email: string, url: string) => Promise<T>) {
  const council = (await get<{ items: { id: string; code: string }[] }>('referentin@lpr.demo', '/api/councils?q=Schwarzenberg')).items.find((c) => c.code === 'kpr-schwarzenberg')!.id;
  const detail = await get<{ bodies: { id: string; kind: string }[] }>('referentin@lpr.demo', `/api/councils/${council}`);
  const meetings = (await get<{ items: { id: string; state: string; startsAt: string }[] }>('referentin@lpr.demo', `/api/councils/${council}/meetings`)).items;
  const held = meetings.filter((m) => m.state === 'durchgefuehrt').at(-1)!;
  const next = meetings.find((m) => m.state === 'eingeladen')!;
  const reports = (await get<{ items: { id: string }[] }>('referentin@lpr.demo', `/api/councils/${council}/reports`)).items.map((r) => r.id);
  return { council, body: detail.bodies.find((b) => b.kind !== 'plenum')!.id, meetings: [held.id, next.id], reports };
}

const userFor = (ability: string | undefined) => ability ? PREFERRED_USERS.find((u) => abilities.get(u)?.includes(ability)) : null;
const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** Opens `path` and waits until the page has its title and nothing is loading any more. */
async function open(page: Page, path: string) {
  await page.goto(`${e.baseUrl}/${path}`, { waitUntil: 'networkidle' });
  await expect.poll(() => h1(page).first().textContent(), { timeout: 15_000 }).toMatch(/\S/);
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Wird geladen' }).count(), { timeout: 15_000 }).toBe(0);
}

/**
 * What sticks out to the right of the viewport: the document itself, and every element or line of text that
 * reaches past the viewport outside a scroll region (an ancestor that clips or scrolls), and content wider than
 * its card. Only the outermost offenders are listed, as readable descriptions.
 */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`document is ${document.documentElement.scrollWidth}px wide`);
    const clips = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const inScroller = (el: Element) => { for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (clips(a)) return true; return false; };
    const offenders = new Map<Element, number>();
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && el.checkVisibility() && !inScroller(el)) offenders.set(el, r.right);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || offenders.has(el) || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1 && !inScroller(el) && !clips(el)) offenders.set(el, r.right);
    }
    // Content sticking out of a card (a figure tile, a record) even where the page itself is wide enough.
    for (const card of document.querySelectorAll('.card, .tiles li, .figure-tiles li')) {
      if (card.checkVisibility() && !inScroller(card) && !clips(card) && card.scrollWidth > card.clientWidth + 1) {
        found.push(`content of ${card.tagName.toLowerCase()}.${card.className.trim().split(/\s+/).join('.')} "${(card.textContent ?? '').trim().slice(0, 40)}" is ${card.scrollWidth}px wide in ${card.clientWidth}px`);
      }
    }
    for (const [el, right] of offenders) {
      let outer = true;
      for (let a = el.parentElement; a && outer; a = a.parentElement) if (offenders.has(a)) outer = false;
      if (!outer) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      found.push(`${name} "${(el.textContent ?? '').trim().slice(0, 40)}" reaches ${Math.round(right)}px`);
    }
    return found;
  });
}

const slug = (route: string) => route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'start';

async function checkPage(email: string | null, path: string, route = path) {
  const page = await pageFor(email);
  const problems: string[] = [];
  await page.setViewportSize(PHONE);
  await open(page, path);
  problems.push(...(await overflow(page)).map((p) => `390px: ${p}`));
  await shot(page, `phone-${slug(route)}-${email ? email.split('@')[0] : 'public'}-phone`);
  try { await expectAccessible(page); } catch (err) { problems.push(`axe at 390px: ${(err as Error).message}`); }
  await page.setViewportSize(DESKTOP);
  await expect.poll(() => page.evaluate(() => document.documentElement.clientWidth)).toBe(DESKTOP.width);
  problems.push(...(await overflow(page)).map((p) => `1280px: ${p}`));
  expect(problems, `/${path} as ${email ?? 'anonymous'}`).toEqual([]);
}

describe('every page at 390 px and 1280 px: no horizontal overflow, axe clean', () => {
  it('every route with parameters has demo-data fixtures', () => {
    const missing = ROUTES.filter((r) => r.path.includes(':') && !FIXTURES[r.path]).map((r) => r.path);
    expect(missing).toEqual([]);
    const unknown = Object.keys(FIXTURES).filter((k) => !ROUTES.some((r) => r.path === k));
    expect(unknown).toEqual([]);
  });

  for (const route of ROUTES) {
    it(`/${route.path}${route.ability ? ` (${route.ability})` : ''}`, async () => {
      const email = userFor(route.ability);
      expect(email, `no demo user has ${route.ability}`).not.toBeUndefined();
      const paths = route.path.includes(':') ? FIXTURES[route.path]!(ids) : [route.path === 'passwort-neu' ? 'passwort-neu?token=x' : route.path];
      for (const [i, path] of paths.entries()) await checkPage(email ?? null, path, paths.length > 1 ? `${route.path}-${i + 1}` : route.path);
    });
  }

  for (const [email, path] of EXTRA_VISITS) it(`/${path} as ${email}`, () => checkPage(email, path));
});

describe('keyboard', () => {
  it('phone: the menu button opens and closes the navigation by keyboard; Escape returns focus to it', async () => {
    const page = await pageFor('referentin@lpr.demo');
    await page.setViewportSize(PHONE);
    await open(page, 'gemeinden');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const menu = page.getByRole('button', { name: 'Menü' });
    await shot(page, 'phone-nav-closed-phone');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: 'Kennzahlen' }).isVisible()).toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('true');
    expect(await page.locator(`#${await menu.getAttribute('aria-controls')}`).count()).toBe(1);
    await expect.poll(() => nav.getByRole('link', { name: 'Kennzahlen' }).isVisible()).toBe(true);
    await shot(page, 'phone-nav-open-phone');
    await expectAccessible(page);
    expect(await overflow(page)).toEqual([]);
    // Tab goes from the button straight into the menu; Escape closes it and returns to the button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Hauptnavigation');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Menü/);
    // Following a link closes the menu and moves focus to the new page's heading.
    await page.keyboard.press('Enter');
    await nav.getByRole('link', { name: 'Kennzahlen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe('Kennzahlen der Allianz');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('desktop: the navigation is one visible list without a menu button', async () => {
    const page = await pageFor('admin@lpr.demo');
    await page.setViewportSize(DESKTOP);
    await open(page, 'kennzahlen');
    await shot(page, 'phone-nav-desktop');
    expect(await page.getByRole('button', { name: 'Menü' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Kennzahlen' }).isVisible()).toBe(true);
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`${viewport.width}px: after a fresh load Tab reaches the skip link and the navigation; after a client-side move the heading has focus and the navigation is one Shift+Tab away`, async () => {
      const page = await pageFor(null);
      await page.setViewportSize(viewport);
      await open(page, 'kennzahlen');
      expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
      const reached: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        reached.push(await page.evaluate(() => `${document.activeElement?.closest('nav')?.getAttribute('aria-label') ?? ''}|${document.activeElement?.textContent ?? ''}`));
      }
      expect(reached.some((r) => (viewport === PHONE ? /^\|\W*Menü$/.test(r) : r === 'Hauptnavigation|Karte')), reached.join(', ')).toBe(true);
      // Client-side navigation: the footer link to the data sources.
      await page.getByRole('link', { name: 'Datenquellen' }).click();
      await expect.poll(() => h1(page).textContent()).toBe('Datenquellen');
      await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      await page.keyboard.press('Shift+Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('header')?.className)).toBe('site');
      // The skip link still leads past the header to the content.
      await page.keyboard.press('Shift+Tab');
      for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.classList.contains('skip-link'))); i++) await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    });
  }

  it('Escape closes the map card and returns focus to the button that opened it', async () => {
    const page = await pageFor(null);
    await page.setViewportSize(PHONE);
    await open(page, 'karte');
    await page.locator('.maplibregl-canvas').waitFor();
    const opener = page.getByRole('button', { name: 'Dippoldiswalde, Stadt: Karte öffnen' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const card = page.locator('.map-card');
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Dippoldiswalde, Stadt');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Dippoldiswalde, Stadt');
    await shot(page, 'phone-map-card-phone');
    await page.keyboard.press('Escape');
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Legende');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Dippoldiswalde, Stadt: Karte öffnen');
    // The close button returns focus the same way.
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('Dippoldiswalde, Stadt');
    await card.getByRole('button', { name: 'Karte schließen' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Dippoldiswalde, Stadt: Karte öffnen');
  });
});
