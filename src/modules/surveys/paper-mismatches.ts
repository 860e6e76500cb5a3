import { stableJson } from '../../lib/json.js';
import type { TMismatch } from './surveys.types.js';

/** Fields whose values differ between the two keyings (matrix rows and places compared one by one). */
export function mismatches(first: Record<string, unknown>, second: Record<string, unknown>): TMismatch[] {
  const out: TMismatch[] = [];
  const flat = (a: Record<string, unknown>) => {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(a)) {
      if (v && typeof v === 'object' && !Array.isArray(v)) for (const [r, x] of Object.entries(v)) m.set(`${k}.${r}`, stableJson(x));
      else if (Array.isArray(v) && v.some((x) => typeof x === 'object')) v.forEach((x, i) => m.set(`${k}.${i + 1}`, stableJson(x)));
      else m.set(k, stableJson(v));
    }
    return m;
  };
  const a = flat(first);
  const b = flat(second);
  for (const key of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (a.get(key) !== b.get(key)) out.push({ field: key, first: a.has(key) ? JSON.parse(a.get(key)!) : null, second: b.has(key) ? JSON.parse(b.get(key)!) : null });
  }
  return out;
}
