import { z } from 'zod';
import { ZRequiredText, ZString, ZText, ZVersion } from '../../../server/http/zod.js';

// Fields of action (Handlungsfelder) ---------------------------------------------------------------
export const ZFieldOfAction = z.object({ id: z.string(), label: z.string(), sortOrder: z.number().int(), active: z.boolean(), version: z.number().int() });
export const ZFieldOfActionList = z.object({ items: z.array(ZFieldOfAction) });
export const ZFieldOfActionParams = z.object({ id: ZString.max(40) });
export const ZFieldOfActionCreate = z.object({
  id: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: 'Kürzel: Kleinbuchstaben, Ziffern und _, 2–40 Zeichen.' }),
  label: ZRequiredText(120, 'eine Bezeichnung'), sortOrder: z.number().int().min(0).max(10000).default(500),
});
export const ZFieldOfActionUpdate = z.object({ label: ZRequiredText(120, 'eine Bezeichnung'), sortOrder: z.number().int().min(0).max(10000), active: z.boolean(), version: ZVersion });
/** A field of action named on a record (topics, competencies), with its current label. */
export const ZFieldOfActionRef = z.object({ id: z.string(), label: z.string() });

// Agreement template -------------------------------------------------------------------------------
export const ZSection = z.object({ key: ZString.max(40), title: ZRequiredText(200, 'eine Überschrift'), text: ZText(20000) });
export const ZTemplate = z.object({ id: z.string(), name: z.string(), sections: z.array(ZSection), version: z.number().int() });
export const ZTemplateUpdate = z.object({ name: ZRequiredText(200, 'einen Namen'), sections: z.array(ZSection).min(1).max(30), version: ZVersion });

// LPR staff ----------------------------------------------------------------------------------------
export const ZPerson = z.object({ id: z.string(), displayName: z.string(), email: z.string() });
export const ZPersonList = z.object({ items: z.array(ZPerson) });

export type TFieldOfAction = z.infer<typeof ZFieldOfAction>;
export type TFieldOfActionCreate = z.infer<typeof ZFieldOfActionCreate>;
export type TFieldOfActionUpdate = z.infer<typeof ZFieldOfActionUpdate>;
export type TFieldOfActionRef = z.infer<typeof ZFieldOfActionRef>;
export type TSection = z.infer<typeof ZSection>;
export type TTemplate = z.infer<typeof ZTemplate>;
export type TTemplateUpdate = z.infer<typeof ZTemplateUpdate>;
export type TPerson = z.infer<typeof ZPerson>;
