import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, roleCaller, type TestApp } from './helpers.js';
import { parseCsvRows } from '../src/lib/csv.js';

/** The paging contract on the list routes: total, pages, sort, the name filter, scoped totals, and the audit log. */
let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_admin', 'lpr_staff', 'commune', 'analyst']);
});
afterAll(async () => { await t?.close(); });

type Page<T> = { items: T[]; total: number; limit: number; offset: number };
const get = async <T>(role: Parameters<typeof call>[0], url: string) => {
  const res = await call(role, 'GET', url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json() as Page<T>;
};

describe('consultations list', () => {
  type C = { id: string; heldOn: string; communes: { ags: string; name: string }[]; staff: { name: string } };
  it('pages through every consultation: the second and the last page, disjoint, with the total', async () => {
    const first = await get<C>('lpr_staff', '/api/consultations?limit=10');
    expect(first.total).toBeGreaterThan(20);
    expect(first).toMatchObject({ limit: 10, offset: 0 });
    const second = await get<C>('lpr_staff', '/api/consultations?limit=10&offset=10');
    expect(second.items).toHaveLength(10);
    expect(second.items.some((c) => first.items.some((f) => f.id === c.id))).toBe(false);
    const lastOffset = Math.floor((first.total - 1) / 10) * 10;
    const last = await get<C>('lpr_staff', `/api/consultations?limit=10&offset=${lastOffset}`);
    expect(last.items).toHaveLength(first.total - lastOffset);
    const all = await get<C>('lpr_staff', '/api/consultations?limit=500');
    expect(all.items).toHaveLength(first.total);
    expect(new Set(all.items.map((c) => c.id)).size).toBe(first.total);
    expect(all.items.map((c) => c.heldOn)).toEqual([...all.items.map((c) => c.heldOn)].sort().reverse());
    expect(last.items.at(-1)!.id).toBe(all.items.at(-1)!.id);
  });

  it('filters by a commune name (part of it, umlauts optional) as well as by AGS, and sorts by commune in German order', async () => {
    const byName = await get<C>('lpr_staff', '/api/consultations?q=schwarzenb&limit=500');
    expect(byName.total).toBeGreaterThan(0);
    expect(byName.items.every((c) => c.communes.some((x) => x.name.startsWith('Schwarzenberg')))).toBe(true);
    const byAgs = await get<C>('lpr_staff', '/api/consultations?q=14521550&limit=500');
    expect(byAgs.items.map((c) => c.id).sort()).toEqual(byName.items.filter((c) => c.communes.some((x) => x.ags === '14521550')).map((c) => c.id).sort());
    const sorted = await get<C>('lpr_staff', '/api/consultations?sort=commune&dir=asc&limit=500');
    const firsts = sorted.items.map((c) => [...c.communes.map((x) => x.name)].sort((a, b) => a.localeCompare(b, 'de'))[0] ?? '');
    expect(firsts).toEqual([...firsts].sort((a, b) => a.localeCompare(b, 'de')));
    const bad = await call('lpr_staff', 'GET', '/api/consultations?sort=notes');
    expect(bad.statusCode).toBe(400);
    expect((await call('lpr_staff', 'GET', '/api/consultations?limit=100000')).statusCode).toBe(400);
  });

  it('counts for a commune user only the consultations it may see', async () => {
    const mine = await get<C>('commune', '/api/consultations?limit=2');
    const all = await get<C>('lpr_staff', '/api/consultations?q=14521550&limit=500');
    expect(mine.total).toBe(all.total);
    expect(mine.items).toHaveLength(Math.min(2, all.total));
    expect((await get<C>('commune', '/api/consultations?q=Dresden')).total).toBe(0);
  });

  it('lists open follow-up tasks with the communes of their consultation', async () => {
    const res = await call('lpr_staff', 'POST', '/api/consultations', { heldOn: '2025-06-03', communes: ['14521690'], tasks: [{ title: 'Rückruf Zschopau', dueOn: '2099-01-01' }] });
    expect(res.statusCode).toBe(201);
    type Task = { id: string; title: string; dueOn: string; communes: { name: string }[] };
    const latest = (await call('lpr_staff', 'GET', '/api/consultation-tasks?dir=desc&limit=1')).json() as { items: Task[]; total: number };
    expect(latest.items.map((x) => x.title)).toEqual(['Rückruf Zschopau']);
    expect(latest.items[0]!.communes.map((c) => c.name)).toEqual(['Zschopau, Stadt, Motorradstadt']);
    // Paged, earliest due first: the pages together are every open task, once.
    const all = (await call('lpr_staff', 'GET', '/api/consultation-tasks?limit=500')).json() as { items: Task[]; total: number };
    expect(all.total).toBe(latest.total);
    expect(all.items).toHaveLength(all.total);
    const second = (await call('lpr_staff', 'GET', '/api/consultation-tasks?limit=2&offset=2')).json() as { items: Task[] };
    expect(second.items.map((x) => x.id)).toEqual(all.items.slice(2, 4).map((x) => x.id));
    expect(all.items.map((x) => x.dueOn)).toEqual([...all.items.map((x) => x.dueOn)].sort());
  });
});

describe('commune registry search', () => {
  type R = { ags: string; name: string };
  it('finds name prefixes first: „Zsch“ → Zschepplin, Zschopau, Zschorlau before Bobritzsch-Hilbersdorf', async () => {
    const r = await get<R>(null, '/api/communes?q=Zsch&limit=8');
    expect(r.items.slice(0, 3).map((c) => c.name.split(',')[0])).toEqual(['Zschepplin', 'Zschopau', 'Zschorlau']);
    expect(r.items[3]!.name).toBe('Bobritzsch-Hilbersdorf');
    expect(r.total).toBe(12);
  });

  it('matches without umlauts and ß (Lossnitz → Lößnitz), and by AGS prefix', async () => {
    expect((await get<R>(null, '/api/communes?q=Lossnitz')).items.map((c) => c.name)).toContain('Lößnitz, Stadt');
    expect((await get<R>(null, '/api/communes?q=Lößnitz')).items.map((c) => c.name)).toContain('Lößnitz, Stadt');
    expect((await get<R>(null, '/api/communes?q=LÖSSNITZ')).items.map((c) => c.name)).toContain('Lößnitz, Stadt');
    const byAgs = await get<R>(null, '/api/communes?q=1452169');
    expect(byAgs.items.map((c) => c.ags)).toEqual(['14521690']);
  });

  it('sorts names in German order (umlauts with their vowel), deterministic, and pages', async () => {
    const all = await get<R>(null, '/api/communes?sort=name&limit=500');
    const names = all.items.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de') || 0));
    const second = await get<R>(null, '/api/communes?sort=name&limit=25&offset=25');
    expect(second.items.map((c) => c.ags)).toEqual(all.items.slice(25, 50).map((c) => c.ags));
    const desc = await get<R>(null, '/api/communes?sort=name&dir=desc&limit=3');
    expect(desc.items.map((c) => c.ags)).toEqual(all.items.slice(-3).reverse().map((c) => c.ags));
  });
});

describe('other lists', () => {
  it('users: name filter, sort by e-mail, page', async () => {
    type U = { email: string; displayName: string };
    const all = await get<U>('lpr_admin', '/api/admin/users?limit=500&sort=email');
    expect(all.items.map((u) => u.email)).toEqual([...all.items.map((u) => u.email)].sort());
    const second = await get<U>('lpr_admin', '/api/admin/users?limit=2&offset=2&sort=email');
    expect(second.items.map((u) => u.email)).toEqual(all.items.slice(2, 4).map((u) => u.email));
    expect((await get<U>('lpr_admin', '/api/admin/users?q=referentin')).items.map((u) => u.email)).toEqual(['referentin@lpr.demo']);
  });

  it('users: the scopes of the listed grants come with their names (no bare AGS or directorate ids on the page)', async () => {
    const list = (await call('lpr_admin', 'GET', '/api/admin/users?limit=500')).json() as { scopeNames: Record<string, string> };
    expect(list.scopeNames['14521550']).toBe('Schwarzenberg/Erzgeb., Stadt');
    expect(Object.values(list.scopeNames)).toContain('Polizeidirektion Chemnitz');
  });

  it('analyses: scoped totals, filter by commune name', async () => {
    type A = { code: string; communeName: string };
    const lpr = await get<A>('lpr_staff', '/api/analyses?limit=500');
    const analyst = await get<A>('analyst', '/api/analyses?limit=1');
    expect(analyst.total).toBe(2);
    expect(analyst.items).toHaveLength(1);
    expect(lpr.total).toBeGreaterThanOrEqual(analyst.total);
    const byName = await get<A>('lpr_staff', '/api/analyses?q=schwarzenberg&sort=title&dir=asc');
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((a) => a.communeName.startsWith('Schwarzenberg'))).toBe(true);
  });
});

