import { Problem } from '../../src/server/http/problem.js';

/** Tasks for the worker-thread tests. */
export const echo = (data: Buffer, n: number) => ({ isBuffer: Buffer.isBuffer(data), text: data.toString('latin1'), twice: n * 2 });
export function refuse(): never { throw new Problem(422, 'test_refused', 'Die Datei wird nicht angenommen.', { field: 'file' }); }
export function hog(): number {
  const keep: number[][] = [];
  for (;;) keep.push(Array.from({ length: 100_000 }, (_, i) => i + keep.length));
}
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
