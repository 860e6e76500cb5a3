import { definePolicy } from '../../server/auth/policy.js';
import { communeSubject } from '../communes/subject.js';

/**
 * Police crime statistics. Kreis and Land figures are published statistics (every signed-in role); a commune's
 * figures are read by the LPR, its police directorate, the commune and the analysts of an analysis of it;
 * the directorates import their own communes' tables.
 */
export const crimeFiguresPolicy = definePolicy('crime.figures', {
  import: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes' },
  listImports: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes' },
  readKreise: 'authenticated',
  readCommune: { lpr_admin: 'any', lpr_staff: 'any', police: 'communes', commune: 'communes', analyst: 'communes' },
}, communeSubject, { denied: 'forbid', detail: 'Sie haben keinen Zugriff auf die Kriminalstatistik dieser Kommune.' });

export const crimePolicies = [crimeFiguresPolicy] as const;

/** @deprecated door rules of routes not yet converted. */
export const crimePolicy = {
  importFigures: crimeFiguresPolicy.door('import'),
  listImports: crimeFiguresPolicy.door('listImports'),
  readKreise: crimeFiguresPolicy.door('readKreise'),
  readCommune: crimeFiguresPolicy.door('readCommune'),
};
