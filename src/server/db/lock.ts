import { mkdirSync, openSync, writeSync, closeSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';

export class DataDirLockedError extends Error {
  constructor(dir: string, holder: string) {
    super(`The database directory ${dir} is in use by another process (${holder}). ` +
      'The embedded database allows one process only: stop the other process, or set DATABASE_URL to use a PostgreSQL server.');
  }
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * Takes an exclusive lock on an embedded database directory (PGlite does not lock it itself, and two
 * processes writing it would silently lose data). A lock left by a dead process on this host is taken over.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'asskomm.lock');
  const me = `${hostname()}:${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, me);
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try { if (readFileSync(file, 'utf8') === me) unlinkSync(file); } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readFileSync(file, 'utf8').trim();
      const [host, pid] = holder.split(':');
      if (host === hostname() && pid && !isAlive(Number(pid))) { unlinkSync(file); continue; }
      throw new DataDirLockedError(dir, holder || 'unknown');
    }
  }
  throw new DataDirLockedError(dir, 'unknown');
}
