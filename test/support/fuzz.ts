/**
 * Building blocks of the API fuzzer (test/fuzz.test.ts): a seeded random source, a sampler that makes a
 * plausible value from the JSON schema of the OpenAPI document, and the hostile variants of a value.
 */

/** A small deterministic random source (mulberry32). */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    uuid: () => {
      const h = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
      h[12] = '4';
      h[16] = '8';
      const s = h.join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}
export type Random = ReturnType<typeof seededRandom>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonSchema = Record<string, any>;

/** A string matching a simple regular expression (classes, groups, alternatives, quantifiers) as zod emits them. */
export function fromPattern(pattern: string, rnd: Random): string {
  let i = 0;
  const classOf = (esc: string): string[] => {
    if (esc === 'd') return [...'0123456789'];
    if (esc === 'w') return [...'abcdefghijklmnopqrstuvwxyz0123456789_'];
    if (esc === 's') return [' '];
    return [esc];
  };
  function atom(): string[] | { alt: string[][][] } {
    const c = pattern[i++]!;
    if (c === '\\') return classOf(pattern[i++]!);
    if (c === '.') return ['x'];
    if (c === '[') {
      const chars: string[] = [];
      const negated = pattern[i] === '^';
      if (negated) i++;
      while (pattern[i] !== ']') {
        let a = pattern[i++]!;
        if (a === '\\') { chars.push(...classOf(pattern[i++]!)); continue; }
        if (pattern[i] === '-' && pattern[i + 1] !== ']') {
          i++;
          let b = pattern[i++]!;
          if (b === '\\') b = pattern[i++]!;
          for (let x = a.charCodeAt(0); x <= b.charCodeAt(0); x++) chars.push(String.fromCharCode(x));
        } else chars.push(a);
        a = '';
      }
      i++;
      return negated ? ['x'] : chars;
    }
    if (c === '(') {
      if (pattern[i] === '?') i += 2; // (?: … )
      return { alt: sequence(')') };
    }
    return [c];
  }
  function sequence(end: string | null): string[][][] {
    const alts: string[][][] = [[]];
    while (i < pattern.length && pattern[i] !== end) {
      const c = pattern[i]!;
      if (c === '^' || c === '$') { i++; continue; }
      if (c === '|') { i++; alts.push([]); continue; }
      const a = atom();
      let min = 1;
      let max = 1;
      const q = pattern[i];
      if (q === '?') { min = 0; max = 1; i++; } else if (q === '*') { min = 0; max = 3; i++; } else if (q === '+') { min = 1; max = 3; i++; } else if (q === '{') {
        const close = pattern.indexOf('}', i);
        const [lo, hi] = pattern.slice(i + 1, close).split(',');
        min = Number(lo);
        max = hi === undefined ? min : hi === '' ? min + 3 : Number(hi);
        i = close + 1;
      }
      const n = Math.max(min, Math.min(max, min + 2));
      for (let k = 0; k < n; k++) alts[alts.length - 1]!.push(Array.isArray(a) ? [rnd.pick(a)] : [render(a.alt)]);
    }
    if (end) i++;
    return alts;
  }
  const render = (alts: string[][][]) => alts[0]!.map((x) => x.join('')).join('');
  return render(sequence(null));
}

export interface Hints {
  /** A value for a property by its name (before the schema is looked at), or undefined. */
  byName(name: string, schema: JsonSchema): unknown;
  /** A value for a string pattern, or undefined to generate one. */
  byPattern(pattern: string): string | undefined;
}

