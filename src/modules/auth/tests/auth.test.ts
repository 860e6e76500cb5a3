import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoUser, login, loginAs, type TestApp } from '../../../../test/helpers.js';
import { DEMO_PASSWORD } from '../seed-demo-users.js';
import { buildCommuneUser } from './factories.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const linkToken = (body: string) => /passwort-neu\?token=([\w-]+)/.exec(body)![1]!;

describe('login and session', () => {
  it('logs in with e-mail and password, sets an httpOnly cookie and reports the roles', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Admin@LPR.demo', password: DEMO_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'asskomm_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.grants).toEqual([{ role: 'lpr_admin', scopeType: null, scopeId: null }]);
    const session = await t.app.inject({ url: '/api/auth/session', headers: { cookie: `asskomm_session=${cookie.value}` } });
    expect(session.json()).toMatchObject({ authenticated: true, user: { email: 'admin@lpr.demo' } });
  });

  it('refuses a wrong password with a German message and no hint whether the account exists', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'referentin@lpr.demo', password: 'falsch-falsch' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'niemand@lpr.demo', password: 'falsch-falsch' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    expect(unknown.json().detail).toBe(wrong.json().detail);
  });

  it('names the field of invalid login input', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'keine-adresse', password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'email' });
    expect(res.json().detail).toContain('E-Mail-Adresse');
  });

  it('throttles repeated failures for one account, even with the right password afterwards', async () => {
    const email = demoUser('coach').email;
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: `falsch-${i}` } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: DEMO_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(900);
    expect(blocked.json().code).toBe('too_many_attempts');
    expect(blocked.json().detail).toMatch(/bis \d\d:\d\d Uhr gesperrt|bis \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr gesperrt/);
  });

  it('logs out: the cookie no longer opens a session', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } });
    expect(after.json()).toMatchObject({ authenticated: false, user: null });
  });

  it('requires the CSRF token for state-changing requests of a logged-in user', async () => {
    const s = await loginAs(t.app, 'lpr_staff');
    const payload = { name: 'CSRF-Testgruppe', kind: 'Sonstige', members: ['14521550'] };
    const withoutToken = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { cookie: s.cookie }, payload });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf_failed');
    const wrongToken = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: { cookie: s.cookie, 'x-csrf-token': 'falsch' }, payload });
    expect(wrongToken.statusCode).toBe(403);
    const groups = await t.app.inject('/api/commune-groups');
    expect(groups.json().items.map((g: { name: string }) => g.name)).not.toContain('CSRF-Testgruppe');
    const ok = await t.app.inject({ method: 'POST', url: '/api/commune-groups', headers: s.headers, payload });
    expect(ok.statusCode).toBe(201);
  });
});

describe('password reset', () => {
  it('mails a single-use link that sets a new password and ends other sessions', async () => {
    const email = demoUser('police').email;
    const old = await login(t.app, email);
    const req = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email } });
    expect(req.statusCode).toBe(202);
    const mail = t.mails().filter((m) => m.to === email).at(-1)!;
    expect(mail.subject).toContain('Passwort');
    const token = linkToken(mail.body);
    const tooShort = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'kurz' } });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().field).toBe('password');
    const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'ein-neues-passwort' } });
    expect(done.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: old.cookie } })).json().authenticated).toBe(false);
    await login(t.app, email, 'ein-neues-passwort');
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token, password: 'noch-ein-passwort' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invalid_token');
  });

  it('answers the same for unknown addresses and sends nothing', async () => {
    const before = t.mails().length;
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'unbekannt@example.org' } });
    expect(res.statusCode).toBe(202);
    expect(t.mails().length).toBe(before);
  });
});