describe('imports lists', () => {
  it('crime statistics imports and registry updates answer pages with their totals', async () => {
    const crime = await get<{ fileName: string }>('lpr_staff', '/api/crime/imports?limit=1');
    expect(crime.total).toBeGreaterThan(0);
    expect(crime.items).toHaveLength(1);
    const byName = await get<{ fileName: string }>('lpr_staff', `/api/crime/imports?q=${encodeURIComponent(crime.items[0]!.fileName.slice(0, 6))}`);
    expect(byName.items.map((i) => i.fileName)).toContain(crime.items[0]!.fileName);
    expect(await get('lpr_admin', '/api/registry-imports?limit=5')).toMatchObject({ total: 0, limit: 5, offset: 0, items: [] });
  });
});

describe('audit log', () => {
  type E = { action: string; actionLabel: { de: string } | null; actorName: string | null; entityType: string; entityName: string | null; changes: Record<string, unknown> };
  it('shows readable actions, the actor and entity by name, the full change; filters by module, actor and type; pages', async () => {
    const group = await call('lpr_staff', 'POST', '/api/commune-groups', { name: 'Zschopautal', kind: 'Region', description: '', members: ['14521690', '14521700'] });
    expect(group.statusCode).toBe(201);
    const v = (await call('lpr_admin', 'GET', '/api/admin/audit/vocabulary')).json() as { modules: string[]; actions: { action: string; module: string }[]; actors: { id: string; name: string | null }[] };
    expect(v.modules).toEqual(expect.arrayContaining(['alliance', 'auth', 'communes', 'surveys']));
    const staff = v.actors.find((a) => a.name === 'Lena Referentin (LPR)')!;
    expect(staff).toBeTruthy();
    const list = await get<E>('lpr_admin', `/api/admin/audit?module=communes&actorId=${staff.id}&entityType=commune_group&limit=5`);
    expect(list.items[0]).toMatchObject({ action: 'commune_group.created', actionLabel: { de: 'Gruppe angelegt' }, actorName: 'Lena Referentin (LPR)', entityName: 'Zschopautal' });
    expect(list.items[0]!.changes).toHaveProperty('name', [null, 'Zschopautal']);
    const all = await get<E>('lpr_admin', '/api/admin/audit?limit=5');
    const next = await get<E>('lpr_admin', '/api/admin/audit?limit=5&offset=5');
    expect(all.total).toBeGreaterThan(10);
    expect(next.items).toHaveLength(5);
    // Every action a module writes is labelled.
    const unlabelled = (await get<E>('lpr_admin', '/api/admin/audit?limit=500')).items.filter((e) => !e.actionLabel).map((e) => e.action);
    expect(unlabelled).toEqual([]);
    expect((await call('lpr_staff', 'GET', '/api/admin/audit/vocabulary')).statusCode).toBe(403);
  });

  it('exports the filtered log as CSV (UTF-8 with BOM, semicolons, header) and logs the export', async () => {
    const res = await call('lpr_admin', 'GET', '/api/admin/audit.csv?module=communes&entityType=commune_group');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('aenderungsprotokoll.csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsvRows(res.body, ';');
    expect(rows[0]).toEqual(['Zeitpunkt', 'Person', 'Konto', 'Modul', 'Aktion', 'Aktionskennung', 'Objektart', 'Objekt', 'Objekt-ID', 'Änderungen', 'Anfrage-ID']);
    const created = rows.find((r) => r[7] === 'Zschopautal');
    expect(created?.slice(1, 8)).toEqual(['Lena Referentin (LPR)', 'referentin@lpr.demo', 'communes', 'Gruppe angelegt', 'commune_group.created', 'Gruppe', 'Zschopautal']);
    expect(created?.[9]).toContain('name: – → Zschopautal');
    const exported = await get<E>('lpr_admin', '/api/admin/audit?action=audit_log.exported&limit=1');
    expect(exported.items[0]).toMatchObject({ actionLabel: { de: 'Protokoll exportiert' }, actorName: expect.any(String) });
    expect((await call('lpr_staff', 'GET', '/api/admin/audit.csv')).statusCode).toBe(403);
  });
});
