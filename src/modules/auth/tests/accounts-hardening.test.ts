import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, createTestDatabase, demoUser, loginAs, type TestApp } from '../../../../test/helpers.js';
import { DEMO_PASSWORD } from '../seed-demo-users.js';
import { buildCommuneUser } from './factories.js';
import { loginFailures } from '../schema.js';
import { addressDelayUnits, formatLockEnd, slowDownAddress, THROTTLE, throttleKeys } from '../throttle.js';
import { passwordWeakness } from '../password-policy.js';
import { safeReturnTo } from '../start-oidc-login.js';
import { keyedHash, serverSecret, serverSecrets } from '../../../server/secret.js';
import { loadConfig } from '../../../server/config.js';
import { buildPlatformApp as buildApp } from '../../../platform/app.js';
import { createMailer } from '../../../server/mail/mailer.js';

let t: TestApp;
// One delay unit of 1 ms: the slow-down is applied (and measured below) without making the suite slow.
beforeAll(async () => { t = await createTestApp({ LOGIN_SLOWDOWN_MS: '1' }); });
afterAll(async () => { await t?.close(); });

const linkToken = (body: string) => /passwort-neu\?token=([\w-]+)/.exec(body)![1]!;
const lastMailTo = (email: string) => t.mails().filter((m) => m.to === email).at(-1)!;
const loginFrom = (remoteAddress: string, email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, headers, payload: { email, password } });
const requestReset = (email: string) => t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
const confirmReset = (token: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password } });
const secret = () => serverSecret(t.database.db, t.config);

