import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, multipart, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { buildPdf, PAGE_OBJECTS } from '../../../../test/support/files.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police', 'coach']);
});
afterAll(async () => { await t?.close(); });

const auditCount = async () => (await t.database.db.execute('select count(*)::int as n from audit_log') as unknown as { rows: { n: number }[] }).rows[0]!.n;

describe('cooperation agreements', () => {
  let groupDraft: { id: string; version: number; parties: { party: string; ags: string | null; label: string }[] };

  it('drafts a group agreement from the template with the directorate of the Kreis as police party', async () => {
    // A fresh group (the demo Silberberg group already has a signed agreement).
    const g = await call('lpr_staff', 'POST', '/api/commune-groups', { name: 'Testverbund Erzgebirge', kind: 'Städtebund', description: '', members: ['14521170', '14521320'] });
    expect(g.statusCode).toBe(201);
    const res = await call('lpr_staff', 'POST', '/api/agreements', { kind: 'cooperation', groupId: g.json().id, modules: ['coaching', 'safety_analysis'], topics: ['vandalism'], goals: ['Sicherheitsgefühl stärken'] });
    expect(res.statusCode).toBe(201);
    groupDraft = res.json();
    const a = res.json();
    expect(a.state).toBe('draft');
    expect(a.policeDirectorate.id).toBe('chemnitz');
    expect(a.communes.map((c: { ags: string }) => c.ags).sort()).toEqual(['14521170', '14521320']);
    expect(a.parties.map((p: { party: string }) => p.party)).toEqual(['commune', 'commune', 'police', 'lpr']);
    expect(a.sections.map((x: { title: string }) => x.title)).toEqual(['Vorbemerkung', 'Ziele und Aufgaben', 'Ausgestaltung: Bestandsaufnahme', 'Ausgestaltung: Aufgaben der Partner', 'Ausgestaltung: Themen', 'Ausgestaltung: Maßnahmen', 'Überprüfung']);
    expect(a.sections[0].text).toContain('Polizeidirektion Chemnitz');
    expect(a.sections[3].text).toContain('Coaching und Sicherheitsanalyse');
  });

  it('refuses a police party whose directorate does not cover the communes, changing nothing', async () => {
    const before = await auditCount();
    const res = await call('lpr_staff', 'POST', '/api/agreements', { kind: 'cooperation', subjectAgs: '14628060', policeDirectorateId: 'zwickau' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'commune_outside_directorate', field: 'policeDirectorateId' });
    expect(res.json().detail).toContain('Dippoldiswalde');
    expect(await auditCount()).toBe(before);
  });

  it('guards signing: agreed first (which needs every signatory), a date not in the future', async () => {
    const id = groupDraft.id;
    let res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'sign', version: groupDraft.version, signedOn: '2025-01-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalid_transition');
    res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'agree', version: groupDraft.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('signatory_missing');
    expect(res.json().detail).toContain('Stadt Eibenstock');
    const full = (await call('lpr_staff', 'GET', `/api/agreements/${id}`)).json();
    res = await call('lpr_staff', 'PUT', `/api/agreements/${id}`, {
      ...pick(full), version: full.version,
      signatories: [
        { party: 'commune', ags: '14521170', name: 'Erika Muster', office: 'Bürgermeisterin' },
        { party: 'commune', ags: '14521320', name: 'Max Beispiel', office: 'Oberbürgermeister' },
        { party: 'police', name: 'Paul Polizei', office: 'Polizeipräsident' }, { party: 'lpr', name: 'Lara Rat', office: 'Geschäftsführerin' },
      ],
    });
    expect(res.statusCode).toBe(200);
    res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'agree', version: res.json().version });
    expect(res.json().state).toBe('agreed');
    let version = res.json().version;
    res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'sign', version, signedOn: '2999-01-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'signed_on_in_future', field: 'signedOn' });
    // Completing the place keeps the agreed state.
    const agreed = (await call('lpr_staff', 'GET', `/api/agreements/${id}`)).json();
    res = await call('lpr_staff', 'PUT', `/api/agreements/${id}`, { ...pick(agreed), version, signedPlace: 'Eibenstock' });
    expect(res.statusCode).toBe(200);
    expect(res.json().state).toBe('agreed');
    version = res.json().version;
    // Only LPR staff sign.
    expect((await call('commune', 'POST', `/api/agreements/${id}/transitions`, { action: 'sign', version, signedOn: '2025-01-10' })).statusCode).toBe(403);
    res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'sign', version, signedOn: '2025-01-10' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ state: 'signed', signedOn: '2025-01-10', inForceSince: '2025-01-10', revisions: [{ revision: 1, signedOn: '2025-01-10' }] });
  });

  it('makes a new revision when a signed agreement changes; the signed one stays readable', async () => {
    const current = (await call('lpr_staff', 'GET', `/api/agreements/${groupDraft.id}`)).json();
    const res = await call('lpr_staff', 'PUT', `/api/agreements/${groupDraft.id}`, { ...pick(current), version: current.version, measures: ['Neue Maßnahme: Präventionstag'] });
    expect(res.json()).toMatchObject({ state: 'draft', revision: 2, inForceSince: '2025-01-10' });
    const old = await call('police', 'GET', `/api/agreements/${groupDraft.id}/revisions/1`);
    expect(old.statusCode).toBe(200);
    expect(old.json().measures).toEqual([]);
    expect(old.json().state).toBe('signed');
  });

  it('refuses a second active individual agreement of the same kind for one commune, but allows own + group (Schwarzenberg)', async () => {
    const draft = (await call('lpr_staff', 'POST', '/api/agreements', {
      kind: 'cooperation', subjectAgs: '14628060',
      signatories: [{ party: 'commune', ags: '14628060', name: 'A', office: 'B' }, { party: 'police', name: 'C', office: 'D' }, { party: 'lpr', name: 'E', office: 'F' }],
    })).json();
    const agreed = (await call('lpr_staff', 'POST', `/api/agreements/${draft.id}/transitions`, { action: 'agree', version: draft.version })).json();
    const res = await call('lpr_staff', 'POST', `/api/agreements/${draft.id}/transitions`, { action: 'sign', version: agreed.version, signedOn: '2025-02-01' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('overlapping_agreement');
    expect(res.json().detail).toContain('Dippoldiswalde');
    const schwarzenberg = (await call('lpr_staff', 'GET', '/api/agreements?ags=14521550')).json().items;
    expect(schwarzenberg.filter((a: { inForceSince: string | null }) => a.inForceSince === '2021-12-17')).toHaveLength(2);
  });

  it('lets a commune see its own agreements and drafts, police their directorate, and nobody else', async () => {
    const mine = (await call('commune', 'GET', '/api/agreements')).json().items as { communes: { ags: string }[] }[];
    expect(mine.length).toBe(2);
    expect(mine.every((a) => a.communes.some((c) => c.ags === '14521550'))).toBe(true);
    const dippoldiswalde = (await call('lpr_staff', 'GET', '/api/agreements?ags=14628060')).json().items[0];
    expect((await call('commune', 'GET', `/api/agreements/${dippoldiswalde.id}`)).statusCode).toBe(404);
    expect((await call('police', 'GET', `/api/agreements/${dippoldiswalde.id}`)).statusCode).toBe(404);
    const police = (await call('police', 'GET', '/api/agreements')).json().items as { policeDirectorate: { id: string } }[];
    expect(police.length).toBeGreaterThan(3);
    expect(police.every((a) => a.policeDirectorate.id === 'chemnitz')).toBe(true);
    expect((await call('coach', 'GET', '/api/agreements')).statusCode).toBe(403);
  });

  it('publishes only signed agreements’ headline facts', async () => {
    const res = await call(null, 'GET', '/api/public/agreements?ags=14521550');
    const items = res.json().items as Record<string, unknown>[];
    expect(items.map((i) => i.title).sort()).toEqual(['Kooperationsvereinbarung Stadt Schwarzenberg/Erzgeb.', 'Kooperationsvereinbarung Städtebund Silberberg']);
    expect(Object.keys(items[0]!).sort()).toEqual(['communes', 'endedOn', 'id', 'kind', 'kindLabel', 'modules', 'parties', 'signedOn', 'title']);
    expect(JSON.stringify(items)).not.toContain('Carsten Kaempf');
  });

  it('generates the DOCX with party blocks, signature lines and page numbers, and a PDF', async () => {
    const silberberg = (await call('lpr_staff', 'GET', '/api/agreements?ags=14521035')).json().items[0];
    const docx = await call('police', 'GET', `/api/agreements/${silberberg.id}/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain('.docx');
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    for (const text of ['Kooperationsvereinbarung', 'Städtebund', 'Ruben Gerhart', 'Carsten Kaempf', 'Sven Forkert', 'Polizeidirektion Chemnitz', '17.12.2021', '§ 1 Vorbemerkung', '______']) expect(xml).toContain(text);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const footer = Object.keys(zip.files).find((f) => f.startsWith('word/footer'))!;
    expect(await zip.file(footer)!.async('string')).toMatch(/PAGE|NUMPAGES/);
    const pdf = await call('lpr_staff', 'GET', `/api/agreements/${silberberg.id}/document?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(20_000);
  });

  it('accepts the signed scan as PDF only, and serves it back', async () => {
    const id = (await call('lpr_staff', 'GET', '/api/agreements?ags=14628060&state=signed')).json().items[0].id;
    const staff = await loginAs(t.app, 'lpr_staff');
    const upload = (name: string, type: string, data: Buffer) => {
      const m = multipart({}, { name, type, data });
      return t.app.inject({ method: 'POST', url: `/api/agreements/${id}/scan`, headers: { ...staff.headers, ...m.headers }, payload: m.payload });
    };
    expect((await upload('scan.docx', 'application/msword', Buffer.from('PK..'))).statusCode).toBe(415);
    const fake = await upload('scan.pdf', 'application/pdf', Buffer.from('<html>not a pdf</html>'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('not_a_pdf');
    const huge = await upload('riesig.pdf', 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(16 * 1024 * 1024, 32)]));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().detail).toMatch(/MB/);
    // Only the start of a PDF, markup behind the header, JavaScript: refused, naming the file, nothing stored.
    const stub = await upload('scan.pdf', 'application/pdf', Buffer.from('%PDF-1.4\n% scan\n'));
    expect(stub.json()).toMatchObject({ status: 422, code: 'pdf_invalid', field: 'file' });
    expect(stub.json().detail).toMatch(/^Die Datei ist kein gültiges PDF-Dokument: .*%%EOF/);
    const html = await upload('scan.pdf', 'application/pdf', Buffer.from('%PDF-1.7\n<html><body><script>fetch("/api/admin/audit")</script></body></html>\n%%EOF\n'));
    expect(html.json()).toMatchObject({ status: 422, code: 'pdf_html', field: 'file' });
    expect(html.json().detail).toMatch(/^Die Datei enthält HTML oder Skripte/);
    const js = await upload('scan.pdf', 'application/pdf', buildPdf({
      objects: ['<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>', ...PAGE_OBJECTS.slice(1), '<< /S /JavaScript /JS (app.launchURL\\("https://example.org"\\)) >>'], xref: 'stream', packed: [1, 5],
    }));
    expect(js.json()).toMatchObject({ status: 422, code: 'pdf_active', field: 'file' });
    expect(js.json().detail).toMatch(/^Die Datei enthält aktive Inhalte \(.*JavaScript/);
    expect((await call('lpr_staff', 'GET', `/api/agreements/${id}/scan`)).statusCode).toBe(404);
    const ok = await upload('Vereinbarung unterschrieben.pdf', 'application/pdf', buildPdf());
    expect(ok.statusCode).toBe(200);
    expect(ok.json().scan).toMatchObject({ revision: 1, name: 'Vereinbarung unterschrieben.pdf' });
    const back = await call('lpr_staff', 'GET', `/api/agreements/${id}/scan`);
    expect(back.rawPayload.toString()).toContain('% scan');
  });
});

function pick(a: Record<string, unknown>) {
  const { title, policeDirectorateId, policeUnit, signatories, modules, topics, goals, measures, sections, signedPlace } = {
    ...a, policeDirectorateId: (a.policeDirectorate as { id: string }).id, topics: (a.topics as { id: string }[]).map((x) => x.id),
  } as Record<string, unknown>;
  return { title, policeDirectorateId, policeUnit, signatories, modules, topics, goals, measures, sections, signedPlace };
}
