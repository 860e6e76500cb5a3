import type { Db } from '../../server/db/client.js';
import { fieldMonitoring } from '../surveys/monitoring.js';
import type { AnalysisRow } from '../surveys/policy.js';
import type { FieldFigures } from './report-model.js';

/** The field phase in figures for the report's methods section: invited, returned, online and paper, days. */
export async function fieldFigures(db: Db, project: AnalysisRow): Promise<FieldFigures> {
  const m = await fieldMonitoring(db, project);
  return {
    invited: m.invited, returned: m.returned, responseRate: m.responseRate, strata: m.byStratum.length,
    online: m.byDay.reduce((s, d) => s + d.online, 0), paper: m.byDay.reduce((s, d) => s + d.paper, 0),
    firstDay: m.byDay[0]?.date ?? null, lastDay: m.byDay.at(-1)?.date ?? null,
  };
}
