import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { oidcStates } from '../schema.js';

/** A minimal OpenID provider on loopback: discovery, JWKS, authorize (auto-approves) and token endpoints. */
async function startMockProvider(identity: { sub: string; email: string }) {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { nonce: string; clientId: string }>();
  let issuer = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url!, issuer);
    const json = (body: unknown) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(body)); };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'], token_endpoint_auth_methods_supported: ['client_secret_basic'] });
    }
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/authorize') {
      const code = `code-${Math.random().toString(36).slice(2)}`;
      codes.set(code, { nonce: url.searchParams.get('nonce')!, clientId: url.searchParams.get('client_id')! });
      res.statusCode = 302;
      res.setHeader('location', `${url.searchParams.get('redirect_uri')}?code=${code}&state=${url.searchParams.get('state')}&iss=${encodeURIComponent(issuer)}`);
      return res.end();
    }
    if (url.pathname === '/token') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const grant = codes.get(new URLSearchParams(body).get('code')!);
      if (!grant) { res.statusCode = 400; return json({ error: 'invalid_grant' }); }
      const idToken = await new SignJWT({ nonce: grant.nonce, email: identity.email, email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(issuer).setSubject(identity.sub).setAudience(grant.clientId)
        .setIssuedAt().setExpirationTime('5m').sign(privateKey);
      return json({ access_token: 'at', token_type: 'Bearer', expires_in: 300, id_token: idToken });
    }
    res.statusCode = 404; res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { issuer, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function followLogin(t: TestApp, issuer: string, returnTo = '/gemeinden') {
  const start = await t.app.inject(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.statusCode).toBe(302);
  const authUrl = new URL(start.headers.location as string);
  expect(authUrl.origin).toBe(issuer);
  expect(authUrl.searchParams.get('code_challenge_method')).toBe('S256');
  const idp = await fetch(authUrl, { redirect: 'manual' });
  const back = new URL(idp.headers.get('location')!);
  return t.app.inject(`${back.pathname}${back.search}`);
}

describe('OpenID Connect login', () => {
  let provider: Awaited<ReturnType<typeof startMockProvider>>;
  let t: TestApp;
  beforeAll(async () => {
    provider = await startMockProvider({ sub: 'sachsen-id-4711', email: 'referentin@lpr.demo' });
    t = await createTestApp({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: 'asskomm', OIDC_CLIENT_SECRET: 'geheim', OIDC_ALLOW_INSECURE: 'true' });
  });
  afterAll(async () => { await t?.close(); await provider?.close(); });

  it('offers the provider on the login page', async () => {
    expect((await t.app.inject('/api/auth/providers')).json().oidc).toMatchObject({ loginUrl: '/api/auth/oidc/login' });
  });

  it('logs an invited user in through the identity provider and links the subject', async () => {
    const done = await followLogin(t, provider.issuer);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe('/gemeinden');
    const cookie = done.cookies.find((c) => c.name === 'asskomm_session')!;
    const session = (await t.app.inject({ url: '/api/auth/session', headers: { cookie: `asskomm_session=${cookie.value}` } })).json();
    expect(session).toMatchObject({ authenticated: true, user: { email: 'referentin@lpr.demo' } });
    expect(session.user.grants[0].role).toBe('lpr_staff');
  });

  it('returns only to paths on the platform, never off-site', async () => {
    const off = await followLogin(t, provider.issuer, '/\\evil.example');
    expect(off.statusCode).toBe(302);
    expect(off.headers.location).toBe('/');
    const stored = async (returnTo: string) => {
      const start = await t.app.inject(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
      const state = new URL(start.headers.location as string).searchParams.get('state')!;
      const [row] = await t.database.db.select().from(oidcStates).where(eq(oidcStates.state, state));
      return row!.returnTo;
    };
    for (const evil of ['//evil.example', '/\\evil.example', '\\evil.example', 'https://evil.example/x', '/..//evil.example', '/\tx', '/x\r\nSet-Cookie: a=b']) {
      expect(await stored(evil), JSON.stringify(evil)).toBe('/');
    }
    expect(await stored('/gemeinden/14521550?tab=bilanz')).toBe('/gemeinden/14521550?tab=bilanz');
    expect(await stored('/x%0d%0aSet-Cookie:a')).toBe('/x%0d%0aSet-Cookie:a'); // stays encoded: a path, no header
  });

  it('rejects a replayed callback (state is single-use)', async () => {
    const start = await t.app.inject('/api/auth/oidc/login');
    const idp = await fetch(new URL(start.headers.location as string), { redirect: 'manual' });
    const back = new URL(idp.headers.get('location')!);
    expect((await t.app.inject(`${back.pathname}${back.search}`)).headers.location).toBe('/');
    const replay = await t.app.inject(`${back.pathname}${back.search}`);
    expect(replay.headers.location).toBe('/anmelden?fehler=oidc_state_invalid');
  });

  it('does not create accounts for unknown identities', async () => {
    const other = await startMockProvider({ sub: 'fremd-1', email: 'fremd@example.org' });
    const t2 = await createTestApp({ OIDC_ISSUER: other.issuer, OIDC_CLIENT_ID: 'asskomm', OIDC_CLIENT_SECRET: 'geheim', OIDC_ALLOW_INSECURE: 'true' });
    try {
      const done = await followLogin(t2, other.issuer);
      expect(done.headers.location).toBe('/anmelden?fehler=oidc_no_account');
      expect(done.cookies.find((c) => c.name === 'asskomm_session')).toBeUndefined();
    } finally {
      await t2.close(); await other.close();
    }
  });
});
