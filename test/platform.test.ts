import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

describe('platform', () => {
  it('reports health', async () => {
    const res = await t.app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('answers every request with a request id, and accepts one from a proxy', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-trace-12345678' } });
    expect(res.headers['x-request-id']).toBe('lb-trace-12345678');
    expect((await t.app.inject('/api/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('documents every route in the OpenAPI document', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(spec.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const apiRoutes = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json');
    expect(apiRoutes.length).toBeGreaterThan(20);
    for (const r of apiRoutes) expect(documented, `${r.method} ${r.url}`).toContain(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const docs = await t.app.inject('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('documents every operation’s success response, not only its errors', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const undocumented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops)
      .filter(([, op]) => !Object.keys(op.responses ?? {}).some((code) => /^[23]\d\d$/.test(code))).map(([m]) => `${m.toUpperCase()} ${path}`));
    expect(undocumented).toEqual([]);
  });

  it('answers unknown API paths with problem+json', async () => {
    const res = await t.app.inject('/api/gibt-es-nicht');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Nicht gefunden' });
  });

  it('rejects malformed JSON with a German problem and no stack trace', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"email":' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('invalid_json');
    expect(body.detail).toMatch(/kein gültiges JSON/);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('lists the data sources with their attributions', async () => {
    const res = await t.app.inject('/api/datasources');
    const items = res.json().items as { file: string; title: string; attribution: string }[];
    expect(items.map((i) => i.file)).toEqual(expect.arrayContaining(['registry/sn_gemeinden_2023-12-31.csv', 'geo/sn_gemeinden_2023.geojson']));
    expect(items.find((i) => i.file === 'geo/sn_gemeinden_2023.geojson')!.attribution).toContain('GeoBasis-DE / BKG');
    expect(items.find((i) => i.file === 'registry/sn_gemeinden_2023-12-31.csv')!.attribution).toContain('Destatis');
    // People read titles, not file paths.
    for (const i of items) expect(i.title, i.file).not.toMatch(/\.(csv|geojson|txt)$|\//);
  });
});
