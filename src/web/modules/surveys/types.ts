export type Text = { de: string; en: string };
export interface ScaleValue { value: number; label: Text }
export interface ItemContent { dimension: string; kind: string; wording: Text; scale: ScaleValue[]; notApplicable: ScaleValue | null; rows: { code: string; label: Text }[] }
export interface Project {
  id: string; code: string; ags: string; communeName: string; title: string; institute: string; startOn: string; status: string; completedOn: string | null; districts: string[]; mixThreshold: number;
  phases: { key: string; label: string; startOn: string; dueOn: string; status: string; doneOn: string | null; version: number }[];
  tasks: { key: string; label: string; dueOn: string; doneOn: string | null; version: number }[];
  version: number;
}
export type Element = { type: 'item'; code: string; itemVersion: number } | { type: 'custom'; code: string; content: ItemContent } | { type: 'page'; title: Text };
export interface Definition { title: Text; intro: Text; pages: { title: Text; questions: { code: string; content: ItemContent }[] }[]; districts: string[] }
export interface Questionnaire { id: string; revision: number; status: string; title: Text; intro: Text; elements: Element[]; definition: Definition; surveyJson: Record<string, unknown>; frozenAt: string | null; version: number }
export interface BankItem extends ItemContent { code: string; itemVersion: number; active: boolean; versions?: number }
export interface Monitoring {
  invited: number; returned: number; codesUsed: number; withoutCode: number; responseRate: number;
  byDay: { date: string; online: number; paper: number; cumulative: number }[];
  mixing: { threshold: number; waiting: number; mixed: number; batches: number };
  byStratum: { key: string; district: string | null; ageGroup: string | null; sex: string | null; population: number; invited: number; returned: number; rate: number }[];
}
export interface Sample {
  strataBy: string; allocation: string; requestedSize: number; seed: number; fileName: string; encoding: string; personsRead: number; under16: number;
  drawnAt: string; lettersAt: string | null; remindersAt: string | null; personalDataDeletedAt: string | null; personsStored: number;
  strata: { key: string; district: string | null; ageGroup: string | null; sex: string | null; population: number; sampleSize: number }[]; version: number;
}
export interface Letter { sender: string; subject: string; body: string; reminderBody: string; signature: string; hasCrest: boolean; version: number }
