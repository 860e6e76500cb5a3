import { auditRecorder } from '../../server/audit/record.js';
import { namesFrom, type AuditLabel, type AuditVocabulary } from '../../server/audit/vocabulary.js';
import { recommendations } from './schema.js';

/** What the evaluation module writes to the audit log. */
export const EVALUATION_AUDIT_ACTIONS = [
  'analysis_weighting.computed',
  'recommendation.created', 'recommendation.updated', 'recommendation.managed', 'recommendation.deleted',
  'analysis_report.requested', 'analysis_report.stored',
] as const;
export type EvaluationAuditAction = (typeof EVALUATION_AUDIT_ACTIONS)[number];

export const recordEvaluationAudit = auditRecorder<EvaluationAuditAction, 'analysis_project' | 'recommendation'>();

/** Readable labels of the evaluation's audit actions; recommendations by their titles (analyses are named by the surveys module). */
export const evaluationAudit = {
  actions: {
    'analysis_weighting.computed': { de: 'Gewichtung berechnet', en: 'Weighting computed' },
    'recommendation.created': { de: 'Handlungsempfehlung angelegt', en: 'Recommendation created' },
    'recommendation.updated': { de: 'Handlungsempfehlung geändert', en: 'Recommendation changed' },
    'recommendation.managed': { de: 'Umsetzung der Empfehlung fortgeschrieben', en: 'Recommendation progress updated' },
    'recommendation.deleted': { de: 'Handlungsempfehlung gelöscht', en: 'Recommendation deleted' },
    'analysis_report.requested': { de: 'Bericht angefordert', en: 'Report requested' },
    'analysis_report.stored': { de: 'Berichtsfassung gespeichert', en: 'Report version stored' },
  } satisfies Record<EvaluationAuditAction, AuditLabel>,
  entities: {
    recommendation: { label: { de: 'Handlungsempfehlung', en: 'Recommendation' }, names: namesFrom(recommendations, recommendations.id, recommendations.title, 'uuid') },
    analysis_project: { label: { de: 'Sicherheitsanalyse', en: 'Safety analysis' } },
  },
} satisfies AuditVocabulary;
