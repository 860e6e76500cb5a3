import { eq, inArray } from 'drizzle-orm';
import type { SeedContext } from '../../server/modules.js';
import { systemContext } from '../../server/audit/record.js';
import { AGE_GROUP_KEYS, saveAgeStructure } from '../communes/age-structure.js';
import { communes } from '../communes/schema.js';
import { analysisProjects } from '../surveys/schema.js';
import { DEMO_FIRST_WAVE_CODE } from '../surveys/seed-demo.js';
import { analysisReports, DEFAULT_SETTINGS } from './schema.js';
import { runWeighting } from './run-weighting.js';
import { createRecommendation } from './create-recommendation.js';
import { manageRecommendation } from './manage-recommendation.js';
import { storeReport } from './render-report.js';

const SILBERBERG = ['14521035', '14521355', '14521370', '14521530', '14521550'];
/** Rounded shares of the age groups among Saxony's residents aged 16 and over. */
const AGE_SHARES = [0.085, 0.12, 0.14, 0.14, 0.18, 0.155, 0.18];
const ADULT_SHARE = 0.87;

/**
 * The completed first-wave analysis of Schwarzenberg (Städtebund Silberberg): age structures of the
 * Silberberg towns (estimated, source says so), the weighting the analyst chose, four recommendations
 * the commune has taken forward, and the generated report. Crime figures come from the crime demo.
 */
export async function seedEvaluationDemo(ctx: SeedContext) {
  const { db } = ctx;
  const sys = systemContext('demo-seed');
  const towns = await db.select({ ags: communes.ags, male: communes.populationMale, female: communes.populationFemale }).from(communes).where(inArray(communes.ags, SILBERBERG));
  for (const t of towns) {
    const cells = AGE_GROUP_KEYS.flatMap((ageGroup, i) => [
      { ageGroup, sex: 'm' as const, count: Math.round(t.male * ADULT_SHARE * AGE_SHARES[i]!) },
      { ageGroup, sex: 'w' as const, count: Math.round(t.female * ADULT_SHARE * AGE_SHARES[i]!) },
    ]);
    await saveAgeStructure(db, sys, t.ags, { referenceDate: '2023-12-31', source: 'Demo-Schätzung: Einwohner nach Geschlecht laut Gemeindeverzeichnis, Altersanteile ab 16 nach sächsischem Landesdurchschnitt', cells, version: 0 });
  }

  const [project] = await db.select().from(analysisProjects).where(eq(analysisProjects.code, DEMO_FIRST_WAVE_CODE));
  if (!project) return;
  await runWeighting(db, sys, project, { ...DEFAULT_SETTINGS, variables: ['age_group', 'sex'], trimLower: null, trimUpper: null, version: 0 });

  const recs = [
    { title: 'Beleuchtung am Bahnhof und im Stadtpark verbessern', fieldOfAction: 'safety_feeling', findings: ['unsafe_night', 'place:PS01_c', 'fear_place:1'], priority: 'hoch' as const,
      description: 'Der Bahnhofsbereich und die Wege durch den Stadtpark wurden am häufigsten als Angsträume markiert, überwiegend wegen schlechter Beleuchtung und abends. Eine gemeinsame Begehung mit Polizei und Ordnungsamt soll dunkle Abschnitte bestimmen; die Beleuchtung wird dort ergänzt.',
      state: ['priorisiert', 'in_umsetzung', 'umgesetzt'] as const, note: 'Neue LED-Beleuchtung am Bahnhofsvorplatz seit Oktober 2023.' },
    { title: 'Sauberkeit im Wohngebiet Sonnenleithe', fieldOfAction: 'litter', findings: ['incivility:IN01_a', 'incivility:IN01_c'], priority: 'hoch' as const,
      description: 'Herumliegender Müll und Sachbeschädigungen sind die am häufigsten genannten Probleme, besonders in der Sonnenleithe. Empfohlen werden ein Meldeweg für Verschmutzungen, häufigere Reinigung und Aktionstage mit der Wohnungsgesellschaft.',
      state: ['priorisiert', 'in_umsetzung'] as const, note: 'Mängelmelder online seit Mai 2023.' },
    { title: 'Präsenz von Polizei und Ordnungsamt in der Innenstadt abends', fieldOfAction: 'public_space', findings: ['unsafe_night', 'trust:TR01_b'], priority: 'mittel' as const,
      description: 'Abends fühlen sich vor allem Frauen und Ältere in der Innenstadt unsicher. Gemeinsame Fußstreifen von Polizei und Ordnungsamt an Freitag- und Samstagabenden sollen sichtbar machen, dass jemand da ist, und das Vertrauen in das Ordnungsamt stärken.',
      state: ['priorisiert'] as const, note: '' },
    { title: 'Informationsabende zu Betrug an älteren Menschen', fieldOfAction: 'fraud_elderly', findings: ['victim:VI01_g'], priority: 'niedrig' as const,
      description: 'Betrug, auch im Internet, gehört zu den häufigeren Opfererfahrungen. Die Polizeiliche Beratungsstelle bietet Informationsabende in Seniorentreffs an.',
      state: [] as const, note: '' },
  ];
  for (const r of recs) {
    let rec = await createRecommendation(db, sys, project, { title: r.title, description: r.description, fieldOfAction: r.fieldOfAction, findings: r.findings, priority: r.priority });
    for (const state of r.state) rec = await manageRecommendation(db, sys, project, rec.id, { priority: r.priority, state, stateNote: state === r.state.at(-1) ? r.note : '', version: rec.version });
  }

  // The report as the job would make it.
  const [report] = await db.insert(analysisReports).values({ projectId: project.id, status: 'running' }).returning();
  const { pdfBytes } = await storeReport(db, ctx.files, project, report!.id);
  ctx.log(`demo evaluation: ${project.code} weighted, ${recs.length} recommendations, report ${Math.round(pdfBytes / 1024)} kB PDF`);
}
