#!/usr/bin/env node
// The production build: the server (tsc, tsconfig.build.json → dist/) and the web app (vite → dist/web/), with a
// fingerprint of every input in dist/build-fingerprint.json, so a start can tell whether the build is current.
//   node scripts/build.mjs            builds
//   node scripts/build.mjs --if-stale builds only when an input changed since the last build
// Plain Node on purpose: `npm start` runs it before anything is compiled.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const fingerprintFile = join(dist, 'build-fingerprint.json');
/** What the build reads besides src/ (the lock file stands for node_modules). */
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts', 'scripts/build.mjs'];
/** What the build writes: present, or the build is not complete. */
const OUTPUTS = ['dist/platform/main.js', 'dist/platform/cli.js', 'dist/web/index.html'];
const isTest = (path) => /\.test\.tsx?$/.test(path) || /(^|\/)tests\//.test(path);

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

/** A hash over the path and content of every build input (tests excluded: they are not built). */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  const files = [...filesUnder(join(root, 'src')), ...INPUT_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))]
    .map((f) => relative(root, f).split('\\').join('/'))
    .filter((f) => !isTest(f))
    .sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why the build in dist/ is stale, or null when it is current. */
export function staleReason(fingerprint = sourceFingerprint()) {
  const missing = OUTPUTS.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  if (!existsSync(fingerprintFile)) return 'no build fingerprint';
  try {
    if (JSON.parse(readFileSync(fingerprintFile, 'utf8')).fingerprint === fingerprint) return null;
  } catch { /* unreadable: rebuild */ }
  return 'sources changed since the last build';
}

function run(args, signal) {
  return new Promise((resolvePromise, reject) => {
    // Always the production bundle (React's development build would be three times the size).
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', signal, env: { ...process.env, NODE_ENV: 'production' } });
    child.on('error', reject);
    child.on('exit', (code, sig) => (code === 0 ? resolvePromise() : reject(new Error(`${args.join(' ')} failed (${sig ?? `exit code ${code}`})`))));
  });
}

/** Builds server and web app (concurrently: they share nothing) and records the fingerprint of the inputs. */
export async function build({ signal } = {}) {
  const fingerprint = sourceFingerprint();
  const started = Date.now();
  rmSync(dist, { recursive: true, force: true }); // no compiled file of a deleted source survives
  await Promise.all([
    run([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], signal),
    run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], signal),
  ]);
  writeFileSync(fingerprintFile, `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString() }, null, 2)}\n`);
  return { ms: Date.now() - started };
}

/** Builds when the build is stale; returns what was done. */
export async function buildIfStale({ signal, log = console.error } = {}) {
  const reason = staleReason();
  if (!reason) return { built: false };
  log(`Building the platform (${reason}) …`);
  const { ms } = await build({ signal });
  log(`Built in ${(ms / 1000).toFixed(1)} s.`);
  return { built: true, ms };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  (ifStale ? buildIfStale() : build().then(({ ms }) => console.error(`Built in ${(ms / 1000).toFixed(1)} s.`))).catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
}
