import { invalidField } from '../../server/http/problem.js';
import type { CouncilRow } from './policy.js';

export function checkBodyDates(input: { startedOn: string | null; endedOn: string | null }) {
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) throw invalidField('endedOn', 'Das Gremium kann nicht vor seiner Einrichtung aufgelöst werden.', 'Aufgelöst am');
}

export function checkTheme(council: CouncilRow, theme: string | null) {
  if (theme && !council.themes.some((t) => t.key === theme)) throw invalidField('theme', 'Bitte einen Themenbereich des Rates wählen.', 'Themenbereich');
}
