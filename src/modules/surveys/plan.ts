/** The 20-week plan of a Sicherheitsanalyse (pure): phases and the commune's tasks with due dates. */
import { addDays } from '../../lib/dates.js';

export const PHASES = [
  { key: 'kickoff', label: 'Kick-off', fromWeek: 0, toWeek: 1 },
  { key: 'data', label: 'Datenbereitstellung', fromWeek: 1, toWeek: 4 },
  { key: 'field', label: 'Feldphase', fromWeek: 4, toWeek: 10 },
  { key: 'evaluation', label: 'Auswertung', fromWeek: 10, toWeek: 14 },
  { key: 'report', label: 'Bericht', fromWeek: 14, toWeek: 18 },
  { key: 'workshop', label: 'Transferworkshop', fromWeek: 18, toWeek: 20 },
] as const;
export type PhaseKey = (typeof PHASES)[number]['key'];

export const COMMUNE_TASKS = [
  { key: 'register_extract', label: 'Auszug aus dem Melderegister bereitstellen', dueWeek: 3 },
  { key: 'approve_letter', label: 'Anschreiben freigeben (mit Wappen)', dueWeek: 4 },
  { key: 'inform_citizens', label: 'Bürgerinnen und Bürger informieren (Amtsblatt, Presse)', dueWeek: 5 },
  { key: 'collect_returns', label: 'Rückläufe per Post sammeln und übergeben', dueWeek: 10 },
] as const;
export type TaskKey = (typeof COMMUNE_TASKS)[number]['key'];

export function planFrom(startOn: string) {
  return {
    phases: PHASES.map((p, i) => ({ key: p.key, sortOrder: i + 1, startOn: addDays(startOn, p.fromWeek * 7), dueOn: addDays(startOn, p.toWeek * 7 - 1) })),
    tasks: COMMUNE_TASKS.map((t, i) => ({ key: t.key, sortOrder: i + 1, dueOn: addDays(startOn, t.dueWeek * 7 - 1) })),
  };
}
