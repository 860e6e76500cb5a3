import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type TestApp } from '../../../../test/helpers.js';
import { checkOparl, type ConformanceOptions } from '../oparl/conformance.js';
import { publicFileCondition } from '../public-visibility.js';
import { councilFiles } from '../schema.js';
import { createOparlFixture, injectFetch, SECRET, type OparlFixture } from './oparl-fixture.js';

/*
 * The OParl 1.1 API: the conformance checker crawls it without a single problem, and is itself shown to fail on
 * broken answers; what is not public never appears; filters, deletion, CORS, cookies and file headers.
 */
let t: TestApp;
let fx: OparlFixture;
let origin: string;
let base: string;
let fetcher: NonNullable<ConformanceOptions['fetch']>;

/** A port free right now: the app's PUBLIC_URL names it, so that the CLI can crawl the listening server too. */
const freePort = () => new Promise<number>((done) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => done(port));
  });
});

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: `http://127.0.0.1:${await freePort()}` });
  fx = await createOparlFixture(t.app.database.db, t.app.files);
  origin = new URL(t.config.publicUrl).origin;
  base = `${t.config.publicUrl}/oparl/v1.1`;
  fetcher = injectFetch(t.app, origin);
});
afterAll(async () => { await t?.close(); });

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: url.replace(origin, ''), headers });
const json = async (url: string) => (await get(url)).json();
/** Every object of a list, following links.next. */
async function all(url: string) {
  const out: Record<string, unknown>[] = [];
  for (let next: string | undefined = url; next;) {
    const page = await json(next);
    out.push(...page.data);
    next = page.links.next;
  }
  return out;
}

/** The checker over a fetch whose answers `mutate` may change (to prove that it notices). */
function tampered(mutate: (url: string, body: any, res: Response) => { body?: any; headers?: Record<string, string | null> } | void): NonNullable<ConformanceOptions['fetch']> {
  return async (url, init) => {
    const res = await fetcher(url, init);
    if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
      const change = mutate(url, undefined, res);
      if (!change?.headers) return res;
      const headers = new Headers(res.headers);
      for (const [k, v] of Object.entries(change.headers)) if (v === null) headers.delete(k); else headers.set(k, v);
      return new Response(await res.arrayBuffer(), { status: res.status, headers });
    }
    const body = await res.json();
    const change = mutate(url, body, res) ?? {};
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(change.headers ?? {})) if (v === null) headers.delete(k); else headers.set(k, v);
    return new Response(JSON.stringify(change.body ?? body), { status: res.status, headers });
  };
}

