/**
 * Stratified random sampling from the register (pure, reproducible from the stored seed).
 *
 * Strata: Ortsteil, age group × sex, or Ortsteil × age group × sex. Allocation:
 *   proportional – n_h = n · N_h / N, rounded by the largest-remainder method so that Σ n_h = n;
 *   fixed        – the same n_h in every stratum (n / H, at most N_h).
 * Within a stratum the persons are taken in register order, shuffled by Fisher–Yates with a
 * seeded generator (xoshiro128**, seeded by splitmix32), and the first n_h are drawn.
 */
import { ageGroupOf, type RegisterPerson } from './register-csv.js';

export type StrataBy = 'district' | 'age_sex' | 'district_age_sex';
export type Allocation = 'proportional' | 'fixed';
export interface Stratum { key: string; district: string | null; ageGroup: string | null; sex: string | null; population: number; sampleSize: number }

function splitmix32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x9e3779b9) >>> 0;
    let z = a;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** xoshiro128**: a small, well-tested generator; the same seed always gives the same sequence. */
export function seededRandom(seed: number) {
  const sm = splitmix32(seed);
  let [a, b, c, d] = [sm(), sm(), sm(), sm()];
  return () => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t;
    d = (d << 11) | (d >>> 21);
    return result / 4294967296;
  };
}

export function stratumOf(p: RegisterPerson, by: StrataBy, startOn: string) {
  const district = by === 'age_sex' ? null : p.district;
  const ageGroup = by === 'district' ? null : ageGroupOf(p.birthYear, startOn);
  const sex = by === 'district' ? null : p.sex;
  return { key: [district, ageGroup, sex].filter((x) => x !== null).join('|'), district, ageGroup, sex };
}

export function allocate(populations: number[], n: number, allocation: Allocation): number[] {
  const total = populations.reduce((s, x) => s + x, 0);
  if (n >= total) return [...populations];
  if (allocation === 'fixed') {
    const out = populations.map(() => 0);
    let left = n;
    // Water-filling: equal shares, small strata taken whole, the rest shared by the larger ones.
    while (left > 0) {
      const open = out.map((_, i) => i).filter((i) => out[i]! < populations[i]!);
      const share = Math.max(1, Math.floor(left / open.length));
      for (const i of open) { const add = Math.min(share, populations[i]! - out[i]!, left); out[i]! += add; left -= add; if (!left) break; }
    }
    return out;
  }
  const exact = populations.map((p) => (n * p) / total);
  const out = exact.map(Math.floor);
  let left = n - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) { if (!left) break; if (out[i]! < populations[i]!) { out[i]! += 1; left -= 1; } }
  return out;
}

export function drawSample(persons: RegisterPerson[], options: { by: StrataBy; allocation: Allocation; size: number; seed: number; startOn: string }) {
  const groups = new Map<string, { meta: ReturnType<typeof stratumOf>; persons: RegisterPerson[] }>();
  for (const p of persons) {
    const meta = stratumOf(p, options.by, options.startOn);
    if (!groups.has(meta.key)) groups.set(meta.key, { meta, persons: [] });
    groups.get(meta.key)!.persons.push(p);
  }
  const keys = [...groups.keys()].sort();
  const sizes = allocate(keys.map((k) => groups.get(k)!.persons.length), options.size, options.allocation);
  const random = seededRandom(options.seed);
  const strata: Stratum[] = [];
  const drawn: (RegisterPerson & { stratumKey: string })[] = [];
  keys.forEach((key, i) => {
    const { meta, persons: list } = groups.get(key)!;
    const shuffled = [...list].sort((a, b) => a.line - b.line);
    for (let j = shuffled.length - 1; j > 0; j--) { const k = Math.floor(random() * (j + 1)); [shuffled[j], shuffled[k]] = [shuffled[k]!, shuffled[j]!]; }
    for (const p of shuffled.slice(0, sizes[i])) drawn.push({ ...p, stratumKey: key });
    strata.push({ key, district: meta.district, ageGroup: meta.ageGroup, sex: meta.sex, population: list.length, sampleSize: sizes[i]! });
  });
  return { strata, drawn };
}