/** The app on a fresh, migrated but unseeded database (quick), optionally serving a web build from `webRoot`. */
async function bareApp(env: Record<string, string>, webRoot?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'asskomm-bare-'));
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', MAIL_OUTBOX_DIR: join(dir, 'outbox'), FILES_DIR: join(dir, 'files'), ...env });
  const database = await createTestDatabase();
  const app = await buildApp({ config, database, mailer: createMailer(config.mail), logger: false, webRoot });
  return { app, async close() { await app.close(); await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

describe('login throttling', () => {
  it('only slows an address down: after 35 failures for various accounts a correct password from it still gets in', async () => {
    const nat = '192.0.2.10';
    const accounts = [demoUser('lpr_staff').email, demoUser('commune').email, demoUser('police').email, 'niemand@lpr.demo'];
    for (let i = 0; i < 35; i++) {
      // at most 4 failures per known account (below the account lock), the rest for unknown addresses
      const email = i < 12 ? accounts[i % 3]! : `unbekannt-${i}@rathaus.demo`;
      expect((await loginFrom(nat, email, `falsch-${i}`)).statusCode).toBe(401);
    }
    // the address now waits 4 delay units before each attempt (30–39 failures), but is never refused
    const keys = throttleKeys(await secret(), 'x@y.demo', nat);
    expect(await slowDownAddress(t.database.db, keys, 1)).toBe(4);
    const ok = await loginFrom(nat, demoUser('coach').email, DEMO_PASSWORD);
    expect(ok.statusCode).toBe(200);
    expect((await loginFrom(nat, demoUser('lpr_staff').email, DEMO_PASSWORD)).statusCode).toBe(200);
    // another address is not slowed at all
    expect(await slowDownAddress(t.database.db, throttleKeys(await secret(), 'x@y.demo', '192.0.2.11'), 1)).toBe(0);
  });

  it('grows the address delay in steps and caps it', () => {
    expect([0, 9, 10, 19, 20, 30, 40, 1000].map(addressDelayUnits)).toEqual([0, 0, 1, 1, 2, 4, 8, 8]);
    expect(THROTTLE).toMatchObject({ windowMs: 15 * 60_000, perAccount: 5 });
  });

  it('locks an account after 5 failures, from every address, saying until when; a password reset lifts it', async () => {
    const { email, password } = await buildCommuneUser(t.app, '14523020');
    const start = Date.now();
    for (let i = 0; i < 5; i++) expect((await loginFrom('198.51.100.1', email, `falsch-${i}`)).statusCode).toBe(401);
    const before = Date.now();
    for (const address of ['198.51.100.1', '198.51.100.99']) {
      const res = await loginFrom(address, email, password);
      expect(res.statusCode).toBe(429);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.code).toBe('too_many_attempts');
      const until = new Date(body.lockedUntil);
      // the lock ends when the first of the five failures leaves the 15-minute window
      expect(until.getTime()).toBeGreaterThanOrEqual(start + THROTTLE.windowMs);
      expect(until.getTime()).toBeLessThanOrEqual(before + THROTTLE.windowMs);
      expect(body.detail).toContain(`bis ${formatLockEnd(until)} gesperrt`);
      expect(body.detail).toMatch(/bis (\d\d\.\d\d\.\d{4}, )?\d\d:\d\d Uhr gesperrt/);
      expect(body.detail).toContain('Passwort vergessen');
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
    }
    expect((await requestReset(email)).statusCode).toBe(202);
    expect((await confirmReset(linkToken(lastMailTo(email).body), 'Kriminalpraevention-im-Rat')).statusCode).toBe(204);
    expect((await loginFrom('198.51.100.1', email, 'Kriminalpraevention-im-Rat')).statusCode).toBe(200);
  });

  it('stores neither client addresses nor e-mail addresses, and deletes rows older than the window', async () => {
    const email = demoUser('analyst').email;
    await loginFrom('203.0.113.77', email, 'falsch-falsch');
    await loginFrom('2001:db8::77', 'jemand@example.org', 'falsch-falsch');
    const rows = await t.database.db.select().from(loginFailures);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.key).toMatch(/^(account|address):[0-9a-f]{64}$/);
      expect(r.key).not.toMatch(/203\.0\.113|2001:db8|127\.0\.0\.1|@/);
    }
    const s = await secret();
    expect(rows.map((r) => r.key)).toContain(`address:${keyedHash(s, 'login-address', '203.0.113.77')}`);
    await t.database.db.insert(loginFailures).values({ key: 'address:alt', at: new Date(Date.now() - THROTTLE.windowMs - 60_000) });
    await loginFrom('203.0.113.77', email, 'falsch-falsch');
    const left = await t.database.db.select().from(loginFailures);
    expect(left.map((r) => r.key)).not.toContain('address:alt');
  });

  it('keys the hashes with SERVER_SECRET, or with one secret generated once and kept in the database', async () => {
    const db = t.database.db;
    const a = await serverSecret(db, { serverSecret: undefined, production: false });
    const b = await serverSecret(db, { serverSecret: undefined, production: false });
    expect(a.equals(b)).toBe(true);
    expect((await db.select().from(serverSecrets)).length).toBe(1);
    const configured = await serverSecret(db, { serverSecret: 'x'.repeat(40), production: true });
    expect(keyedHash(configured, 'login-address', '10.0.0.1')).not.toBe(keyedHash(a, 'login-address', '10.0.0.1'));
    await expect(serverSecret(db, { serverSecret: undefined, production: true })).rejects.toThrow(/SERVER_SECRET/);
    expect(() => loadConfig({ SERVER_SECRET: 'kurz' })).toThrow(/SERVER_SECRET/);
  });
});

