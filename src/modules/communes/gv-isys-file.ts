import { Problem } from '../../server/http/problem.js';
import { checkZipLimits, XLSX_LIMITS, ZIP_UNREADABLE } from '../../server/files/zip-limits.js';
import { runTask, TaskLimitError } from '../../server/workers.js';
import { unreadableGvFile, type GvFile } from './parse-gv-isys.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The largest GV-ISys upload (the file for all of Germany is about 2 MB). */
export const MAX_REGISTRY_FILE_BYTES = 20 * 1024 * 1024;
/** Heap of the worker that parses the workbook (the Destatis file needs about 250 MB). */
export const REGISTRY_PARSE_HEAP_MB = 1024;

/**
 * Parses a GV-ISys workbook off the request loop: the archive's sizes are checked first (zip bombs), then
 * exceljs reads it in a worker thread with capped memory, so the server keeps answering meanwhile.
 */
export async function parseGvIsysOffLoop(data: Buffer): Promise<GvFile> {
  await checkZipLimits(data, XLSX_LIMITS).catch((err: unknown) => {
    throw err instanceof Problem && err.code === ZIP_UNREADABLE ? unreadableGvFile() : err;
  });
  try {
    return await runTask<GvFile>(new URL('./parse-gv-isys.ts', import.meta.url), 'parseGvIsys', [data], { maxHeapMb: REGISTRY_PARSE_HEAP_MB, timeoutMs: 120_000 });
  } catch (err) {
    if (err instanceof TaskLimitError) {
      throw new Problem(422, 'registry_file_too_complex', err.limit === 'memory'
        ? 'Die Datei ist zu groß oder zu komplex, um sie zu lesen. Bitte laden Sie den unveränderten Auszug des Destatis-Gemeindeverzeichnisses hoch.'
        : 'Das Lesen der Datei hat zu lange gedauert. Bitte laden Sie den unveränderten Auszug des Destatis-Gemeindeverzeichnisses hoch.', { field: 'file' });
    }
    throw err;
  }
}
