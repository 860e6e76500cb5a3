import { sql } from 'drizzle-orm';
import { login, multipart, type TestApp, type Session } from '../../../../test/helpers.js';
import { systemContext } from '../../../server/audit/record.js';
import { createUser } from '../../auth/create-user.js';
import { DEMO_PASSWORD } from '../../auth/seed-demo-users.js';
import { createAnalysisProject } from '../create-analysis-project.js';
import type { TProjectRecord } from '../surveys.types.js';

/** A register extract in the documented format: `rows` adults spread over four Ortsteile. */
export function registerCsv(rows: number, extra: string[] = []) {
  const districts = ['Altstadt', 'Sonnenleithe', 'Heide', 'Bermsgrün'];
  const lines = ['Nachname;Vorname;Straße;Hausnummer;PLZ;Ort;Ortsteil;Geburtsjahr;Geschlecht;Anrede'];
  for (let i = 0; i < rows; i++) {
    const female = i % 2 === 0;
    lines.push(`Muster${i};${female ? 'Erika' : 'Max'};Hauptstraße;${i + 1};08340;Schwarzenberg;${districts[i % 4]};${1935 + (i % 75)};${female ? 'w' : 'm'};${female ? 'Frau' : 'Herr'}`);
  }
  return Buffer.from([...lines, ...extra].join('\n'), 'latin1');
}

/** Draws a sample for the project and starts its field phase; returns the plain codes of the letters. */
export async function openFieldPhase(t: TestApp, session: Session, projectId: string, size = 60): Promise<string[]> {
  const m = multipart({ strataBy: 'district_age_sex', allocation: 'proportional', size: String(size), seed: '7' }, { name: 'register.csv', type: 'text/csv', data: registerCsv(600) });
  const drawn = await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/sample`, headers: { ...session.headers, ...m.headers }, payload: m.payload });
  if (drawn.statusCode !== 201) throw new Error(drawn.body);
  const q = (await t.app.inject({ url: `/api/analyses/${projectId}/questionnaire`, headers: session.headers })).json();
  const started = await t.app.inject({ method: 'POST', url: `/api/analyses/${projectId}/field-phase`, headers: session.headers, payload: { version: q.version } });
  if (started.statusCode !== 200) throw new Error(started.body);
  const rows = await t.database.db.execute(sql`select code from sample_persons where project_id = ${projectId} order by serial`) as unknown as { rows: { code: string }[] };
  return rows.rows.map((r) => r.code);
}

/** Commissions a fresh analysis (as LPR staff) and returns its id. */
export async function newProject(t: TestApp, lpr: Session, ags = '14521550', startOn = '2026-09-07'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/analyses', headers: lpr.headers, payload: { ags, institute: 'Testinstitut', startOn } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id;
}

/**
 * An analysis project of its own for the commune `ags`, with an analyst assigned to it (signed in), so that a
 * test does not depend on which analyses the demo seed made or in which order.
 */
export async function buildAnalysis(t: TestApp, input: { ags: string; startOn?: string; institute?: string; code?: string }): Promise<{ project: TProjectRecord; analyst: Session }> {
  const ctx = systemContext('test');
  const project = await createAnalysisProject(t.database.db, ctx, { ags: input.ags, institute: input.institute ?? 'Testinstitut', startOn: input.startOn ?? '2026-09-07', code: input.code });
  const email = `analyse-${project.code}@test.demo`;
  await createUser(t.database.db, ctx, { email, displayName: `Analyse ${project.code}`, password: DEMO_PASSWORD, grants: [{ role: 'analyst', scopeType: 'analysis', scopeId: project.code }] });
  return { project, analyst: await login(t.app, email) };
}
