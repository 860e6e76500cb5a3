import { z } from 'zod';
import { ZAgs } from '../communes/communes.types.js';
import { ZIsoDate } from '../alliance/alliance.types.js';
import { MIN_MIX_THRESHOLD } from './schema.js';
import { ZInt, ZJson, ZString, ZVersion } from '../../server/http/zod.js';

const ZTextDe = (what: string) => z.object({
  de: ZString.trim().min(1, { error: `Bitte ${what} auf Deutsch angeben.` }).max(2000),
  en: ZString.trim().max(2000).default(''),
});
const ZScaleValue = z.object({ value: z.number().int().min(0).max(99), label: ZTextDe('die Beschriftung') });
export const ZItemContent = z.object({
  dimension: ZString.trim().min(1).max(40),
  kind: z.enum(['single', 'matrix', 'multi', 'text', 'fearplaces', 'district']),
  wording: ZTextDe('den Fragetext'),
  scale: z.array(ZScaleValue).max(20).default([]),
  notApplicable: ZScaleValue.nullable().default(null),
  rows: z.array(z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,19}$/i, { error: 'Zeilenkürzel: Buchstaben, Ziffern, _' }), label: ZTextDe('die Zeile') })).max(30).default([]),
}).superRefine((c, ctx) => {
  const needsScale = c.kind === 'single' || c.kind === 'matrix' || c.kind === 'multi';
  if (needsScale && c.scale.length < 2) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Diese Frageart braucht mindestens zwei Antwortmöglichkeiten.' });
  if (c.kind === 'matrix' && c.rows.length < 1) ctx.addIssue({ code: 'custom', path: ['rows'], message: 'Eine Matrixfrage braucht mindestens eine Zeile.' });
  const values = [...c.scale, ...(c.notApplicable ? [c.notApplicable] : [])].map((s) => s.value);
  if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['scale'], message: 'Jeder Antwortwert darf nur einmal vorkommen.' });
});
export const ZItemCode = z.string().regex(/^[A-Z]{2}\d{2}$/, { error: 'Das Kürzel besteht aus zwei Großbuchstaben und zwei Ziffern (z. B. IN02).' });
export const ZItemCreate = z.object({ code: ZItemCode, content: ZItemContent, note: ZString.trim().max(500).default('') });
export const ZItemRevise = z.object({ content: ZItemContent, note: ZString.trim().max(500).default(''), basedOn: ZInt(1) });
export const ZItemActive = z.object({ active: z.boolean() });
export const ZItem = z.object({ code: z.string(), itemVersion: z.number().int(), active: z.boolean(), note: z.string(), createdAt: z.string(), versions: z.number().int().optional() }).passthrough();
export const ZCodeParams = z.object({ code: ZString.max(20) });

export const ZProjectCreate = z.object({
  ags: ZAgs, institute: ZString.trim().min(1, { error: 'Bitte das beauftragte Institut angeben.' }).max(200), startOn: ZIsoDate,
  title: ZString.trim().max(200).optional(), code: z.string().regex(/^[a-z0-9-]{3,60}$/, { error: 'Kürzel: Kleinbuchstaben, Ziffern und -' }).optional(),
});
const ZPhase = z.object({ key: z.string(), label: z.string(), startOn: z.string(), dueOn: z.string(), status: z.string(), doneOn: z.string().nullable(), version: z.number().int() });
export const ZProject = z.object({
  id: z.string(), code: z.string(), ags: z.string(), communeName: z.string(), title: z.string(), institute: z.string(), startOn: z.string(),
  status: z.string(), completedOn: z.string().nullable(), districts: z.array(z.string()), mixThreshold: z.number().int(),
  phases: z.array(ZPhase), tasks: z.array(z.object({ key: z.string(), label: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), version: z.number().int() })),
  version: z.number().int(),
});
export const ZProjectParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
export const ZKeyParams = z.object({ id: z.uuid(), key: ZString.max(40) });
export const ZPhaseUpdate = z.object({ status: z.enum(['open', 'in_progress', 'done']), version: ZVersion });
export const ZTaskUpdate = z.object({ done: z.boolean(), version: ZVersion });
export const ZComplete = z.object({ completedOn: ZIsoDate, version: ZVersion });
export const ZMixThresholdUpdate = z.object({
  mixThreshold: z.number({ error: 'Bitte eine ganze Zahl angeben.' }).int({ error: 'Bitte eine ganze Zahl angeben.' })
    .min(MIN_MIX_THRESHOLD, { error: `Mindestens ${MIN_MIX_THRESHOLD} Antworten je Mischung, sonst ließen sich Antworten zu leicht zuordnen.` })
    .max(1000, { error: 'Höchstens 1000 Antworten je Mischung.' }),
  version: ZVersion,
});
export const ZDistrictsUpdate = z.object({ districts: z.array(ZString.trim().min(1).max(100)).max(100), version: ZVersion });

