import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Problem } from './http/problem.js';

/**
 * Heavy parsing (e.g. an uploaded workbook) runs in a worker thread, so the request loop keeps answering
 * while it works. Each task gets a fresh worker that ends with it: its memory is capped (a file that needs
 * more is refused instead of taking the process down) and returned when it ends. At most
 * `MAX_PARALLEL_TASKS` run at once per process; further tasks wait.
 */
export const MAX_PARALLEL_TASKS = 2;

/** A task hit its memory or time limit; the worker was stopped. */
export class TaskLimitError extends Error {
  constructor(readonly limit: 'memory' | 'time') { super(`worker task exceeded its ${limit} limit`); }
}

/** `start` and `end` of every task (for tests and monitoring). */
export const taskEvents = new EventEmitter();

export interface TaskOptions { maxHeapMb?: number; timeoutMs?: number }

// The worker imports the task module; for TypeScript it first registers tsx's loader (a worker does not
// get the loader of the tsx runner, nor has one under vitest). This is the `import` entry of `tsx/esm/api`.
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  const mod = await import(workerData.module);
  // Buffers arrive as plain Uint8Arrays (structured clone): give them their Buffer face back.
  const args = workerData.args.map((a) => (a instanceof Uint8Array && !Buffer.isBuffer(a) ? Buffer.from(a.buffer, a.byteOffset, a.byteLength) : a));
  const result = await mod[workerData.exportName](...args);
  parentPort.postMessage({ ok: true, result });
})().catch((err) => {
  const problem = err && typeof err.status === 'number' && typeof err.code === 'string' && typeof err.detail === 'string'
    ? { status: err.status, code: err.code, detail: err.detail, extra: err.extra ?? {} } : null;
  parentPort.postMessage({ ok: false, problem, message: String(err && err.stack || err) });
});
`;

/** Callers name their task module as in the sources (`./x.ts`); compiled code (dist/) has the emitted `./x.js` beside it. */
function taskModule(module: URL): URL {
  if (!module.pathname.endsWith('.ts') || existsSync(fileURLToPath(module))) return module;
  return new URL(module.href.replace(/\.ts$/, '.js'));
}

let running = 0;
const waiting: (() => void)[] = [];
async function slot() {
  if (running < MAX_PARALLEL_TASKS) { running++; return; }
  await new Promise<void>((resolve) => waiting.push(resolve));
}
function release() {
  const next = waiting.shift();
  if (next) next(); else running--;
}

/**
 * Calls `exportName(...args)` of the module at `module` in a worker thread and returns its result. Args
 * and result are copied (structured clone). A `Problem` thrown there is thrown here as a `Problem`.
 */
export async function runTask<T>(source: URL, exportName: string, args: unknown[], opts: TaskOptions = {}): Promise<T> {
  const module = taskModule(source);
  await slot();
  const name = `${module.pathname.split('/').pop()}#${exportName}`;
  try {
    taskEvents.emit('start', name);
    return await new Promise<T>((resolve, reject) => {
      const worker = new Worker(BOOT, {
        eval: true,
        workerData: { module: module.href, exportName, args, tsxApi: module.pathname.endsWith('.ts') ? tsxApi : null },
        resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb ?? 1024 },
      });
      let settled = false;
      const settle = (fn: () => void) => { if (!settled) { settled = true; clearTimeout(timer); fn(); void worker.terminate(); } };
      const timer = setTimeout(() => settle(() => reject(new TaskLimitError('time'))), opts.timeoutMs ?? 120_000);
      worker.once('message', (msg: { ok: true; result: T } | { ok: false; problem: { status: number; code: string; detail: string; extra: Problem['extra'] } | null; message: string }) => settle(() => {
        if (msg.ok) resolve(msg.result);
        else if (msg.problem) reject(new Problem(msg.problem.status, msg.problem.code, msg.problem.detail, msg.problem.extra));
        else reject(new Error(`worker task ${name} failed: ${msg.message}`));
      }));
      worker.once('error', (err: Error & { code?: string }) => settle(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TaskLimitError('memory') : err)));
      worker.once('exit', (code) => settle(() => reject(new Error(`worker task ${name} ended (exit code ${code}) without a result`))));
    });
  } finally {
    taskEvents.emit('end', name);
    release();
  }
}