describe('OParl 1.1 conformance', () => {
  it('crawls the whole interface from the System object without a problem', async () => {
    const result = await checkOparl(base, { fetch: fetcher });
    expect(result.problems).toEqual([]);
    console.log(`OParl crawl: ${JSON.stringify(result.stats)}`);
    // the demo councils (Chemnitz and others) besides the fixture's
    expect(result.stats.byType.Body).toBeGreaterThan(1);
    for (const type of ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem', 'Paper', 'Consultation', 'File', 'Location']) {
      expect(result.stats.byType[type], type).toBeGreaterThan(0);
    }
    expect(result.stats.deleted).toBeGreaterThanOrEqual(1);
    expect(result.stats.files).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('notices broken answers', async () => {
    const expectProblem = async (mutate: Parameters<typeof tampered>[0], match: RegExp, options: Partial<ConformanceOptions> = { filters: false }) => {
      const { problems } = await checkOparl(base, { fetch: tampered(mutate), ...options });
      expect(problems.map((p) => `${p.pointer} ${p.message}`).join('\n'), String(match)).toMatch(match);
    };
    const meetingList = `${base}/body/${fx.councilId}/meeting`;
    // created missing in an embedded object (OParl 1.1 requires it there too)
    await expectProblem((url, body) => { if (url === meetingList) for (const m of body.data) for (const a of m.agendaItem ?? []) delete a.created; }, /\/agendaItem\/0\/created AgendaItem: must have required property 'created'/);
    // null and empty strings
    await expectProblem((url, body) => { if (url === `${base}/person/${fx.persons.anna}`) body.givenName = null; }, /\/givenName Der Wert null/);
    await expectProblem((url, body) => { if (url === `${base}/body/${fx.councilId}`) body.shortName = ''; }, /\/shortName Leere Zeichenkette/);
    // a Body without the lists the text makes mandatory
    await expectProblem((url, body) => { if (url === `${base}/body`) delete body.data[0].locationList; }, /\/data\/0\/locationList Body: must have required property 'locationList'/);
    // an embedded object that differs from the one at its id
    await expectProblem((url, body) => { if (url === `${base}/meeting/${fx.meetings.approved}`) body.agendaItem[0].name = 'Anders'; }, /name weicht vom Objekt an seiner id/);
    // CORS and cookies
    await expectProblem((url) => (url === `${base}/body` ? { headers: { 'access-control-allow-origin': null } } : undefined), /Access-Control-Allow-Origin/);
    await expectProblem((url) => (url === base ? { headers: { 'set-cookie': 'sid=1' } } : undefined), /setzt ein Cookie/);
    // a deleted object in a list without modified_since
    await expectProblem((url, body) => {
      if (url === `${base}/body/${fx.councilId}/agendaItem`) body.data.push({ id: `${base}/agendaItem/${fx.items.deleted}`, type: 'https://schema.oparl.org/1.1/AgendaItem', created: '2026-03-02T10:00:00+00:00', modified: '2026-06-02T09:00:00+00:00', deleted: true });
    }, /Gelöschtes Objekt ohne modified_since/);
    // file headers and checksum
    await expectProblem((url) => (url.endsWith(`${fx.files.paper}/access`) ? { headers: { 'content-disposition': 'attachment; filename="x.pdf"' } } : undefined), /accessUrl sendet Content-Disposition: attachment/);
    await expectProblem((url) => (url.endsWith(`${fx.files.paper}/download`) ? { headers: { 'content-disposition': null } } : undefined), /downloadUrl sendet kein Content-Disposition/);
    await expectProblem((url, body) => { if (url === `${base}/file/${fx.files.paper}`) body.sha512Checksum = 'ab'.repeat(64); }, /sha512Checksum passt nicht/);
    // wrong date-time format, and a list page without links
    await expectProblem((url, body) => { if (url === `${base}/location/${fx.locationId}`) body.modified = '2026-03-02 10:00'; }, /\/modified Location: must match format "date-time"/);
    await expectProblem((url, body) => { if (url === `${base}/body`) delete body.links; }, /\/links Eine Listenseite braucht links/);
    // filters: lost in links.next, or not narrowing
    const agendaList = `${base}/body/${fx.councilId}/agendaItem`;
    await expectProblem((url, body) => { if (url.startsWith(`${agendaList}?created_until`) && body.links.next) body.links.next = body.links.next.replace(/created_until=[^&]+&?/, ''); }, /Der Parameter created_until geht im Link verloren/, { filters: true });
    await expectProblem((url) => (url.startsWith(`${agendaList}?created_since`) ? { body: { data: [], pagination: {}, links: {} } } : undefined), /fehlt in der mit created_since=/, { filters: true });
    await expectProblem((url, body) => { if (url === `${base}/agendaItem/${fx.items.deleted}`) delete body.deleted; }, /an seiner id nicht als gelöscht markiert/, { filters: true });
    await expectProblem((url, body) => { if (url.startsWith(`${agendaList}?modified_since`)) body.data = body.data.filter((a: { deleted?: boolean }) => !a.deleted).slice(1); }, /fehlt mit modified_since|fehlt in der mit modified_since/, { filters: true });
  }, 300_000);
});

describe('OParl: what is not public never appears', () => {
  it('has no trace of non-public items, papers, files, draft minutes and persons without consent', async () => {
    const bodies: string[] = [];
    const recording: NonNullable<ConformanceOptions['fetch']> = async (url, init) => {
      const res = await fetcher(url, init);
      bodies.push(Buffer.from(await res.clone().arrayBuffer()).toString('utf8'));
      return res;
    };
    const result = await checkOparl(base, { fetch: recording });
    expect(result.problems).toEqual([]);
    const everything = bodies.join('\n');
    expect(everything).not.toContain(SECRET);
    for (const id of fx.hiddenIds) expect(everything, id).not.toContain(id);
    expect(everything).not.toContain('geheim@testhausen.example');
    expect(everything).not.toContain('anna@testhausen.example'); // contact details are for members only
    for (const path of [`person/${fx.persons.hidden}`, `membership/${fx.memberships.hidden}`, `agendaItem/${fx.items.secret}`, `paper/${fx.papers.secret}`,
      `file/${fx.files.secretItem}`, `file/${fx.files.draftMinutes}/access`, `file/${fx.files.attendance}`, `file/${fx.files.secretPaper}/download`, `consultation/${fx.items.secret}`]) {
      const res = await get(`${base}/${path}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json(), path).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error' });
    }
  }, 120_000);

  it('publishes the files the public pages publish (public-visibility.ts), no more and no fewer', async () => {
    const publicIds = (await t.app.database.db.select({ id: councilFiles.id }).from(councilFiles).where(publicFileCondition)).map((r) => `${base}/file/${r.id}`).sort();
    const bodies = (await all(`${base}/body`)).map((b) => b.id as string);
    const listed = (await Promise.all(bodies.map((b) => all(`${b}/file`)))).flat().map((f) => f.id as string);
    // the stored files; the approved minutes (rendered, not stored) follow them
    const oparl = listed.filter((f) => !f.endsWith('/resultsProtocol')).sort();
    expect(oparl).toEqual(publicIds);
    expect(listed).toContain(`${base}/meeting/${fx.meetings.approved}/resultsProtocol`);
    expect(listed).not.toContain(`${base}/meeting/${fx.meetings.draft}/resultsProtocol`);
    expect(oparl).toContain(`${base}/file/${fx.files.rules}`);
  });

  it('publishes decisions with their tracking, owners by name only with consent', async () => {
    const item = await json(`${base}/agendaItem/${fx.items.public}`);
    expect(item).toMatchObject({
      order: 1, public: true, result: 'beschlossen (Ja 7, Nein 1, Enthaltungen 2)', resolutionText: 'Die Stadt prüft eine bessere Beleuchtung am Bahnhof.',
      consultation: `${base}/consultation/${fx.items.public}`, 'asskomm:minutes': 'Der Rat berät die Vorlage.',
    });
    expect(item['asskomm:decisions']).toEqual([{
      number: 'KPR-1/2026', text: 'Die Stadt prüft eine bessere Beleuchtung am Bahnhof.', adopted: true, result: 'beschlossen (Ja 7, Nein 1, Enthaltungen 2)',
      tracking: { state: 'in Arbeit', owner: 'Dr. Anna Beispiel', dueDate: '2026-09-30', note: 'Angebote eingeholt' },
    }]);
    const draft = await json(`${base}/agendaItem/${fx.items.draftPublic}`);
    expect(draft.result).toBe('einstimmig beschlossen');
    expect(draft['asskomm:decisions'][0].tracking).toEqual({ state: 'offen', dueDate: '2026-10-31' });
    expect(draft['asskomm:minutes']).toBeUndefined(); // the meeting's minutes are a draft
    const meeting = await json(`${base}/meeting/${fx.meetings.approved}`);
    expect(meeting.agendaItem.map((a: { order: number }) => a.order)).toEqual([1]);
    // approved minutes as the meeting's resultsProtocol (the public version, rendered as PDF); none for draft minutes
    expect(meeting.resultsProtocol).toMatchObject({ id: `${base}/meeting/${fx.meetings.approved}/resultsProtocol`, mimeType: 'application/pdf', date: '2026-06-01' });
    expect(await json(meeting.resultsProtocol.id)).toMatchObject({ ...meeting.resultsProtocol, meeting: [meeting.id] });
    const pdf = await get(meeting.resultsProtocol.accessUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBeUndefined();
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(meeting.resultsProtocol.downloadUrl)).headers['content-disposition']).toMatch(/^attachment; filename="Ergebnisprotokoll /);
    expect((await json(`${base}/meeting/${fx.meetings.draft}`)).resultsProtocol).toBeUndefined();
    expect((await get(`${base}/meeting/${fx.meetings.draft}/resultsProtocol/access`)).statusCode).toBe(404);
    expect(meeting.web).toBe(`${t.config.publicUrl}/kpr/${fx.councilId}/sitzungen/${fx.meetings.approved}`);
    expect(meeting.agendaItem[0].auxiliaryFile.map((f: { id: string }) => f.id)).toEqual([`${base}/file/${fx.files.item}`]);
  });

  it('models the council as organisations with memberships on behalf of represented organisations', async () => {
    const orgs = await all(`${base}/body/${fx.councilId}/organization`);
    const plenum = orgs.find((o) => o.id === `${base}/organization/${fx.plenumId}`)!;
    const group = orgs.find((o) => o.id === `${base}/organization/${fx.groupId}`)!;
    expect(plenum).toMatchObject({ organizationType: 'Gremium', classification: 'Plenum' });
    expect(plenum.subOrganizationOf).toBeUndefined();
    expect(group).toMatchObject({ organizationType: 'Gremium', subOrganizationOf: plenum.id });
    expect(orgs.filter((o) => o.organizationType === 'Institution').map((o) => o.name).sort()).toEqual(['Ordnungsamt Testhausen', 'Polizeirevier Testhausen', 'Stadtverwaltung Testhausen']);
    const membership = await json(`${base}/membership/${fx.memberships.annaGroup}`);
    const onBehalfOf = await json(membership.onBehalfOf);
    expect(onBehalfOf.name).toBe('Ordnungsamt Testhausen');
    expect(membership).toMatchObject({ role: 'Mitglied', votingRight: true, person: `${base}/person/${fx.persons.anna}`, organization: group.id });
    expect(plenum.membership).toEqual([`${base}/membership/${fx.memberships.annaPlenum}`, `${base}/membership/${fx.memberships.bernd}`]);
  });
});

describe('OParl: lists, filters and deletion', () => {
  it('narrows lists by created and modified, keeps the filters in the links and pages by the limit hint', async () => {
    const people = `${base}/body/${fx.councilId}/membership`;
    const memberships = await all(people);
    expect(memberships.length).toBe(3); // the non-consenting person's is not there
    const second = memberships[1]!.created as string;
    const since = `${people}?created_since=${encodeURIComponent(second)}&limit=1`;
    const page1 = await json(since);
    expect(page1.data.length).toBe(1);
    expect(page1.pagination).toMatchObject({ totalElements: 2, elementsPerPage: 1, currentPage: 1, totalPages: 2 });
    expect(new URL(page1.links.next).searchParams.get('created_since')).toBe(second);
    expect(new URL(page1.links.next).searchParams.get('limit')).toBe('1');
    expect((await all(since)).map((m) => m.id)).toEqual(memberships.slice(1).map((m) => m.id));
    expect((await all(`${people}?created_until=${encodeURIComponent(second)}`)).map((m) => m.id)).toEqual(memberships.slice(0, 2).map((m) => m.id));
    const bad = await get(`${base}/body/${fx.councilId}/paper?modified_since=gestern`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error' });
  });

  it('lists a soft-deleted agenda item only with modified_since, and answers it at its id as deleted', async () => {
    const list = `${base}/body/${fx.councilId}/agendaItem`;
    const id = `${base}/agendaItem/${fx.items.deleted}`;
    expect((await all(list)).map((a) => a.id)).not.toContain(id);
    const changed = await all(`${list}?modified_since=${encodeURIComponent('2026-06-01T00:00:00+02:00')}`);
    const stub = changed.find((a) => a.id === id);
    expect(stub).toEqual({ id, type: 'https://schema.oparl.org/1.1/AgendaItem', created: expect.any(String), modified: '2026-06-02T09:00:00+00:00', deleted: true });
    expect(await json(id)).toEqual(stub);
    // an embedding never shows deleted objects
    expect((await json(`${base}/meeting/${fx.meetings.approved}`)).agendaItem.map((a: { id: string }) => a.id)).not.toContain(id);
  });

  it('leaves internal lists out with omit_internal', async () => {
    const meetings = await json(`${base}/body/${fx.councilId}/meeting?omit_internal=true`);
    expect(meetings.data.every((m: Record<string, unknown>) => m.agendaItem === undefined && m.auxiliaryFile === undefined)).toBe(true);
    expect(meetings.links.first).toContain('omit_internal=true');
  });
});

describe('OParl: HTTP', () => {
  it('is stateless: a session cookie is neither read nor answered, CORS for everyone', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const withCookie = await get(`${base}/body/${fx.councilId}/person`, { cookie: admin.cookie });
    const anonymous = await get(`${base}/body/${fx.councilId}/person`);
    expect(withCookie.headers['set-cookie']).toBeUndefined();
    expect(withCookie.body).toBe(anonymous.body);
    expect(withCookie.json().data.map((p: { name: string }) => p.name)).toEqual(['Dr. Anna Beispiel', 'Bernd Muster']);
    expect(withCookie.json().data.map((p: { id: string }) => p.id)).not.toContain(`${base}/person/${fx.persons.hidden}`);
    const broken = await get(`${base}/body`, { cookie: 'asskomm_session=nonsense' });
    expect(broken.headers['set-cookie']).toBeUndefined();
    expect(anonymous.headers['access-control-allow-origin']).toBe('*');
    expect(anonymous.headers['content-type']).toBe('application/json; charset=utf-8');
    const preflight = await t.app.inject({ method: 'OPTIONS', url: `/oparl/v1.1/body/${fx.councilId}`, headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const openapi = (await t.app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/oparl'))).toEqual([]);
    const slash = await get(`${base}/`);
    expect(slash.statusCode).toBe(301);
    expect(slash.headers.location).toBe(base);
    expect((await t.app.inject({ method: 'OPTIONS', url: '/oparl/v1.1' })).headers['access-control-allow-origin']).toBe('*');
    const post = await t.app.inject({ method: 'POST', url: '/oparl/v1.1/body', payload: {} });
    expect(post.statusCode).toBe(405);
    expect(post.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error' });
    const unknown = await get(`${base}/nichts/hier`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ type: 'https://schema.oparl.org/1.1/Error', message: expect.any(String) });
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
  });

  it('serves files: accessUrl inline, downloadUrl as attachment, content matching sha512Checksum', async () => {
    const file = await json(`${base}/file/${fx.files.paper}`);
    expect(file).toMatchObject({ accessUrl: `${base}/file/${fx.files.paper}/access`, downloadUrl: `${base}/file/${fx.files.paper}/download`, mimeType: 'application/pdf', paper: [`${base}/paper/${fx.papers.public}`] });
    const access = await get(file.accessUrl);
    expect(access.statusCode).toBe(200);
    expect(access.headers['content-disposition']).toBeUndefined();
    expect(createHash('sha512').update(access.rawPayload).digest('hex')).toBe(file.sha512Checksum);
    expect(Number(access.headers['content-length'])).toBe(file.size);
    const download = await get(file.downloadUrl);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Vorlage-Beleuchtung-Bahnhof\.pdf"/);
    expect(download.rawPayload.equals(access.rawPayload)).toBe(true);
  });
});

describe('OParl: the checker as a command', () => {
  it('crawls a listening server over HTTP and reports success on its last line', async () => {
    const port = Number(new URL(t.config.publicUrl).port);
    await t.app.listen({ port, host: '127.0.0.1' });
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/oparl-check.ts', base], { cwd: process.cwd(), timeout: 120_000 });
    const summary = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ url: base, ok: true, problems: 0 });
    expect(summary.objects).toBeGreaterThan(20);
  }, 180_000);
});

describe('OParl follows the write API', () => {
  it('shows an agenda item added through the API, hides it once non-public, lists it as deleted after deletion', async () => {
    const admin = await loginAs(t.app, 'lpr_admin');
    const api = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
    const added = await api('POST', `/api/councils/${fx.councilId}/meetings/${fx.meetings.draft}/agenda`, { order: 2, title: 'Neuer Punkt' });
    expect(added.statusCode, added.body).toBe(201);
    const item = (added.json().agenda as { id: string; order: number; version: number }[]).find((a) => a.order === 2)!;
    const id = `${base}/agendaItem/${item.id}`;
    expect((await json(`${base}/meeting/${fx.meetings.draft}`)).agendaItem.map((a: { id: string }) => a.id)).toContain(id);
    const hidden = await api('PUT', `/api/councils/${fx.councilId}/agenda/${item.id}`, { order: 2, title: 'Neuer Punkt', isPublic: false, version: item.version });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect((await get(id)).statusCode).toBe(404);
    expect(JSON.stringify(await json(`${base}/meeting/${fx.meetings.draft}`))).not.toContain(item.id);
    const shown = await api('PUT', `/api/councils/${fx.councilId}/agenda/${item.id}`, { order: 2, title: 'Neuer Punkt', isPublic: true, version: item.version + 1 });
    expect(shown.statusCode, shown.body).toBe(200);
    const live = await json(id);
    const deleted = await api('DELETE', `/api/councils/${fx.councilId}/agenda/${item.id}?version=${item.version + 2}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const stub = await json(id);
    expect(stub).toMatchObject({ id, deleted: true, created: live.created });
    expect(Date.parse(stub.modified)).toBeGreaterThanOrEqual(Date.parse(live.modified));
    const changed = await all(`${base}/body/${fx.councilId}/agendaItem?modified_since=${encodeURIComponent(live.modified)}`);
    expect(changed).toContainEqual(stub);
    expect((await all(`${base}/body/${fx.councilId}/agendaItem`)).map((a) => a.id)).not.toContain(id);
    expect((await checkOparl(base, { fetch: fetcher })).problems).toEqual([]);
  }, 120_000);
});
