/** The states the surveys module stores as text, listed once (schema columns and zod enums use them). */

/** An analysis project runs until its report is handed over. */
export const PROJECT_STATUSES = ['running', 'completed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** A phase of the 20-week plan. */
export const PHASE_STATUSES = ['open', 'in_progress', 'done'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** A questionnaire is a draft until the field phase begins; then it is frozen. */
export const QUESTIONNAIRE_STATUSES = ['draft', 'frozen'] as const;
export type QuestionnaireStatus = (typeof QUESTIONNAIRE_STATUSES)[number];

/** How an answer came in. */
export const RESPONSE_MODES = ['online', 'paper'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];

/** A paper sheet under double entry: waiting for its second keying, or keyed twice with differences. */
export const PAPER_ENTRY_STATUSES = ['awaiting_second', 'mismatch'] as const;
export type PaperEntryStatus = (typeof PAPER_ENTRY_STATUSES)[number];
