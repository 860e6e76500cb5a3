import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers.js';
import { loadConfig } from '../src/server/config.js';
import { buildPlatformApp } from '../src/platform/app.js';
import { webRoot } from '../src/server/app.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { negotiateEncoding, precompressDir } from '../src/server/http/compression.js';
import type { Database } from '../src/server/db/client.js';
import type { App } from '../src/server/modules.js';

/** How the web app and the API travel: compressed as the browser accepts, cached as long as they stay the same. */

const script = `export const greeting = ${JSON.stringify('Guten Tag, '.repeat(400))};\n`;
let dir: string;
let web: string;
let database: Database;
const apps: App[] = [];
async function appWith(env: Record<string, string>, root = web) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000', MAIL_OUTBOX_DIR: join(dir, 'outbox'), FILES_DIR: join(dir, 'files'), ...env });
  const app = await buildPlatformApp({ config, database, mailer: createMailer(config.mail), logger: false, webRoot: root });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asskomm-static-'));
  web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>ASSKomm</title><script type="module" src="/assets/index-AbC123.js"></script>');
  writeFileSync(join(web, 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(web, 'assets', 'maplibre-gl-worker-XyZ789.mjs'), script);
  writeFileSync(join(web, 'assets', 'tiny-Q1w2E3.js'), 'export {};');
  writeFileSync(join(web, 'assets', 'crest-Z9y8X7.png'), Buffer.alloc(4096, 1));
  expect(precompressDir(web).map((f) => f.slice(web.length)).sort()).toEqual(['/assets/index-AbC123.js', '/assets/maplibre-gl-worker-XyZ789.mjs']);
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('encoding negotiation', () => {
  it('prefers brotli, honours q-values and *, and falls back to none', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip')).toBe('gzip');
    expect(negotiateEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(negotiateEncoding('br;q=0, gzip;q=0')).toBeNull();
    expect(negotiateEncoding('*')).toBe('br');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});

describe('static files', () => {
  it('serves the build-time .br or .gz of a hashed asset as the browser accepts, immutable for a year', async () => {
    const app = await appWith({});
    for (const url of ['/assets/index-AbC123.js', '/assets/maplibre-gl-worker-XyZ789.mjs']) {
      const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(br.statusCode, url).toBe(200);
      expect(br.headers['content-encoding'], url).toBe('br');
      expect(br.headers['content-type'], url).toMatch(/^(application|text)\/javascript/);
      expect(br.headers.vary, url).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control'], url).toBe('public, max-age=31536000, immutable');
      expect(br.rawPayload.length).toBeLessThan(script.length / 10);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
      const gz = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
      const plain = await app.inject({ url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
      expect(plain.body).toBe(script);
    }
    const tiny = await app.inject({ url: '/assets/tiny-Q1w2E3.js', headers: { 'accept-encoding': 'br' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await app.inject({ url: '/assets/crest-Z9y8X7.png', headers: { 'accept-encoding': 'br' } })).headers['content-encoding']).toBeUndefined();
  });

  it('never lets a shared cache keep index.html (and the survey page not at all)', async () => {
    const app = await appWith({});
    for (const url of ['/', '/index.html', '/gemeinden']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.body, url).toContain('ASSKomm');
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/befragung', headers: { 'accept-encoding': 'br' } })).headers['cache-control']).toBe('private, no-store');
  });

  it('leaves unknown addresses of root APIs (OParl) to them: their 404, never the web app', async () => {
    const app = await appWith({});
    const res = await app.inject({ url: '/oparl/v1.1/gibt-es-nicht' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error' });
    expect((await app.inject({ url: '/praeventionsraete' })).body).toContain('<title>ASSKomm</title>');
  });

  it('with COMPRESSION=off sends every file as it is', async () => {
    const app = await appWith({ COMPRESSION: 'off' });
    const res = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(script);
    expect((await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'br, gzip' } })).headers['content-encoding']).toBeUndefined();
  });
});

describe('API responses', () => {
  it('compresses JSON above 1 KB as the client accepts; small answers and clients without it get plain JSON', async () => {
    const app = await appWith({});
    const plain = await app.inject({ url: '/api/openapi.json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    const spec = plain.json();
    const br = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(Number(br.headers['content-length'] ?? br.rawPayload.length)).toBe(br.rawPayload.length);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(spec);
    const gz = await app.inject({ url: '/api/openapi.json', headers: { 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(spec);
    // A small problem+json stays as it is.
    const missing = await app.inject({ url: '/api/gibt-es-nicht', headers: { 'accept-encoding': 'br' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.json().code).toBe('not_found');
  });
});

/** Needs `npm run build:web` (CI builds before the suite; without a build there is nothing to check). */
describe.skipIf(!existsSync(join(webRoot, 'index.html')))('the built web app', () => {
  const files = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : [join(d, n)]));

  it('has a brotli and a gzip sibling beside every script and style sheet of at least 1 KB', () => {
    const assets = files(join(webRoot, 'assets'));
    const missing = assets.filter((f) => /\.(js|mjs|css)$/.test(f) && statSync(f).size >= 1024 && !(assets.includes(`${f}.br`) && assets.includes(`${f}.gz`)));
    expect(missing).toEqual([]);
  });

  it('loads the survey entry page without SurveyJS or maplibre: the page chunk imports neither statically', async () => {
    const app = await appWith({}, webRoot);
    const html = (await app.inject('/befragung')).body;
    const entry = /src="(\/assets\/index-[^"]+\.js)"/.exec(html)![1]!;
    const res = await app.inject({ url: entry, headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // Without the file names of lazily loaded chunks (listed for preloading), no trace of the libraries.
    const main = brotliDecompressSync(res.rawPayload).toString().replace(/assets\/[\w.-]+/g, '');
    expect(main).not.toMatch(/maplibre|survey-core|surveyjs|echarts/i);
    const page = readdirSync(join(webRoot, 'assets')).find((f) => /^SurveyResponsePage-.*\.js$/.test(f))!;
    const pageCode = readFileSync(join(webRoot, 'assets', page), 'utf8');
    const staticImports = [...pageCode.matchAll(/from\s*"\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(staticImports.filter((f) => /fear-places|maplibre|survey-runtime/.test(f))).toEqual([]);
    expect(pageCode).toMatch(/import\(["'`]\.\/survey-runtime-[^"'`]+\.js["'`]\)/);
  });
});
