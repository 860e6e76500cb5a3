import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { createTestApp, roleCaller, type TestApp } from '../../../../test/helpers.js';
import { DEMO_ANALYSIS_CODE } from '../seed-demo.js';
import { buildAnalysis } from './factories.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_staff', 'analyst', 'commune', 'police']);
});
afterAll(async () => { await t?.close(); });

describe('analysis projects', () => {
  let id = '';
  it('commissions an analysis with the 20-week plan, the commune checklist and a questionnaire draft from the bank', async () => {
    const res = await call('lpr_staff', 'POST', '/api/analyses', { ags: '14521035', institute: 'Institut für Sicherheitsforschung', startOn: '2026-09-14' });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    id = p.id;
    expect(p).toMatchObject({ code: 'sa-aue-bad-schlema-2026', title: 'Sicherheitsanalyse Aue-Bad Schlema 2026', status: 'running' });
    expect(p.phases.map((x: { label: string }) => x.label)).toEqual(['Kick-off', 'Datenbereitstellung', 'Feldphase', 'Auswertung', 'Bericht', 'Transferworkshop']);
    expect(p.phases.at(-1).dueOn).toBe('2027-01-31');
    expect(p.tasks.map((x: { key: string }) => x.key)).toEqual(['register_extract', 'approve_letter', 'inform_citizens', 'collect_returns']);
    const q = (await call('lpr_staff', 'GET', `/api/analyses/${id}/questionnaire`)).json();
    expect(q).toMatchObject({ revision: 1, status: 'draft' });
    const model = new Model(q.surveyJson);
    expect(model.getQuestionByName('AF01').title).toBe('Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?');
    expect(q.elements.filter((e: { type: string }) => e.type === 'item')).toHaveLength(18);
  });

  it('runs the demo survey: frozen questionnaire, drawn sample with names deleted, a few hundred answers', async () => {
    const demo = (await call('analyst', 'GET', '/api/analyses')).json().items.find((p: { code: string }) => p.code === DEMO_ANALYSIS_CODE);
    expect(demo.phases.find((p: { key: string }) => p.key === 'field').status).toBe('in_progress');
    expect((await call('analyst', 'GET', `/api/analyses/${demo.id}/questionnaire`)).json().status).toBe('frozen');
    const sample = (await call('analyst', 'GET', `/api/analyses/${demo.id}/sample`)).json();
    expect(sample).toMatchObject({ requestedSize: 800, personsStored: 0 });
    expect(sample.personalDataDeletedAt).not.toBeNull();
    const m = (await call('commune', 'GET', `/api/analyses/${demo.id}/monitoring`)).json();
    expect(m.returned).toBeGreaterThan(250);
    expect(m.returned).toBeLessThan(400);
    expect(m.codesUsed).toBe(m.returned);
  });

  it('shows an analysis to its analyst and its commune only', async () => {
    const demo = (await call('analyst', 'GET', '/api/analyses')).json().items;
    expect(demo.map((p: { code: string }) => p.code).sort()).toEqual(['sa-schwarzenberg-2022', 'sa-schwarzenberg-2026']);
    expect((await call('analyst', 'GET', `/api/analyses/${id}`)).statusCode).toBe(404);
    expect((await call('commune', 'GET', '/api/analyses')).json().items.map((p: { ags: string }) => p.ags)).toEqual(['14521550', '14521550']);
    expect((await call('police', 'GET', '/api/analyses')).statusCode).toBe(403);
  });

  it('lets the commune tick its tasks but not change the questionnaire', async () => {
    const { project } = await buildAnalysis(t, { ags: '14521550', startOn: '2026-10-05' });
    const p = (await call('commune', 'GET', `/api/analyses/${project.id}`)).json();
    expect(p.can).toEqual({ read: true, work: false, communeTasks: true, commission: false });
    const task = p.tasks[0];
    const res = await call('commune', 'PUT', `/api/analyses/${p.id}/tasks/${task.key}`, { done: true, version: task.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().tasks[0].doneOn).not.toBeNull();
    expect((await call('commune', 'PUT', `/api/analyses/${p.id}/questionnaire`, { title: { de: 'x', en: 'x' }, intro: { de: '', en: '' }, elements: [], version: 1 })).statusCode).toBe(403);
  });

  it('shows an analyst the analyses assigned to them, what they may do there, and hides the others', async () => {
    const { project, analyst } = await buildAnalysis(t, { ags: '14521035' });
    const as = (url: string) => t.app.inject({ url, headers: analyst.headers });
    expect((await as('/api/analyses')).json().items.map((p: { code: string }) => p.code)).toEqual([project.code]);
    expect((await as(`/api/analyses/${project.id}`)).json().can).toEqual({ read: true, work: true, communeTasks: true, commission: false });
    expect((await as(`/api/analyses/${id}`)).statusCode).toBe(404);
  });

  it('composes a questionnaire from bank items and own questions, then freezes it when the field phase starts', async () => {
    const q = (await call('lpr_staff', 'GET', `/api/analyses/${id}`)).json();
    const draft = (await call('lpr_staff', 'GET', `/api/analyses/${q.id}/questionnaire`)).json();
    const own = { type: 'custom', code: 'X01', content: { dimension: 'measures', kind: 'single', wording: { de: 'Kennen Sie den Präventionsrat?', en: 'Do you know the prevention council?' }, scale: [{ value: 1, label: { de: 'ja', en: 'yes' } }, { value: 0, label: { de: 'nein', en: 'no' } }] } };
    const elements = [{ type: 'page', title: { de: 'Sicherheit', en: 'Safety' } }, { type: 'item', code: 'IN01', itemVersion: 1 }, { type: 'item', code: 'AF01', itemVersion: 1 }, own, { type: 'item', code: 'SD03', itemVersion: 1 }];
    let res = await call('lpr_staff', 'PUT', `/api/analyses/${q.id}/questionnaire`, { title: draft.title, intro: draft.intro, elements: [...elements, { type: 'item', code: 'AF01', itemVersion: 1 }], version: draft.version });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('AF01');
    res = await call('lpr_staff', 'PUT', `/api/analyses/${q.id}/questionnaire`, { title: draft.title, intro: draft.intro, elements, version: draft.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().definition.pages[0].questions.map((x: { code: string }) => x.code)).toEqual(['IN01', 'AF01', 'X01', 'SD03']);
    // The district question needs Ortsteile before the field phase.
    let start = await call('lpr_staff', 'POST', `/api/analyses/${q.id}/field-phase`, { version: res.json().version });
    expect(start.statusCode).toBe(422);
    expect(start.json().code).toBe('districts_missing');
    const project = (await call('lpr_staff', 'PUT', `/api/analyses/${q.id}/districts`, { districts: ['Altstadt', 'Sonnenleithe', 'Heide', 'Bermsgrün'], version: q.version })).json();
    expect(project.districts).toHaveLength(4);
    start = await call('lpr_staff', 'POST', `/api/analyses/${q.id}/field-phase`, { version: res.json().version });
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({ status: 'frozen', revision: 1 });
    expect(start.json().surveyJson.pages[0].elements.find((e: { name: string }) => e.name === 'SD03').choices).toHaveLength(4);
    const after = await call('lpr_staff', 'PUT', `/api/analyses/${q.id}/questionnaire`, { title: draft.title, intro: draft.intro, elements, version: start.json().version });
    expect(after.statusCode).toBe(422);
    expect(after.json().code).toBe('questionnaire_frozen');
  });

  it('pages the item bank and finds items by code or wording', async () => {
    type Page = { items: { code: string }[]; total: number; dimensions: string[] };
    const all = (await call('lpr_staff', 'GET', '/api/survey-items')).json() as Page;
    expect(all.items).toHaveLength(all.total);
    expect(all.items.map((i) => i.code)).toEqual([...all.items.map((i) => i.code)].sort());
    const second = (await call('lpr_staff', 'GET', '/api/survey-items?limit=5&offset=5')).json() as Page;
    expect(second.total).toBe(all.total);
    expect(second.items.map((i) => i.code)).toEqual(all.items.slice(5, 10).map((i) => i.code));
    expect(second.dimensions.length).toBeGreaterThan(1);
    expect((await call('lpr_staff', 'GET', '/api/survey-items?q=af0')).json().items.every((i: { code: string }) => i.code.startsWith('AF0'))).toBe(true);
    const byWording = (await call('lpr_staff', 'GET', `/api/survey-items?q=${encodeURIComponent('wohngegend unterwegs')}`)).json() as Page;
    expect(byWording.items.map((i) => i.code)).toContain('AF01');
  });

  it('keeps item versions: a revised item is a new version and frozen questionnaires keep the old wording', async () => {
    const items = (await call('lpr_staff', 'GET', '/api/survey-items')).json().items;
    const af = items.find((i: { code: string }) => i.code === 'AF01');
    const res = await call('lpr_staff', 'POST', '/api/survey-items/AF01/versions', { basedOn: 1, note: 'Wohngegend → Wohnumfeld', content: { ...af, wording: { de: 'Wie sicher fühlen Sie sich nachts allein in Ihrem Wohnumfeld?', en: af.wording.en } } });
    expect(res.statusCode).toBe(201);
    expect(res.json().itemVersion).toBe(2);
    expect((await call('lpr_staff', 'POST', '/api/survey-items/AF01/versions', { basedOn: 1, content: af })).statusCode).toBe(409);
    expect((await call('lpr_staff', 'GET', '/api/survey-items/AF01')).json().items.map((i: { itemVersion: number }) => i.itemVersion)).toEqual([2, 1]);
    const q = (await call('lpr_staff', 'GET', `/api/analyses/${id}/questionnaire`)).json();
    expect(JSON.stringify(q.surveyJson)).toContain('nachts allein in Ihrer Wohngegend');
    expect((await call('analyst', 'POST', '/api/survey-items', { code: 'ZZ01', content: af })).statusCode).toBe(403);
    const bad = await call('lpr_staff', 'POST', '/api/survey-items', { code: 'ZZ01', content: { ...af, scale: [af.scale[0]] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('content.scale');
    expect(bad.json().detail).toBe('Antworten: Diese Frageart braucht mindestens zwei Antwortmöglichkeiten.');
  });

  it('feeds the statewide figure when an analysis is completed', async () => {
    const before = (await call(null, 'GET', '/api/public/figures')).json().safetyAnalyses;
    const p = (await call('lpr_staff', 'GET', `/api/analyses/${id}`)).json();
    const future = await call('lpr_staff', 'POST', `/api/analyses/${id}/complete`, { completedOn: '2999-01-01', version: p.version });
    expect(future.statusCode).toBe(422);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
    const res = await call('lpr_staff', 'POST', `/api/analyses/${id}/complete`, { completedOn: today, version: p.version });
    expect(res.json()).toMatchObject({ status: 'completed', completedOn: today });
    expect((await call(null, 'GET', '/api/public/figures')).json().safetyAnalyses).toBe(before + 1);
  });
});
