import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { invalidField, notFound } from '../../server/http/problem.js';
import { communes } from '../communes/schema.js';
import { analysisProjects, questionnaires, type QuestionnaireElement } from './schema.js';
import { getItemVersion, listItems } from './item-bank.js';
import { hasEnglish, toSurveyJson, type Definition, type ResolvedQuestion } from './questionnaire-definition.js';
import { DIMENSIONS, sectionTitle, type Text } from './standard-items.js';
import type { TQuestionnaire } from './surveys.types.js';

type Row = typeof questionnaires.$inferSelect;

function bboxOf(geometry: unknown): Definition['bbox'] {
  const coords: number[][] = [];
  const walk = (x: unknown) => { if (Array.isArray(x) && typeof x[0] === 'number') coords.push(x as number[]); else if (Array.isArray(x)) x.forEach(walk); };
  walk((geometry as { coordinates?: unknown } | null)?.coordinates);
  if (!coords.length) return null;
  const lons = coords.map((c) => c[0]!);
  const lats = coords.map((c) => c[1]!);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** Resolves a questionnaire's elements to a definition: bank items at their pinned version, custom items as written. */
export async function resolveDefinition(db: Db, q: Row): Promise<Definition> {
  const [project] = await db.select({ ags: analysisProjects.ags, districts: analysisProjects.districts }).from(analysisProjects).where(eq(analysisProjects.id, q.projectId));
  const [commune] = await db.select({ geometry: communes.geometry }).from(communes).where(eq(communes.ags, project!.ags));
  const pages: Definition['pages'] = [];
  let current: Definition['pages'][number] | null = null;
  for (const el of q.elements) {
    if (el.type === 'page') { current = { title: el.title, questions: [] }; pages.push(current); continue; }
    let question: ResolvedQuestion;
    if (el.type === 'item') {
      const item = await getItemVersion(db, el.code, el.itemVersion);
      if (!item) throw invalidField('elements', `Item ${el.code} in Version ${el.itemVersion} gibt es nicht.`);
      question = { code: el.code, source: 'bank', itemVersion: el.itemVersion, content: item.content };
    } else question = { code: el.code, source: 'custom', itemVersion: null, content: el.content };
    if (!current) { current = { title: sectionTitle(question.content.dimension), questions: [] }; pages.push(current); }
    current.questions.push(question);
  }
  return { title: q.title, intro: q.intro, pages: pages.filter((p) => p.questions.length), districts: project!.districts, bbox: bboxOf(commune?.geometry) };
}

export async function presentQuestionnaire(db: Db, q: Row): Promise<TQuestionnaire> {
  const definition = (q.definition as Definition | null) ?? await resolveDefinition(db, q);
  return {
    id: q.id, projectId: q.projectId, revision: q.revision, status: q.status, title: q.title, intro: q.intro, elements: q.elements,
    definition, surveyJson: (q.surveyJson as Record<string, unknown> | null) ?? toSurveyJson(definition),
    frozenAt: q.frozenAt?.toISOString() ?? null, version: q.version,
    paperLanguages: hasEnglish(definition) ? ['de', 'en'] : ['de'],
  };
}

/** The project's current questionnaire (its highest revision). */
export async function currentQuestionnaire(db: Db, projectId: string) {
  const [row] = await db.select().from(questionnaires).where(eq(questionnaires.projectId, projectId)).orderBy(desc(questionnaires.revision)).limit(1);
  if (!row) throw notFound('Zu dieser Analyse gibt es noch keinen Fragebogen.');
  return row;
}

/** A new project's first draft: every active bank item in its latest version, a page per topic under a plain heading. */
export async function defaultElements(db: Db): Promise<QuestionnaireElement[]> {
  const items = (await listItems(db)).filter((i) => i.active);
  const order = Object.keys(DIMENSIONS);
  items.sort((a, b) => order.indexOf(a.dimension) - order.indexOf(b.dimension) || a.code.localeCompare(b.code));
  const out: QuestionnaireElement[] = [];
  let dimension = '';
  for (const i of items) {
    if (i.dimension !== dimension) { out.push({ type: 'page', title: sectionTitle(i.dimension) }); dimension = i.dimension; }
    out.push({ type: 'item', code: i.code, itemVersion: i.itemVersion });
  }
  return out;
}

export const DEFAULT_INTRO = (town: string): Text => ({
  de: `Liebe Bürgerinnen und Bürger, mit dieser Befragung möchte ${town} gemeinsam mit der Polizei und dem Landespräventionsrat Sachsen erfahren, wie sicher Sie sich fühlen. Die Teilnahme ist freiwillig und anonym: Ihre Antworten lassen sich weder Ihrem Zugangscode noch Ihrer Person zuordnen. Die Beantwortung dauert etwa 15 Minuten.`,
  en: `Dear residents, with this survey ${town}, together with the police and the Saxon State Prevention Council, wants to learn how safe you feel. Taking part is voluntary and anonymous: your answers cannot be traced to your access code or to you. It takes about 15 minutes.`,
});
