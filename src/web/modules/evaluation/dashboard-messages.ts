import { defineMessages } from '../../i18n/index.js';
import type { Text } from '../../i18n/index.js';

/** Texts of the evaluation's start-page cards. */
const de = {
  'dash.recommendations.title': 'Handlungsempfehlungen, über die Sie entscheiden',
  'dash.recommendations.empty': 'Keine Handlungsempfehlung wartet auf eine Entscheidung.',
  'dash.recommendation.state.offen': 'offen',
  'dash.recommendation.state.priorisiert': 'priorisiert',
  'dash.recommendation.state.in_umsetzung': 'in Umsetzung',
  'dash.recommendation.state.umgesetzt': 'umgesetzt',
  'dash.recommendation.state.verworfen': 'verworfen',
  'dash.recommendation.next.offen': 'Nächster Schritt: priorisieren oder verwerfen',
  'dash.recommendation.next.priorisiert': 'Nächster Schritt: mit der Umsetzung beginnen',
  'dash.recommendation.next.in_umsetzung': 'Nächster Schritt: als umgesetzt melden',
  'dash.recommendation.next.umgesetzt': 'erledigt',
  'dash.recommendation.next.verworfen': 'erledigt',
  'dash.evaluation.title': 'Analysen vor Gewichtung oder Bericht',
  'dash.evaluation.empty': 'Keine Analyse wartet auf Gewichtung oder Bericht.',
  'dash.evaluation.fieldDone': 'Feldphase beendet',
  'dash.evaluation.weighted': 'gewichtet',
  'dash.evaluation.next.weighting': 'Nächster Schritt: die Gewichtung berechnen',
  'dash.evaluation.next.report': 'Nächster Schritt: den Bericht erstellen',
} satisfies Record<string, Text>;

const en: Record<keyof typeof de, Text> = {
  'dash.recommendations.title': 'Recommendations you decide on',
  'dash.recommendations.empty': 'No recommendation is waiting for a decision.',
  'dash.recommendation.state.offen': 'open',
  'dash.recommendation.state.priorisiert': 'prioritised',
  'dash.recommendation.state.in_umsetzung': 'being implemented',
  'dash.recommendation.state.umgesetzt': 'implemented',
  'dash.recommendation.state.verworfen': 'discarded',
  'dash.recommendation.next.offen': 'Next step: prioritise or discard',
  'dash.recommendation.next.priorisiert': 'Next step: start implementing',
  'dash.recommendation.next.in_umsetzung': 'Next step: report it as implemented',
  'dash.recommendation.next.umgesetzt': 'done',
  'dash.recommendation.next.verworfen': 'done',
  'dash.evaluation.title': 'Analyses before weighting or report',
  'dash.evaluation.empty': 'No analysis is waiting for its weighting or report.',
  'dash.evaluation.fieldDone': 'field phase over',
  'dash.evaluation.weighted': 'weighted',
  'dash.evaluation.next.weighting': 'Next step: compute the weighting',
  'dash.evaluation.next.report': 'Next step: write the report',
};

export const dashboardMessages = defineMessages(de, en);