describe('e-mailed links', () => {
  it('a newer reset link invalidates older ones, and using one invalidates the rest', async () => {
    const email = demoUser('police').email;
    await requestReset(email);
    const first = linkToken(lastMailTo(email).body);
    await requestReset(email);
    const second = linkToken(lastMailTo(email).body);
    expect(second).not.toBe(first);
    const old = await confirmReset(first, 'Sicherheitsanalyse-Erzgebirge');
    expect(old.statusCode).toBe(400);
    expect(old.json().code).toBe('invalid_token');
    expect((await confirmReset(second, 'Sicherheitsanalyse-Erzgebirge')).statusCode).toBe(204);
    expect((await confirmReset(second, 'Noch-ein-anderes-Passwort')).statusCode).toBe(400);
    // tokens left in the table: the used one only
    const rows = await t.database.db.execute(sql`select count(*)::int as n from auth_tokens t join users u on u.id = t.user_id where lower(u.email) = ${email} and t.used_at is null`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('a re-sent invitation invalidates the first one', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const email = 'ordnungsamt@auerbach.demo';
    const created = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: {
      email, displayName: 'Ordnungsamt Auerbach', grants: [{ role: 'commune', scopeId: '14523020' }] } });
    expect(created.statusCode).toBe(201);
    const first = linkToken(lastMailTo(email).body);
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/users/${created.json().id}/invitation`, headers: admin.headers })).statusCode).toBe(202);
    const second = linkToken(lastMailTo(email).body);
    expect((await confirmReset(first, 'Auerbacher-Ordnungsamt')).json().code).toBe('invalid_token');
    expect((await confirmReset(second, 'Auerbacher-Ordnungsamt')).statusCode).toBe(204);
  });
});

describe('password rules', () => {
  it('refuses common and repetitive passwords with a German message for the field, keeping the minimum length', async () => {
    const email = demoUser('coach').email;
    await requestReset(email);
    const token = linkToken(lastMailTo(email).body);
    const cases: [string, RegExp][] = [
      ['kurz', /mindestens 10 Zeichen/],
      ['qwertyuiop', /häufigsten Passwörtern/],
      ['1234567890', /häufigsten Passwörtern|Zeichenfolge/],
      ['Password1234', /häufigsten Passwörtern/],
      ['Passwort2026!', /häufigsten Passwörtern/],
      ['aaaaaaaaaaaa', /wiederholten Zeichen/],
      ['abcabcabcabc', /wiederholten Zeichen/],
      ['abababababab', /wiederholten Zeichen/],
      ['abcdefghijkl', /Zeichenfolge/],
    ];
    for (const [password, message] of cases) {
      const res = await confirmReset(token, password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'password' });
      expect(res.json().detail, password).toMatch(/^Neues Passwort: Das Passwort /);
      expect(res.json().detail, password).toMatch(message);
    }
    // the link is still good for an acceptable password
    expect((await confirmReset(token, 'Coaching-in-Schwarzenberg')).statusCode).toBe(204);
  });

  it('knows the shipped list of 10,000 and accepts ordinary passphrases', () => {
    expect(passwordWeakness('iloveyou12')).not.toBeNull();
    expect(passwordWeakness('sunshine!!')).not.toBeNull();
    expect(passwordWeakness('asskomm-demo-2026')).toBeNull();
    expect(passwordWeakness('Sichere Kommunen in Sachsen')).toBeNull();
  });
});

describe('same-origin check on writes', () => {
  let n = 0; // a fresh unknown account per attempt: no account lock in the way
  const login = (headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', headers, remoteAddress: '192.0.2.200', payload: { email: `herkunft-${n++}@lpr.demo`, password: 'falsch-falsch' } });

  it('refuses cross-site and foreign-origin writes with 403 and a German detail, also on login and the public survey', async () => {
    const refused: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' }, { origin: 'http://localhost:3000.evil.example' }, { origin: 'https://localhost:3000' }];
    for (const headers of refused) {
      const res = await login(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('cross_origin_refused');
      expect(res.json().detail).toContain('anderen Website');
    }
    const survey = await t.app.inject({ method: 'POST', url: '/api/public/survey/open', headers: { origin: 'https://evil.example' }, payload: { code: 'ABCD1234' } });
    expect(survey.statusCode).toBe(403);
    expect(survey.json().code).toBe('cross_origin_refused');
    const sameSurvey = await t.app.inject({ method: 'POST', url: '/api/public/survey/open', headers: { 'sec-fetch-site': 'same-origin' }, payload: { code: 'ABCD1234' } });
    expect(sameSurvey.json().code).not.toBe('cross_origin_refused');
  });

  it('lets same-origin, typed-in and header-less requests through', async () => {
    const passing: Record<string, string>[] = [{}, { origin: 'http://localhost:3000' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' },
      { 'sec-fetch-site': 'same-origin', origin: 'http://localhost:5173' }, { host: 'asskomm.lan:8080', origin: 'http://asskomm.lan:8080' }];
    for (const headers of passing) {
      const res = await login(headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
    }
    expect((await t.app.inject({ url: '/api/health', headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(200);
  });

  it('refuses a logged-in cross-site write even with the right CSRF token', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const payload = { name: 'Fremde Gruppe', kind: 'Sonstige', members: ['14521550'] };
    const res = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { ...s.headers, origin: 'https://evil.example' }, payload });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_origin_refused');
    const ok = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { ...s.headers, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('behind a proxy counts only PUBLIC_URL, not the Host a request names', async () => {
    process.env.TRUST_PROXY = 'true';
    const p = await bareApp({}).finally(() => { delete process.env.TRUST_PROXY; });
    try {
      const send = (origin: string, host: string) => p.app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin, host },
        payload: { email: 'niemand@lpr.demo', password: 'falsch-falsch' } });
      expect((await send('http://intern:3000', 'intern:3000')).statusCode).toBe(403);
      expect((await send('http://localhost:3000', 'intern:3000')).statusCode).toBe(401);
    } finally {
      await p.close();
    }
  });
});

describe('OIDC return address', () => {
  it('accepts only paths that stay on the platform', () => {
    const base = 'https://asskomm.sachsen.example';
    const cases: [string | undefined, string][] = [
      ['/gemeinden', '/gemeinden'], ['/gemeinden/14521550?tab=bilanz#x', '/gemeinden/14521550?tab=bilanz#x'],
      [undefined, '/'], ['', '/'], ['//evil.example', '/'], ['/\\evil.example', '/'], ['\\evil.example', '/'],
      ['\\\\evil.example', '/'], ['https://evil.example/', '/'], ['evil.example', '/'], ['/\tevil', '/'], ['/\nx', '/'],
      ['/\u0000x', '/'], ['/..//evil.example', '/'], ['/./\\evil.example', '/'], ['javascript:alert(1)', '/'],
      ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ];
    for (const [input, expected] of cases) expect(safeReturnTo(input, base), JSON.stringify(input)).toBe(expected);
  });
});

describe('security headers', () => {
  it('gives the API docs a CSP that allows only their own scripts and styles', async () => {
    for (const url of ['/api/docs', '/api/docs/static/swagger-initializer.js', '/api/docs/static/swagger-ui-bundle.js', '/api/docs/json']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBeLessThan(400);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('sends HSTS only when the cookie is Secure (HTTPS)', async () => {
    expect((await t.app.inject('/api/health')).headers['strict-transport-security']).toBeUndefined();
    const secure = await bareApp({ COOKIE_SECURE: 'true' });
    try {
      expect((await secure.app.inject('/api/health')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect((await secure.app.inject('/gibt-es-nicht')).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await secure.close();
    }
  });

  it('never lets index.html be cached publicly; hashed assets are immutable', async () => {
    const web = mkdtempSync(join(tmpdir(), 'asskomm-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>ASSKomm</title>');
    writeFileSync(join(web, 'assets', 'index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const { app, close } = await bareApp({}, web);
    try {
      for (const url of ['/', '/index.html', '/gemeinden', '/anmelden?weiter=/gemeinden']) {
        const res = await app.inject(url);
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('ASSKomm');
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      for (const url of ['/befragung', '/befragung?code=ABCD1234']) {
        expect((await app.inject(url)).headers['cache-control'], url).toBe('private, no-store');
      }
      expect((await app.inject('/assets/index-AbC123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await app.inject('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600');
    } finally {
      await close();
      rmSync(web, { recursive: true, force: true });
    }
  });
});
