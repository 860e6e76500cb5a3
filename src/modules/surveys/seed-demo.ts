import { and, eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import { addDays, daysBetween, todayIso } from '../../lib/dates.js';
import { accessCodes, analysisPhases, analysisProjects, analysisTasks, questionnaires, samplePersons, surveyResponses, surveySamples } from './schema.js';
import { createAnalysisProject } from './create-analysis-project.js';
import { drawProjectSample } from './draw-sample.js';
import { startFieldPhase } from './start-field-phase.js';
import { currentQuestionnaire } from './questionnaires.js';
import { deletePersonalData } from './delete-personal-data.js';
import { DEMO_ACCESS_CODES, hashCode } from './access-codes.js';
import { seededRandom } from './sampling.js';
import { AGE_GROUPS } from './register-csv.js';

export const DEMO_ANALYSIS_CODE = 'sa-schwarzenberg-2026';

/** Ortsteile of Schwarzenberg with their share of adults and how unsafe people there tend to feel (0–1). */
const DISTRICTS: [string, number, number][] = [
  ['Innenstadt', 0.2, 0.45], ['Sonnenleithe', 0.22, 0.55], ['Heide', 0.14, 0.3], ['Neuwelt', 0.1, 0.35], ['Bermsgrün', 0.07, 0.15],
  ['Grünstädtel', 0.08, 0.2], ['Pöhla', 0.07, 0.15], ['Erla-Crandorf', 0.07, 0.2], ['Wildenau', 0.05, 0.15],
];
/** Places people often mark (station, park, a Plattenbau centre), around which marks scatter. */
const HOT_SPOTS: [number, number, number][] = [[50.5448, 12.7852, 2], [50.5386, 12.7802, 1], [50.5262, 12.7683, 3], [50.5462, 12.7811, 6]];

export const DEMO_FIRST_WAVE_CODE = 'sa-schwarzenberg-2022';

export interface DemoWave {
  code: string;
  title: string;
  startOn: string;
  seed: number;
  sampleSize: number;
  responseRate: number;
  /** Added to everyone's fear (the first wave, before the measures, was more anxious). */
  fearShift: number;
  /** Days of the field phase that have passed (a running survey) or its length (a completed one). */
  fieldDays: number;
  completedOn: string | null;
  /** Adults in the synthetic register (default 4,000). */
  registerSize?: number;
  /** Known codes given to invited people who have not answered (a running wave), for trying the survey. */
  demoCodes?: readonly string[];
}

/**
 * Two waves of Schwarzenberg's citizen survey. The first (autumn 2022, for the Städtebund Silberberg's
 * analysis) is completed: its field phase is closed and its report handed over on 15.03.2023 (a
 * `safety_analysis_completed` event of the commune, see figures.ts). The second is running: started ten weeks ago, letters sent and names
 * deleted, a few hundred answers so far. Both from a synthetic register (invented people) with a fixed
 * seed; fear is higher at night for women, older people and in Sonnenleithe and the centre. Runs before
 * the demo users so that the analyst's scopes exist.
 */
export async function seedSurveysDemo(ctx: SeedContext) {
  const startOn = addDays(todayIso(), -70);
  await seedDemoWave(ctx, { code: DEMO_FIRST_WAVE_CODE, title: 'Sicherheitsanalyse Schwarzenberg 2022 (Städtebund Silberberg)', startOn: '2022-09-05', seed: 20220905, sampleSize: 1000, responseRate: 0.46, fearShift: 0.08, fieldDays: 42, completedOn: '2023-03-15' });
  await seedDemoWave(ctx, { code: DEMO_ANALYSIS_CODE, title: 'Sicherheitsanalyse Schwarzenberg 2026 (2. Welle)', startOn, seed: 20260907, sampleSize: 800, responseRate: 0.4, fearShift: 0, fieldDays: 42, completedOn: null, demoCodes: DEMO_ACCESS_CODES });
}

export async function seedDemoWave(ctx: SeedContext, wave: DemoWave) {
  const { db } = ctx;
  const sys = systemContext('demo-seed');
  const today = todayIso();
  const startOn = wave.startOn;
  const project = await createAnalysisProject(db, sys, { ags: '14521550', institute: 'Forschungsinstitut (Demo)', startOn, code: wave.code, title: wave.title });
  const [row] = await db.select().from(analysisProjects).where(eq(analysisProjects.id, project.id));
  const random = seededRandom(wave.seed);
  const pick = <T>(weights: [T, number][]) => { let r = random() * weights.reduce((s, [, w]) => s + w, 0); for (const [v, w] of weights) { r -= w; if (r <= 0) return v; } return weights.at(-1)![0]; };

  // A synthetic register extract of adults (invented names), in the documented format.
  const startYear = Number(startOn.slice(0, 4));
  const lines = ['nachname;vorname;strasse;hausnummer;plz;ort;ortsteil;geburtsjahr;geschlecht'];
  for (let i = 0; i < (wave.registerSize ?? 4000); i++) {
    const district = pick(DISTRICTS.map(([d, share]) => [d, share] as [string, number]));
    const age = 16 + Math.floor(Math.pow(random(), 0.85) * 74);
    lines.push(`Beispiel${i};Person;Demoweg;${(i % 180) + 1};08340;Schwarzenberg/Erzgeb.;${district};${startYear - age};${random() < 0.51 ? 'w' : 'm'}`);
  }
  await drawProjectSample(db, sys, row!, { name: 'melderegister-demo.csv', data: Buffer.from(lines.join('\n')) }, { strataBy: 'district_age_sex', allocation: 'proportional', size: wave.sampleSize, seed: wave.seed + 1 });
  const q = await currentQuestionnaire(db, project.id);
  const frozen = await startFieldPhase(db, sys, row!, { version: q.version });
  const districts = (await db.select({ d: analysisProjects.districts }).from(analysisProjects).where(eq(analysisProjects.id, project.id)))[0]!.d;

  // Plan and checklist with the dates they happened (each within its phase). The commune approved the letter
  // before it went out; the demo ships no crest, so the letter and the report carry none.
  const fieldStart = addDays(startOn, 28);
  const at = (day: string) => new Date(`${day}T09:00:00Z`);
  await db.update(questionnaires).set({ frozenAt: at(fieldStart) }).where(and(eq(questionnaires.projectId, project.id), eq(questionnaires.revision, frozen.revision)));
  await db.update(analysisPhases).set({ status: 'done', doneOn: addDays(startOn, 6) }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'kickoff')));
  await db.update(analysisPhases).set({ status: 'done', doneOn: addDays(startOn, 26) }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, 'data')));
  await db.update(analysisTasks).set({ doneOn: addDays(startOn, 19) }).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'register_extract')));
  await db.update(analysisTasks).set({ doneOn: addDays(startOn, 22) }).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'approve_letter')));
  await db.update(analysisTasks).set({ doneOn: addDays(startOn, 24) }).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'inform_citizens')));
  await db.update(surveySamples).set({ lettersAt: at(fieldStart) }).where(eq(surveySamples.projectId, project.id));

  // Answers from part of the invited, online and on paper, spread over the field phase (so far).
  const persons = await db.select().from(samplePersons).where(eq(samplePersons.projectId, project.id));
  const respondents = persons.filter(() => random() < wave.responseRate);
  const responses = respondents.map((p) => {
    const [district, ageKey, sex] = p.stratumKey.split('|') as [string, string, 'm' | 'w'];
    const ageIndex = AGE_GROUPS.findIndex((g) => g.key === ageKey);
    const districtFear = DISTRICTS.find(([d]) => d === district)?.[2] ?? 0.3;
    const fear = Math.min(0.9, districtFear + (sex === 'w' ? 0.15 : 0) + ageIndex * 0.03 - 0.1 + wave.fearShift);
    const likert = (p1: number, n: number) => Math.min(n, Math.max(1, Math.round(1 + (n - 1) * (p1 + (random() - 0.5) * 0.6))));
    const maybe = <T>(v: T) => (random() < 0.05 ? undefined : v);
    const answers: Record<string, unknown> = {
      AF01: maybe(likert(fear, 4)), CF01: maybe(likert(fear * 0.8, 5)), CF02: maybe(likert(fear * 0.7, 4)),
      CN01: { CN01_a: random() < fear * 0.7 ? 1 : 0, CN01_b: random() < fear * 0.4 ? 1 : 0, CN01_c: random() < fear * 0.3 ? 1 : 0, CN01_d: random() < 0.06 ? 1 : 0 },
      PS01: { PS01_a: likert(fear * 0.8, 5), PS01_b: likert(fear, 5), PS01_c: random() < 0.2 ? 9 : likert(fear * 1.1, 5), PS01_d: random() < 0.35 ? 9 : likert(fear, 5) },
      IN01: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((r, i) => [`IN01_${r}`, likert(districtFear * [1.2, 0.9, 1, 0.8, 0.6, 1.1, 1.3, 0.9][i]!, 4)])),
      VI01: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((r, i) => [`VI01_${r}`, random() < [0.02, 0.06, 0.05, 0.07, 0.02, 0.05, 0.06, 0.02][i]! ? 1 : 0])),
      TR01: { TR01_a: likert(0.65 - fear * 0.2, 5), TR01_b: likert(0.5 - fear * 0.2, 5) },
      SA01: maybe(likert(0.7 - fear * 0.3, 5)),
      ME01: [1, 2, 3, 4, 5, 6, 7, 8].filter((v) => random() < [0.45, 0.25, 0.4, 0.35, 0.3, 0.15, 0.2, 0.25][v - 1]!),
      SD01: maybe(ageIndex + 1), SD02: maybe(sex === 'w' ? 1 : 2), SD03: maybe(districts.indexOf(district) + 1 || undefined),
      SD04: maybe(1 + Math.floor(random() * 5)), SD05: maybe(1 + Math.floor(random() * 4)),
    };
    const victims = Object.values(answers.VI01 as Record<string, number>).some((x) => x === 1);
    if (victims) answers.VI02 = random() < 0.45 ? 1 : 0;
    if (random() < 0.3) {
      answers.FP01 = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
        const [lat, lon, reason] = HOT_SPOTS[Math.floor(random() * HOT_SPOTS.length)]!;
        return { lat: lat + (random() - 0.5) * 0.003, lon: lon + (random() - 0.5) * 0.004, reason, time: random() < 0.8 ? 2 : 3 };
      });
    }
    for (const k of Object.keys(answers)) if (answers[k] === undefined) delete answers[k];
    const days = wave.completedOn ? wave.fieldDays : Math.max(0, Math.min(wave.fieldDays, daysBetween(fieldStart, today) - 1));
    return { p, answers, submittedOn: addDays(fieldStart, Math.floor(Math.pow(random(), 2) * days)), mode: random() < 0.72 ? 'online' as const : 'paper' as const };
  });
  // As the mixing pool would have stored them: one batch per field day, in random order within it.
  const days = [...new Set(responses.map((r) => r.submittedOn))].sort();
  const stored = responses.map((r) => ({ r, key: random() })).sort((a, b) => a.r.submittedOn.localeCompare(b.r.submittedOn) || a.key - b.key).map((x) => x.r);
  await db.insert(surveyResponses).values(stored.map((r) => ({ projectId: project.id, questionnaireRevision: frozen.revision, mode: r.mode, submittedOn: r.submittedOn, answers: r.answers, stratumKey: r.p.stratumKey, batch: days.indexOf(r.submittedOn) + 1 })));
  // The first invited who have not answered get the known demo codes instead of their random ones.
  const answered = new Set(respondents.map((p) => p.id));
  const keep = persons.filter((p) => !answered.has(p.id)).sort((a, b) => a.serial - b.serial).slice(0, wave.demoCodes?.length ?? 0);
  for (const [i, p] of keep.entries()) await db.update(accessCodes).set({ codeHash: hashCode(wave.demoCodes![i]!) }).where(eq(accessCodes.codeHash, hashCode(p.code)));
  const hashes = responses.map((r) => hashCode(r.p.code));
  for (let i = 0; i < hashes.length; i += 500) await db.update(accessCodes).set({ used: true }).where(inArray(accessCodes.codeHash, hashes.slice(i, i + 500)));
  await deletePersonalData(db, sys, row!);
  // The register extract came with its task, the letters went out as the field phase began, the names were deleted the day after.
  await db.update(surveySamples).set({ drawnAt: at(addDays(startOn, 19)), lettersAt: at(fieldStart), personalDataDeletedAt: at(addDays(fieldStart, 1)) }).where(eq(surveySamples.projectId, project.id));
  if (wave.completedOn) {
    // Field phase closed, evaluation, report and workshop done, each on a day of its own phase; the
    // completion is the commune's event (figures.ts).
    const fieldEnd = addDays(fieldStart, wave.fieldDays);
    const phaseDone: Record<string, string> = { field: fieldEnd, evaluation: addDays(fieldEnd, 35), report: addDays(wave.completedOn, -21), workshop: wave.completedOn };
    for (const [key, doneOn] of Object.entries(phaseDone)) {
      await db.update(analysisPhases).set({ status: 'done', doneOn }).where(and(eq(analysisPhases.projectId, project.id), eq(analysisPhases.key, key)));
    }
    await db.update(analysisTasks).set({ doneOn: fieldEnd }).where(and(eq(analysisTasks.projectId, project.id), eq(analysisTasks.key, 'collect_returns')));
    await db.update(analysisProjects).set({ status: 'completed', completedOn: wave.completedOn }).where(eq(analysisProjects.id, project.id));
  }
  ctx.log(`demo analysis: ${project.code}, ${wave.sampleSize} invited, ${responses.length} responses`);
}
