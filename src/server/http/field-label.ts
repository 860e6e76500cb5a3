import type { z } from 'zod';
import { fieldLabels } from './zod.js';

/** Fields every form shares; a schema's own label (`labelled`) wins. */
const COMMON: Record<string, string> = { version: 'Version', file: 'Datei' };

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType | undefined) => (s as unknown as { _zod?: { def: Def } } | undefined)?._zod?.def;
const labelOf = (s: z.ZodType) => fieldLabels.get(s)?.label;

/** The schemas `s` stands for, through optional/nullable/default/pipe/union wrappers, each with its label. */
function unwrap(s: z.ZodType | undefined, seen = 0): z.ZodType[] {
  const def = defOf(s);
  if (!s || !def || seen > 10) return [];
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  if (inner) return [s, ...unwrap(inner, seen + 1)];
  if (def.options) return [s, ...def.options.flatMap((o) => unwrap(o, seen + 1))];
  if (def.left && def.right) return [s, ...unwrap(def.left, seen + 1), ...unwrap(def.right, seen + 1)];
  return [s];
}

/**
 * The German label of the field at `path` (e.g. `tasks.0.dueOn` → „Aufgabe 1: Fällig am“), from the labels
 * registered on `schema` (for an array index the item's label, else the array's); undefined when a part has none (the message is then shown without a field name).
 */
export function fieldLabel(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string | undefined {
  const parts: string[] = [];
  let nodes = unwrap(schema);
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const index = typeof key === 'number' ? key : /^\d+$/.test(String(key)) ? Number(key) : null;
    let next: z.ZodType[] = [];
    if (index !== null) {
      const arrays = nodes.filter((n) => defOf(n)?.type === 'array');
      const item = arrays.map((a) => defOf(a)!.element!).find(Boolean);
      const itemLabel = [...unwrap(item), ...arrays].map(labelOf).find(Boolean);
      if (!itemLabel) return undefined;
      parts.push(`${itemLabel} ${index + 1}`);
      next = unwrap(item);
    } else {
      for (const n of nodes) { const child = defOf(n)?.shape?.[String(key)]; if (child) next.push(...unwrap(child)); }
      const last = i === path.length - 1;
      if (last) {
        const own = next.map(labelOf).find(Boolean) ?? COMMON[String(key)];
        if (!own) return undefined;
        parts.push(own);
      }
    }
    nodes = next;
  }
  return parts.length ? parts.join(': ') : undefined;
}

/** A problem's detail: the message after the field's label, or the message alone when there is no label. */
export const labelledDetail = (label: string | undefined, message: string) => (label ? `${label}: ${message}` : message);