/** A value that the schema accepts (as far as a JSON schema can tell), with hints for names and patterns. */
export function sample(schema: JsonSchema | undefined, rnd: Random, hints: Hints, name = ''): unknown {
  if (!schema || Object.keys(schema).length === 0) return name ? 1 : {};
  const hinted = name ? hints.byName(name, schema) : undefined;
  if (hinted !== undefined) return hinted;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const nonNull = (union as JsonSchema[]).filter((s) => s.type !== 'null');
    return sample(nonNull.length ? rnd.pick(nonNull) : union[0], rnd, hints, name);
  }
  if (schema.allOf) return sample(Object.assign({}, ...schema.allOf), rnd, hints, name);
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return rnd.uuid();
      if (schema.format === 'email') return `fuzz${rnd.int(1, 1e6)}@example.org`;
      if (schema.format === 'date') return '2026-05-04';
      if (schema.format === 'date-time') return '2026-05-04T10:00:00Z';
      if (schema.pattern) return hints.byPattern(schema.pattern) ?? fromPattern(schema.pattern, rnd);
      const min = schema.minLength ?? 0;
      const max = schema.maxLength ?? 1000;
      return 'Fuzz-Text äöü ß'.padEnd(Math.max(min, 3), '.').slice(0, Math.max(min, Math.min(max, 15)));
    }
    case 'integer':
    case 'number': {
      const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
      const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : lo + 10);
      return Math.max(lo, Math.min(hi, lo <= 1 && hi >= 1 ? 1 : lo));
    }
    case 'boolean': return true;
    case 'null': return null;
    case 'array': {
      if (schema.prefixItems) return (schema.prefixItems as JsonSchema[]).map((s) => sample(s, rnd, hints));
      const n = Math.max(schema.minItems ?? 1, Math.min(schema.maxItems ?? 1, 1));
      return Array.from({ length: n }, () => sample(schema.items, rnd, hints, `${name}[]`));
    }
    case 'object':
    default: {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries<JsonSchema>(schema.properties ?? {})) out[k] = sample(s, rnd, hints, k);
      if (!schema.properties && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        const key = schema.propertyNames?.pattern ? fromPattern(schema.propertyNames.pattern, rnd) : 'AF01';
        out[key] = sample(schema.additionalProperties, rnd, hints, key);
      }
      return out;
    }
  }
}

/**
 * Hostile values by kind: each node always gets the `core` ones (what PostgreSQL cannot store) and a seeded
 * sample of the `more` ones (wrong types, edge sizes), which keeps the run short.
 */
export const HOSTILE = {
  string: { core: ['a\u0000b', '\ud800'], more: ['x\udfffy', 'x'.repeat(100_000), '', 12345, null, ['a'], {}] },
  date: { core: ['0000-01-01', '2026-02-30', '9999-12-31'], more: ['2026-13-01', '+12026-01-01', '2026-1-1', '1899-12-31'] },
  number: { core: [2147483648, 1e308], more: [-2147483649, -1, 0.5, 9007199254740993, '1', null, true] },
  boolean: { core: ['true'], more: [0, null, 'x'] },
  array: { core: ['x'], more: [1, null, {}, 'many'] },
  object: { core: [{ 'a\u0000b': 1 }, { '\ud800': 'x' }], more: ['x', 1, null, [], { __proto__x: 1, constructor: 'x' }] },
} satisfies Record<string, { core: unknown[]; more: unknown[] }>;
export const NON_OBJECT_BODIES: unknown[] = ['x', [], null, 42, true, [{}]];

export type Pointer = (string | number)[];

/** Every node of a JSON value with its path (the root has the empty path). */
export function nodes(value: unknown, path: Pointer = []): { path: Pointer; value: unknown }[] {
  const out = [{ path, value }];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...nodes(v, [...path, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...nodes(v, [...path, k]));
  return out;
}

/** A copy of `value` with the node at `path` replaced (or removed with `remove`). */
export function replaced(value: unknown, path: Pointer, next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  const [head, ...rest] = path;
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else copy[head!] = replaced(copy[head!], rest, next, remove);
  return copy;
}

/** The hostile variants of one node, by the kind of value it holds: all core values and `more` of the others. */
export function hostileValuesFor(value: unknown, rnd: Random, more = 2): unknown[] {
  const pick = (kind: keyof typeof HOSTILE) => [...HOSTILE[kind].core, ...[...HOSTILE[kind].more].sort(() => rnd.next() - 0.5).slice(0, more)];
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [...pick('string'), ...pick('date')] : pick('string');
  if (typeof value === 'number') return pick('number');
  if (typeof value === 'boolean') return pick('boolean');
  if (Array.isArray(value)) return pick('array').map((v) => (v === 'many' ? Array.from({ length: 2000 }, () => value[0] ?? 'x') : v));
  if (value && typeof value === 'object') return pick('object');
  return pick('string');
}

/** The JSON text `{"a":{"a":…1…}}` nested `depth` times (too deep for JSON.stringify; PostgreSQL's jsonb refuses it too). */
export const deeplyNested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A multipart/form-data body from text fields and files; `truncate` cuts it off inside the last part. */
export function multipartBody(fields: Record<string, string>, files: { field: string; name: string; type: string; data: Buffer }[], opts: { boundary?: string; truncate?: boolean } = {}) {
  const b = opts.boundary ?? 'FUZZBOUNDARY7MA4YWxkTrZu0gW';
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  let payload: Buffer = Buffer.concat([...parts, Buffer.from(`--${b}--\r\n`)]);
  if (opts.truncate) payload = payload.subarray(0, Math.max(10, payload.length - Math.min(200, Math.floor(payload.length / 3))));
  return { contentType: `multipart/form-data; boundary=${b}`, payload };
}
