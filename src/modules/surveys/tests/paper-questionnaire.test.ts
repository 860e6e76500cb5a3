import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, multipart, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { pdfText } from '../../../../test/support/pdf-text.js';
import { newProject, openFieldPhase } from './factories.js';
import type { TDefinition, TProject } from '../surveys.types.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
let running = '';
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'commune', 'police', 'analyst']);
  const list = (await call('lpr_staff', 'GET', '/api/analyses')).json().items as TProject[];
  running = list.find((p) => p.code === 'sa-schwarzenberg-2026')!.id;
});
afterAll(async () => { await t?.close(); });

/** The codes the paper entry form keys: each question, and each row of a matrix question. */
const entryCodes = (d: TDefinition) => d.pages.flatMap((p) => p.questions).flatMap((q) => (q.content.kind === 'matrix' ? [q.code, ...q.content.rows.map((r) => r.code)] : [q.code]));

/** The code printed on its own (IN01 must not count as found inside IN01_a). */
const asToken = (code: string) => new RegExp(`(?<![A-Za-z0-9_])${code}(?![A-Za-z0-9_])`);

describe('the paper questionnaire', () => {
  it('is the frozen questionnaire as a PDF: the commune, instructions, every question with its entry code, the return address', async () => {
    const res = await call('analyst', 'GET', `/api/analyses/${running}/questionnaire.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('Fragebogen-sa-schwarzenberg-2026.pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Bürgerbefragung zur Sicherheit in Schwarzenberg/Erzgeb.');
    expect(text.match(/Bürgerbefragung zur Sicherheit in/g)).toHaveLength(1);
    expect(text).toContain('So füllen Sie den Fragebogen aus');
    expect(text).toContain('Bogen-Nr.');
    expect(text).toContain('Rückumschlag');
    expect(text).toContain('Stadtverwaltung Schwarzenberg/Erzgeb.');
    expect(text).toContain('http://localhost:3000/befragung');
    const q = (await call('analyst', 'GET', `/api/analyses/${running}/questionnaire`)).json();
    expect(q.status).toBe('frozen');
    const d = q.definition as TDefinition;
    for (const code of entryCodes(d)) expect(text, code).toMatch(asToken(code));
    // Wording and answers as the respondents read them online; the districts for the district question.
    const first = d.pages[0]!.questions[0]!;
    expect(text).toContain(first.content.wording.de.slice(0, 30));
    for (const district of d.districts) expect(text).toContain(district);
    // The Angsträume question asks for a description on paper.
    expect(text).toContain('Ort 1 – wo genau?');
    expect(text).toContain('schlecht beleuchtet');
  });

  it('in English when the questionnaire is translated, refused otherwise', async () => {
    const q = (await call('analyst', 'GET', `/api/analyses/${running}/questionnaire`)).json();
    const res = await call('analyst', 'GET', `/api/analyses/${running}/questionnaire.pdf?lang=en`);
    if (q.paperLanguages.includes('en')) {
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('Citizen survey on safety in Schwarzenberg/Erzgeb.');
      for (const code of entryCodes(q.definition)) expect(text, code).toMatch(asToken(code));
    } else {
      expect(res.json()).toMatchObject({ status: 422, code: 'no_english' });
    }
    expect((await call('analyst', 'GET', `/api/analyses/${running}/questionnaire.pdf?lang=fr`)).statusCode).toBe(400);
  });

  it('carries the crest of the letter once uploaded', async () => {
    const lpr = await loginAs(t.app, 'lpr_staff');
    const projectId = await newProject(t, lpr);
    // Not before the field phase: the draft can still change.
    const draft = await t.app.inject({ url: `/api/analyses/${projectId}/questionnaire.pdf`, headers: lpr.headers });
    expect(draft.json()).toMatchObject({ status: 422, code: 'not_frozen' });
    await openFieldPhase(t, lpr, projectId, 20);
    const before = await t.app.inject({ url: `/api/analyses/${projectId}/questionnaire.pdf`, headers: lpr.headers });
    expect(before.rawPayload.includes('/Subtype /Image')).toBe(false);
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const m = multipart({}, { name: 'wappen.png', type: 'image/png', data: png });
    expect((await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/letter/crest`, headers: { ...lpr.headers, ...m.headers }, payload: m.payload })).statusCode).toBe(200);
    const after = await t.app.inject({ url: `/api/analyses/${projectId}/questionnaire.pdf`, headers: lpr.headers });
    expect(after.statusCode).toBe(200);
    expect(after.rawPayload.includes('/Subtype /Image')).toBe(true);
  });

  it('is for those who prepare the letters: not the commune (reading only), nothing for others', async () => {
    expect((await call('lpr_staff', 'GET', `/api/analyses/${running}/questionnaire.pdf`)).statusCode).toBe(200);
    expect((await call('commune', 'GET', `/api/analyses/${running}/questionnaire.pdf`)).statusCode).toBe(403);
    expect((await call('police', 'GET', `/api/analyses/${running}/questionnaire.pdf`)).statusCode).toBe(403);
    expect((await call(null, 'GET', `/api/analyses/${running}/questionnaire.pdf`)).statusCode).toBe(401);
    const spec = (await t.app.inject('/api/openapi.json')).json();
    expect(spec.paths['/api/analyses/{id}/questionnaire.pdf'].get.responses['200'].description).toContain('PDF');
  });
});
