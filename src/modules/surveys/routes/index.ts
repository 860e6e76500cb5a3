import type { App } from '../../../server/modules.js';
import { projectRoutes } from './projects.js';
import { questionnaireRoutes } from './questionnaire.js';
import { itemBankRoutes } from './item-bank.js';
import { sampleAndLetterRoutes } from './sample-and-letters.js';
import { fieldPhaseRoutes } from './field-phase.js';
import { mixThresholdRoutes } from './mix-threshold.js';
import { monitoringAndExportRoutes } from './monitoring-and-exports.js';
import { paperEntryRoutes } from './paper-entry.js';

/** The staff's side of the security analyses, by resource (the respondents' side is routes-public.ts). */
export async function surveysRoutes(app: App) {
  await projectRoutes(app);
  await questionnaireRoutes(app);
  await itemBankRoutes(app);
  await sampleAndLetterRoutes(app);
  await fieldPhaseRoutes(app);
  await mixThresholdRoutes(app);
  await monitoringAndExportRoutes(app);
  await paperEntryRoutes(app);
}
