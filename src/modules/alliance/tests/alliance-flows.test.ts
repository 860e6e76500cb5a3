import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../../lib/dates.js';
import { createTestApp, roleCaller, type TestApp } from '../../../../test/helpers.js';
import type { FileStorage } from '../../../server/files/storage.js';
import { approvedCrest } from '../../surveys/commune-crest.js';
import { analysisPhases, analysisProjects, analysisTasks, surveyLetters, surveySamples } from '../../surveys/schema.js';
import { coachingProcesses, coachingSessions, communeMilestones, consultations, consultationTasks } from '../schema.js';
import { pdfText } from './pdf-text.js';

let t: TestApp;
let call: Awaited<ReturnType<typeof roleCaller>>;
beforeAll(async () => {
  t = await createTestApp();
  call = await roleCaller(t.app, ['lpr_admin', 'lpr_staff', 'commune']);
});
afterAll(async () => { await t?.close(); });

const ZSCHOPAU = '14521690';
const GORNAU = '14521220';
const auditActions = async (id: string) => (await t.database.db.execute(`select action from audit_log where entity_id = '${id}' order by id`) as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
const docxText = async (data: Buffer) => {
  const xml = await (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string');
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join(' ').replace(/\s+/g, ' ')
    .replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&apos;', '\'');
};
const documents = async (id: string) => {
  const docx = await call('lpr_staff', 'GET', `/api/agreements/${id}/document?format=docx`);
  const pdf = await call('lpr_staff', 'GET', `/api/agreements/${id}/document?format=pdf`);
  return { docx: await docxText(docx.rawPayload), pdf: pdfText(pdf.rawPayload) };
};

describe('the agreement speaks of its parties by their official names, in correct German', () => {
  it('for one commune: "die Stadt Zschopau", never the registry form "Zschopau, Stadt, Motorradstadt"', async () => {
    const res = await call('lpr_staff', 'POST', '/api/agreements', { kind: 'cooperation', subjectAgs: ZSCHOPAU, modules: ['coaching', 'safety_analysis'] });
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a.title).toBe('Kooperationsvereinbarung Stadt Zschopau');
    expect(a.parties.map((p: { label: string }) => p.label)).toEqual(['Stadt Zschopau', 'Polizeidirektion Chemnitz', 'Landespräventionsrat Sachsen']);
    const sentences = [
      'Die Stadt Zschopau, die Polizeidirektion Chemnitz und der Landespräventionsrat Sachsen schließen dazu die folgende Vereinbarung.',
      'Die Partner erheben gemeinsam die Ausgangslage im Gebiet der Stadt Zschopau: vorhandene Gremien und Akteure der Prävention, die polizeiliche Kriminalitätslage und, soweit vereinbart, das Sicherheitsempfinden der Bevölkerung.',
      'Die Stadt Zschopau benennt eine Ansprechperson und stellt die Koordinierung vor Ort sicher. Die Polizeidirektion Chemnitz bringt ihre Lagekenntnis und Expertise ein und wirkt in den Gremien mit. Der Landespräventionsrat Sachsen berät, vermittelt die vereinbarten Module (Coaching und Sicherheitsanalyse) und begleitet den Prozess.',
    ];
    const text = a.sections.map((s: { text: string }) => s.text).join(' ');
    const { docx, pdf } = await documents(a.id);
    for (const s of sentences) for (const [what, body] of [['sections', text], ['docx', docx], ['pdf', pdf]]) expect(body, what).toContain(s);
    for (const body of [text, docx, pdf]) expect(body).not.toMatch(/Motorradstadt|Zschopau, Stadt|\. der |\. die /);
    expect(pdf).toContain('zwischen Stadt Zschopau');
  });

  it('for a group: "die Kommunen des Zschopautal-Verbunds (…)", plural verbs, each member by its official name', async () => {
    const g = await call('lpr_staff', 'POST', '/api/commune-groups', { name: 'Zschopautal-Verbund', kind: 'Region', description: '', members: [ZSCHOPAU, GORNAU] });
    expect(g.statusCode).toBe(201);
    const a = (await call('lpr_staff', 'POST', '/api/agreements', { kind: 'cooperation', groupId: g.json().id, modules: ['council_setup'] })).json();
    expect(a.title).toBe('Kooperationsvereinbarung Zschopautal-Verbund');
    expect(a.parties.map((p: { label: string }) => p.label)).toEqual(['Gemeinde Gornau/Erzgeb.', 'Stadt Zschopau', 'Polizeidirektion Chemnitz', 'Landespräventionsrat Sachsen']);
    const sentences = [
      'Die Kommunen des Zschopautal-Verbunds (Gemeinde Gornau/Erzgeb. und Stadt Zschopau), die Polizeidirektion Chemnitz und der Landespräventionsrat Sachsen schließen dazu die folgende Vereinbarung.',
      'Die Partner erheben gemeinsam die Ausgangslage im Gebiet der Kommunen des Zschopautal-Verbunds: vorhandene Gremien',
      'Die Kommunen des Zschopautal-Verbunds benennen eine gemeinsame Ansprechperson und stellen die Koordinierung vor Ort sicher. Die Polizeidirektion Chemnitz bringt ihre Lagekenntnis',
      'vermittelt die vereinbarten Module (KPR-Aufbau) und begleitet den Prozess.',
    ];
    const { docx, pdf } = await documents(a.id);
    for (const s of sentences) for (const [what, body] of [['docx', docx], ['pdf', pdf]]) expect(body, what).toContain(s);
    for (const body of [docx, pdf]) expect(body).not.toMatch(/Motorradstadt|\. der Zschopautal|\{/);
  });
});

describe('agreeing, editing and deleting an agreement say what happens', () => {
  let id = '';
  let version = 0;
  const signatories = [
    { party: 'commune', ags: GORNAU, name: 'Gerd Gornauer', office: 'Bürgermeister' },
    { party: 'police', name: 'Paula Polizei', office: 'Polizeipräsidentin' }, { party: 'lpr', name: 'Lara Rat', office: 'Geschäftsführerin' },
  ];
  const body = (a: Record<string, unknown>, patch: Record<string, unknown> = {}) => ({
    title: a.title, policeDirectorateId: (a.policeDirectorate as { id: string }).id, policeUnit: a.policeUnit, signatories: a.signatories,
    modules: a.modules, topics: (a.topics as { id: string }[]).map((x) => x.id), goals: a.goals, measures: a.measures, sections: a.sections, signedPlace: a.signedPlace,
    version: a.version, ...patch,
  });

  it('refuses "abgestimmt" while a party has no signatory, naming every party that lacks one', async () => {
    const a = (await call('lpr_staff', 'POST', '/api/agreements', { kind: 'pre', subjectAgs: GORNAU })).json();
    id = a.id;
    const res = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'agree', version: a.version });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'signatory_missing', field: 'signatories' });
    expect(res.json().detail).toBe('Zum Abstimmen fehlt die unterzeichnende Person (Name und Funktion) für: Gemeinde Gornau/Erzgeb., Polizeidirektion Chemnitz, Landespräventionsrat Sachsen. Bitte im Formular „Inhalt bearbeiten“ ergänzen und speichern.');
    const saved = (await call('lpr_staff', 'PUT', `/api/agreements/${id}`, body(a, { signatories }))).json();
    const agreed = await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'agree', version: saved.version });
    expect(agreed.json().state).toBe('agreed');
    version = agreed.json().version;
  });

  it('keeps "abgestimmt" when only the place changes, returns to Entwurf when the content changes', async () => {
    let a = (await call('lpr_staff', 'GET', `/api/agreements/${id}`)).json();
    a = (await call('lpr_staff', 'PUT', `/api/agreements/${id}`, body(a, { signedPlace: 'Gornau/Erzgeb.' }))).json();
    expect(a.state).toBe('agreed');
    a = (await call('lpr_staff', 'PUT', `/api/agreements/${id}`, body(a, { goals: ['Jugendtreff sicherer machen'] }))).json();
    expect(a.state).toBe('draft');
    version = a.version;
  });

  it('deletes a draft that was never signed (audited), and nothing else', async () => {
    const agreed = (await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'agree', version })).json();
    let res = await call('lpr_staff', 'DELETE', `/api/agreements/${id}?version=${agreed.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'agreement_not_draft' });
    expect(res.json().detail).toContain('abgestimmt; bitte zuerst wieder öffnen');
    const draft = (await call('lpr_staff', 'POST', `/api/agreements/${id}/transitions`, { action: 'reopen', version: agreed.version })).json();
    expect((await call('commune', 'DELETE', `/api/agreements/${id}?version=${draft.version}`)).statusCode).toBe(403);
    expect((await call('lpr_staff', 'DELETE', `/api/agreements/${id}?version=${draft.version - 1}`)).json().code).toBe('version_conflict');
    res = await call('lpr_staff', 'DELETE', `/api/agreements/${id}?version=${draft.version}`);
    expect(res.statusCode).toBe(204);
    expect((await call('lpr_staff', 'GET', `/api/agreements/${id}`)).statusCode).toBe(404);
    expect((await auditActions(id)).at(-1)).toBe('agreement.deleted');
    // An amendment draft of a signed agreement is not deleted: the signed revision stays in force.
    const signed = (await call('lpr_staff', 'GET', '/api/agreements?ags=14628060&state=signed')).json().items[0];
    const amendment = (await call('lpr_staff', 'PUT', `/api/agreements/${signed.id}`, body(signed, { measures: [...signed.measures, 'Präventionstag'] }))).json();
    expect(amendment).toMatchObject({ state: 'draft', revision: 2 });
    res = await call('lpr_staff', 'DELETE', `/api/agreements/${signed.id}?version=${amendment.version}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('unterzeichnet');
  });
});