const ZText = z.object({ de: ZString.max(5000), en: ZString.max(5000) });
export const ZElement = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), code: ZItemCode, itemVersion: ZInt(1) }),
  z.object({ type: z.literal('custom'), code: ZString.max(20), content: ZItemContent }),
  z.object({ type: z.literal('page'), title: ZText }),
]);
export const ZQuestionnaireUpdate = z.object({ title: ZText, intro: ZText, elements: z.array(ZElement).max(200), version: ZVersion });
export const ZQuestionnaire = z.object({
  id: z.string(), projectId: z.string(), revision: z.number().int(), status: z.string(), title: ZText, intro: ZText,
  elements: z.array(z.unknown()), definition: z.unknown(), surveyJson: z.unknown(), frozenAt: z.string().nullable(), version: z.number().int(),
});

export const ZSampleOptions = z.object({
  strataBy: z.enum(['district', 'age_sex', 'district_age_sex'], { error: 'Bitte die Schichtung wählen.' }),
  allocation: z.enum(['proportional', 'fixed'], { error: 'Bitte die Aufteilung wählen.' }),
  size: z.coerce.number().int().min(10, { error: 'Die Stichprobe muss mindestens 10 Personen umfassen.' }).max(50000),
  seed: z.coerce.number().int().min(1).max(2 ** 31 - 2).optional(),
});
export const ZSample = z.object({
  strataBy: z.string(), allocation: z.string(), requestedSize: z.number().int(), seed: z.number().int(), fileName: z.string(), encoding: z.string(),
  personsRead: z.number().int(), under16: z.number().int(), drawnAt: z.string(), lettersAt: z.string().nullable(), remindersAt: z.string().nullable(),
  personalDataDeletedAt: z.string().nullable(), personsStored: z.number().int(),
  strata: z.array(z.object({ key: z.string(), district: z.string().nullable(), ageGroup: z.string().nullable(), sex: z.string().nullable(), population: z.number().int(), sampleSize: z.number().int() })),
  version: z.number().int(),
});
const ZLetterText = z.object({
  sender: ZString.trim().min(1).max(300), subject: ZString.trim().min(1, { error: 'Bitte einen Betreff angeben.' }).max(300),
  body: ZString.trim().min(1, { error: 'Bitte den Brieftext angeben.' }).max(5000), reminderBody: ZString.trim().min(1).max(5000), signature: ZString.trim().max(500),
});
export const ZLetterUpdate = ZLetterText.extend({ version: ZVersion });
export const ZLetter = ZLetterText.extend({ hasCrest: z.boolean(), version: z.number().int() });

export const ZMonitoring = z.object({
  invited: z.number().int(), returned: z.number().int(), codesUsed: z.number().int(), withoutCode: z.number().int(), responseRate: z.number(),
  byDay: z.array(z.object({ date: z.string(), online: z.number().int(), paper: z.number().int(), cumulative: z.number().int() })),
  /** The mixing pool: answers waiting for a batch of `threshold`, answers stored, batches so far. */
  mixing: z.object({ threshold: z.number().int(), waiting: z.number().int(), mixed: z.number().int(), batches: z.number().int() }),
  byStratum: z.array(z.object({ key: z.string(), district: z.string().nullable(), ageGroup: z.string().nullable(), sex: z.string().nullable(), population: z.number().int(), invited: z.number().int(), returned: z.number().int(), rate: z.number() })),
});
export const ZPaperEntry = z.object({
  sheetNo: ZString.trim().min(1, { error: 'Bitte die Bogennummer angeben.' }).max(20),
  code: ZString.trim().max(20).nullable().optional(),
  answers: z.record(ZString.max(40), ZJson),
  doubleEntry: z.boolean().default(false),
});
const ZMismatch = z.object({ field: z.string(), first: z.unknown(), second: z.unknown() });
export const ZPaperResult = z.object({ status: z.enum(['stored', 'awaiting_second', 'mismatch']), mismatches: z.array(ZMismatch) });
export const ZPaperStatus = z.object({ stored: z.number().int(), pending: z.array(z.object({ sheetNo: z.string(), status: z.string(), mismatches: z.array(ZMismatch) })) });
