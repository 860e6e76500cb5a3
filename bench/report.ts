/**
 * Report generation (`npm run bench:report`): an analysis with 1,500 responses on the embedded database,
 * with the demo's crime figures, weighting (raking), recommendations and fear places. Times what the
 * background job does — findings, model, PDF and DOCX — three times and reports the median.
 * Baseline, same run: the same PDF and DOCX renderers on a text-only document of the same length
 * (no statistics, no charts), i.e. the fixed cost of document rendering.
 * Last line: {"responses","reportSeconds","findingsSeconds","pdfSeconds","docxSeconds","baselineSeconds","pdfPages","goalSeconds"}.
 */
import { eq, inArray } from 'drizzle-orm';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/server/db/client.js';
import { loadConfig } from '../src/server/config.js';
import { seedDatabase } from '../src/platform/seed.js';
import { localFileStorage } from '../src/server/files/storage.js';
import { systemContext } from '../src/server/audit/record.js';
import { analysisProjects, surveyResponses } from '../src/modules/surveys/schema.js';
import { seedDemoWave } from '../src/modules/surveys/seed-demo.js';
import { seededRandom } from '../src/modules/surveys/sampling.js';
import { loadAnalysisInputs } from '../src/modules/evaluation/analysis-inputs.js';
import { computeFindings } from '../src/modules/evaluation/findings.js';
import { buildReport } from '../src/modules/evaluation/build-report.js';
import { reportDocx, reportPdf } from '../src/modules/evaluation/report-documents.js';
import { runWeighting } from '../src/modules/evaluation/run-weighting.js';
import { DEFAULT_SETTINGS } from '../src/modules/evaluation/schema.js';
import { createRecommendation } from '../src/modules/evaluation/create-recommendation.js';
import type { TReportBlock as Block, TReportModel as ReportModel } from '../src/modules/evaluation/evaluation.types.js';

const RESPONSES = 1500;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = async <T>(f: () => Promise<T>) => { const t0 = performance.now(); const value = await f(); return { value, s: (performance.now() - t0) / 1000 }; };

const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
const database = await openDatabase({ dataDir: 'memory://' });
try {
  await database.migrate();
  const files = localFileStorage(dir);
  const log = () => {};
  await seedDatabase(database.db, loadConfig({ NODE_ENV: 'test' }), log, undefined, files);
  const db = database.db;
  await seedDemoWave({ db, config: loadConfig({ NODE_ENV: 'test' }), log, files }, {
    code: 'sa-bench-1500', title: 'Sicherheitsanalyse Benchmark', startOn: '2025-03-03', seed: 1500, sampleSize: 3600, responseRate: 0.46, fearShift: 0.02, fieldDays: 42, completedOn: '2025-09-30', registerSize: 9000,
  });
  const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.code, 'sa-bench-1500'));
  // Keep a random 1,500 (responses are stored stratum by stratum, so not simply the first ones).
  const random = seededRandom(42);
  const ids = (await db.select({ id: surveyResponses.id }).from(surveyResponses).where(eq(surveyResponses.projectId, project!.id))).map((r) => ({ id: r.id, k: random() }))
    .sort((a, b) => a.k - b.k).map((r) => r.id);
  if (ids.length < RESPONSES) throw new Error(`only ${ids.length} responses generated`);
  for (let i = RESPONSES; i < ids.length; i += 500) await db.delete(surveyResponses).where(inArray(surveyResponses.id, ids.slice(i, i + 500)));
  const sys = systemContext('bench');
  await runWeighting(db, sys, project!, { ...DEFAULT_SETTINGS, variables: ['district', 'age_group', 'sex'], trimLower: null, trimUpper: null, version: 0 });
  for (const [i, field] of ['safety_feeling', 'litter', 'public_space'].entries()) {
    await createRecommendation(db, sys, project!, { title: `Empfehlung ${i + 1}`, description: 'Eine Maßnahme, abgeleitet aus den Ergebnissen der Befragung.', fieldOfAction: field, findings: ['unsafe_night'], priority: 'mittel' });
  }

  const runs: { total: number; findings: number; pdf: number; docx: number; model: ReportModel; pdfBytes: Buffer }[] = [];
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    const findings = await seconds(async () => computeFindings(db, await loadAnalysisInputs(db, project!), 'all'));
    const { value: built } = await seconds(() => buildReport(db, project!, 'all'));
    const pdf = await seconds(() => reportPdf(built.model));
    const docx = await seconds(() => reportDocx(built.model));
    await files.put(`reports/bench-${k}.pdf`, pdf.value, 'application/pdf');
    await files.put(`reports/bench-${k}.docx`, docx.value, 'application/octet-stream');
    // The job computes findings once, inside buildReport; the separate timing above is for the breakdown only.
    runs.push({ total: (performance.now() - started) / 1000 - findings.s, findings: findings.s, pdf: pdf.s, docx: docx.s, model: built.model, pdfBytes: pdf.value });
    if (built.respondents !== RESPONSES) throw new Error(`report counted ${built.respondents} responses`);
  }

  // Baseline: the same renderers on a text-only document as long as the report.
  const model = runs[0]!.model;
  const textOnly: ReportModel = { ...model, blocks: model.blocks.map((b): Block => (b.kind === 'chart' ? { kind: 'paragraph', text: b.alt } : b)) };
  const baselines: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    await reportPdf(textOnly);
    await reportDocx(textOnly);
    baselines.push((performance.now() - t0) / 1000);
  }
  const pages = (runs[0]!.pdfBytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
  const round = (x: number) => Number(x.toFixed(3));
  console.log(JSON.stringify({ runs: runs.map((r) => round(r.total)) }));
  console.log(JSON.stringify({
    responses: RESPONSES, reportSeconds: round(median(runs.map((r) => r.total))), findingsSeconds: round(median(runs.map((r) => r.findings))),
    pdfSeconds: round(median(runs.map((r) => r.pdf))), docxSeconds: round(median(runs.map((r) => r.docx))), baselineSeconds: round(median(baselines)), pdfPages: pages, goalSeconds: 3,
  }));
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