describe('coach suggestions rank competence first and say why', () => {
  it('puts a competent coach from elsewhere before a coach of the Kreis who lacks the competence', async () => {
    const coach = async (name: string, regions: string[], competencies: string[]) => {
      const res = await call('lpr_admin', 'POST', '/api/coaches', { name, organisation: 'Testpool', competencies, regions, capacity: 5 });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const nearby = await coach('Regina Regional', ['14521'], ['litter']);
    const competent = await coach('Konrad Kompetent', ['14729'], ['traffic', 'fraud_elderly']);
    const p = (await call('lpr_staff', 'POST', '/api/coaching', { ags: ZSCHOPAU, reason: 'Schulwege und Enkeltrick', topics: ['traffic', 'fraud_elderly'] })).json();
    const items = (await call('lpr_staff', 'GET', `/api/coaching/${p.id}/candidates`)).json().items as { id: string; competencies: string[]; reasons: string[]; load: number; capacity: number }[];
    const at = (cid: string) => items.findIndex((c) => c.id === cid);
    expect(at(competent)).toBeLessThan(at(nearby));
    expect(items[at(competent)]!.reasons).toEqual(['Kompetenz: Verkehrssicherheit, Betrug an Seniorinnen und Senioren', 'Region: Landkreis Leipzig (anderer Kreis)', '0 laufende Prozesse (5 Plätze frei)']);
    expect(items[at(nearby)]!.reasons).toEqual(['Kompetenz: keines der angefragten Handlungsfelder', 'Region: Erzgebirgskreis', '0 laufende Prozesse (5 Plätze frei)']);
    // Throughout the list: coaches with free places first, and among them the number of matching competencies never rises.
    const free = items.filter((c) => c.load < c.capacity);
    expect(items.slice(0, free.length)).toEqual(free);
    const matches = free.map((c) => c.competencies.filter((k) => ['traffic', 'fraud_elderly'].includes(k)).length);
    expect(matches).toEqual([...matches].sort((a, b) => b - a));
  });
});

describe('the milestone form’s API needs an event chosen', () => {
  it('refuses a milestone without a kind, naming the field', async () => {
    const res = await call('lpr_staff', 'POST', '/api/alliance/milestones', { ags: ZSCHOPAU, occurredOn: '2025-01-10', note: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors?.[0]?.field ?? res.json().field).toBe('kind');
  });
});

describe('the demo data agree with themselves', () => {
  const today = todayIso();

  it('every survey task is done within its phase, phases end in order, letters went out approved, and no crest shows that was never uploaded', async () => {
    const { db } = t.database;
    for (const project of await db.select().from(analysisProjects)) {
      const phases = await db.select().from(analysisPhases).where(eq(analysisPhases.projectId, project.id)).orderBy(analysisPhases.startOn);
      const done = phases.filter((ph) => ph.doneOn);
      for (let i = 1; i < done.length; i++) expect(done[i]!.doneOn! >= done[i - 1]!.doneOn!, `${project.code}: ${done[i]!.key} after ${done[i - 1]!.key}`).toBe(true);
      for (const ph of done) expect(ph.doneOn! <= today && ph.doneOn! >= project.startOn, `${project.code}: ${ph.key}`).toBe(true);
      for (const task of (await db.select().from(analysisTasks).where(eq(analysisTasks.projectId, project.id))).filter((x) => x.doneOn)) {
        const phase = phases.find((ph) => ph.startOn <= task.dueOn && task.dueOn <= ph.dueOn)!;
        expect(task.doneOn! >= project.startOn && task.doneOn! <= today, `${project.code}: ${task.key}`).toBe(true);
        if (phase.doneOn) expect(task.doneOn! <= phase.doneOn, `${project.code}: ${task.key} done ${task.doneOn} after its phase ${phase.key} ended ${phase.doneOn}`).toBe(true);
      }
      const [approve] = await db.select().from(analysisTasks).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'approve_letter')));
      const [letter] = await db.select().from(surveyLetters).where(eq(surveyLetters.projectId, project.id));
      const [sample] = await db.select().from(surveySamples).where(eq(surveySamples.projectId, project.id));
      if (sample?.lettersAt) expect(approve?.doneOn && approve.doneOn <= sample.lettersAt.toISOString().slice(0, 10), `${project.code}: letters sent before the commune approved them`).toBe(true);
      const reads: string[] = [];
      const files: FileStorage = { kind: 'local', put: async () => {}, remove: async () => {}, get: async (key) => { reads.push(key); throw new Error('not stored'); } };
      if (!letter?.crestKey) expect(await approvedCrest(db, files, project), `${project.code}: a crest shows that was never uploaded`).toBeNull();
      expect(reads, `${project.code}: looked for a crest file that was never uploaded`).toEqual([]);
    }
  });

  it('the Bilanz shows each event on the day it happened: the 2022 field phase began in 2022', async () => {
    const entries = (await call('lpr_staff', 'GET', '/api/alliance/communes/14521550/timeline')).json().entries as { date: string; kind: string; detail: string }[];
    expect(entries.every((e) => e.date <= today)).toBe(true);
    const wave2022 = entries.filter((e) => e.detail.includes('Schwarzenberg 2022'));
    const started = wave2022.find((e) => e.kind === 'field_phase_started')!;
    const closed = wave2022.find((e) => e.kind === 'field_phase_closed')!;
    expect(started.date).toBe('2022-10-03');
    expect(closed.date > started.date && closed.date < '2023-01-01').toBe(true);
    const wave2026 = entries.find((e) => e.kind === 'field_phase_started' && e.detail.includes('2026'))!;
    expect(wave2026.date < today).toBe(true);
  });

  it('alliance records come in the order they happened', async () => {
    const { db } = t.database;
    for (const p of await db.select().from(coachingProcesses)) {
      const order = [p.requestedOn, p.matchedOn, p.startedOn, p.endedOn].filter((d): d is string => !!d);
      expect(order, p.id).toEqual([...order].sort());
      expect(order.every((d) => d <= today)).toBe(true);
      for (const s of await db.select().from(coachingSessions).where(eq(coachingSessions.processId, p.id))) {
        expect(p.startedOn !== null && s.heldOn >= p.startedOn && s.heldOn <= (p.endedOn ?? today), `session ${s.heldOn} of ${p.startedOn}–${p.endedOn}`).toBe(true);
      }
    }
    const tasks = await db.select({ doneOn: consultationTasks.doneOn, heldOn: consultations.heldOn }).from(consultationTasks).innerJoin(consultations, eq(consultations.id, consultationTasks.consultationId));
    for (const task of tasks.filter((x) => x.doneOn)) expect(task.doneOn! >= task.heldOn && task.doneOn! <= today).toBe(true);
    expect((await db.select().from(communeMilestones)).every((m) => m.occurredOn <= today)).toBe(true);
  });
});
