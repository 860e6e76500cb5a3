#!/usr/bin/env node
// `npm start`: builds when a source changed since the last build (scripts/build.mjs), then runs the compiled
// server (dist/platform/main.js) as a child process and passes stop signals on to it; exits with its exit code.
// package.json runs this with `exec`: npm sends its signals to the `sh -c` it started, and Debian's sh (dash)
// does not exec a single command itself, so without it the shell would die and leave the server running.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, root } from './build.mjs';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let server = null;
let stopSignal = null;
const building = new AbortController();

function onSignal(signal) {
  stopSignal ??= signal;
  if (!server) { building.abort(); return; }
  // The server tells a repeated Ctrl-C (terminal and npm both pass it on) from a later "stop now" itself.
  server.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal);
}
for (const signal of STOP_SIGNALS) process.on(signal, () => onSignal(signal));

// Started without `exec` (or npm was killed): when the parent is gone, stop instead of running on as an orphan.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent && !stopSignal) onSignal('SIGTERM'); }, 1000).unref();

try {
  await buildIfStale({ signal: building.signal });
} catch (e) {
  if (stopSignal) process.exit(128 + constants.signals[stopSignal]);
  console.error(e.message);
  process.exit(1);
}
if (stopSignal) process.exit(128 + constants.signals[stopSignal]);

server = spawn(process.execPath, [join(root, 'dist/platform/main.js')], { stdio: 'inherit' });
server.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
