import { Problem, unprocessable } from '../../server/http/problem.js';
import { runTask, TaskLimitError } from '../../server/workers.js';
import { parseRegister } from './register-csv.js';
import { drawSample, type Allocation, type StrataBy } from './sampling.js';

export interface DrawOptions { strataBy: StrataBy; allocation: Allocation; size: number; seed: number }

/**
 * Reads the register extract and draws the sample (pure: no I/O). Returns only what is kept: the strata
 * counts, the drawn persons and the Ortsteile, not the whole register. A malformed file is a 422 with
 * every bad line.
 */
export function readRegisterAndDraw(data: Buffer, startOn: string, options: DrawOptions) {
  const parsed = parseRegister(data, startOn, options.strataBy !== 'age_sex');
  if (parsed.errors.length) {
    throw new Problem(422, 'register_invalid', `Der Melderegister-Auszug enthält ${parsed.errors.length} fehlerhafte Zeile(n); es wurde nichts übernommen.`, {
      field: 'file', errors: parsed.errors.slice(0, 200).map((e) => ({ field: 'file', label: `Zeile ${e.line}`, message: e.message, line: e.line })),
    });
  }
  if (!parsed.persons.length) throw unprocessable('register_empty', 'Der Auszug enthält keine Personen ab 16 Jahren.', 'file');
  if (options.size > parsed.persons.length) throw unprocessable('sample_too_large', `Die Stichprobe (${options.size}) ist größer als die Zahl der Personen ab 16 Jahren im Auszug (${parsed.persons.length}).`, 'size');
  const { strata, drawn } = drawSample(parsed.persons, { by: options.strataBy, allocation: options.allocation, size: options.size, seed: options.seed, startOn });
  const districts = [...new Set(parsed.persons.map((p) => p.district).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'de'));
  return { encoding: parsed.encoding, personsRead: parsed.persons.length, under16: parsed.under16, strata, drawn, districts };
}

/** Extracts up to this size are read on the request loop (well under 0.1 s); larger ones in a worker thread. */
const REGISTER_INLINE_BYTES = 1024 * 1024;

/** `readRegisterAndDraw` off the request loop for large extracts (50 MB take seconds to parse). */
export async function readRegisterAndDrawOffLoop(data: Buffer, startOn: string, options: DrawOptions): Promise<ReturnType<typeof readRegisterAndDraw>> {
  if (data.length <= REGISTER_INLINE_BYTES) return readRegisterAndDraw(data, startOn, options);
  try {
    return await runTask(new URL('./register-sample.ts', import.meta.url), 'readRegisterAndDraw', [data, startOn, options], { maxHeapMb: 2048, timeoutMs: 120_000 });
  } catch (err) {
    if (err instanceof TaskLimitError) throw unprocessable('register_too_complex', 'Der Melderegister-Auszug ist zu groß, um ihn zu lesen.', 'file');
    throw err;
  }
}