describe('user administration', () => {
  it('invites a commune coordinator scoped to a commune, who sets a password and logs in', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: {
      email: 'buergermeisteramt@dippoldiswalde.demo', displayName: 'Bürgermeisteramt Dippoldiswalde',
      grants: [{ role: 'commune', scopeId: '14628060' }],
    } });
    expect(res.statusCode).toBe(201);
    expect(res.json().grants).toEqual([{ role: 'commune', scopeType: 'commune', scopeId: '14628060' }]);
    const mail = t.mails().find((m) => m.to === 'buergermeisteramt@dippoldiswalde.demo')!;
    expect(mail.subject).toBe('Einladung zur ASSKomm-Plattform');
    const set = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/confirm', payload: { token: linkToken(mail.body), password: 'dippoldiswalde-2021' } });
    expect(set.statusCode).toBe(204);
    const s = await login(t.app, 'buergermeisteramt@dippoldiswalde.demo', 'dippoldiswalde-2021');
    expect(s.csrf).toBeTruthy();
  });

  it('refuses a scoped role without a valid scope, naming the field', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const missing = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: {
      email: 'x@pd.demo', displayName: 'Ohne Bereich', grants: [{ role: 'police' }] } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().field).toBe('grants.0.scopeId');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.headers, payload: {
      email: 'x@pd.demo', displayName: 'Falscher Bereich', grants: [{ role: 'police', scopeId: 'bautzen' }] } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toContain('bautzen');
    const users = await t.app.inject({ url: '/api/admin/users?search=x@pd.demo', headers: admin.headers });
    expect(users.json().total).toBe(0);
  });

  it('changes roles with optimistic locking, deactivation ends sessions, and every change is audited', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const coordinator = await buildCommuneUser(t.app, '14628060');
    const list = await t.app.inject({ url: `/api/admin/users?search=${coordinator.email}`, headers: admin.headers });
    const user = list.json().items[0];
    const update = { displayName: user.displayName, active: false, grants: user.grants, version: user.version };
    const ok = await t.app.inject({ method: 'PUT', url: `/api/admin/users/${user.id}`, headers: admin.headers, payload: update });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(user.version + 1);
    const stale = await t.app.inject({ method: 'PUT', url: `/api/admin/users/${user.id}`, headers: admin.headers, payload: { ...update, active: true } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await t.app.inject({ url: '/api/auth/session', headers: { cookie: coordinator.session.cookie } })).json().authenticated).toBe(false);
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: coordinator.email, password: coordinator.password } });
    expect(refused.statusCode).toBe(401);
    const audit = await t.app.inject({ url: `/api/admin/audit?entityType=user&entityId=${user.id}&action=user.updated`, headers: admin.headers });
    const entry = audit.json().items[0];
    expect(entry).toMatchObject({ actorLabel: 'admin@lpr.demo', action: 'user.updated' });
    expect(entry.changes.active).toEqual([true, false]);
  });

  it('lists the assignable roles with the scope each needs, and says the admin may manage every account', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const list = (await t.app.inject({ url: '/api/admin/users', headers: admin.headers })).json();
    expect(list.roles).toContainEqual({ role: 'commune', scopeType: 'commune' });
    expect(list.roles).toContainEqual({ role: 'police', scopeType: 'police_directorate' });
    expect(list.roles).toContainEqual({ role: 'lpr_staff', scopeType: null });
    expect(list.items.every((u: { can: { manage: boolean } }) => u.can.manage)).toBe(true);
    const one = await t.app.inject({ url: `/api/admin/users/${list.items[0].id}`, headers: admin.headers });
    expect(one.json().can).toEqual({ manage: true });
    const missing = await t.app.inject({ url: '/api/admin/users/00000000-0000-4000-8000-000000000000', headers: admin.headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toBe('Dieses Benutzerkonto existiert nicht.');
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const me = (await t.app.inject({ url: '/api/admin/users?search=admin@lpr.demo', headers: admin.headers })).json().items[0];
    const res = await t.app.inject({ method: 'PUT', url: `/api/admin/users/${me.id}`, headers: admin.headers, payload: {
      displayName: me.displayName, active: true, grants: [{ role: 'lpr_staff' }], version: me.version } });
    expect(res.statusCode).toBe(422);
  });
});
