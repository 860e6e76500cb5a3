import { describe, expect, it } from 'vitest';
import { Problem } from './http/problem.js';
import { runTask, TaskLimitError } from './workers.js';

const tasks = new URL('../../test/support/worker-tasks.ts', import.meta.url);

describe('worker tasks', () => {
  it('runs a TypeScript export in a worker thread: Buffers arrive as Buffers, Problems come back as Problems', async () => {
    expect(await runTask(tasks, 'echo', [Buffer.from('%PDF-'), 21])).toEqual({ isBuffer: true, text: '%PDF-', twice: 42 });
    const err = await runTask(tasks, 'refuse', []).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Problem);
    expect(err).toMatchObject({ status: 422, code: 'test_refused', extra: { field: 'file' } });
  });

  it('stops a task at its memory or time limit without harming the process', async () => {
    await expect(runTask(tasks, 'hog', [], { maxHeapMb: 64 })).rejects.toEqual(new TaskLimitError('memory'));
    await expect(runTask(tasks, 'sleep', [60_000], { timeoutMs: 200 })).rejects.toEqual(new TaskLimitError('time'));
    expect(await runTask(tasks, 'echo', [Buffer.from('ok'), 1])).toMatchObject({ text: 'ok' });
  });
});
