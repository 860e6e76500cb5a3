import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
const port = 3911; const url = `http://127.0.0.1:${port}`;
const dir = process.env.DIR ?? ('/tmp/qb-' + process.pid);
const env = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, DATA_DIR: dir, FILES_DIR: dir + '/f', MAIL_OUTBOX_DIR: dir + '/o', ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}) };
const args = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof', '--import', 'tsx', 'src/platform/main.ts'] : ['--import', 'tsx', 'src/platform/main.ts'];
const child = spawn(process.execPath, args, { cwd: '/work/main', env, stdio: ['ignore', 'inherit', 'inherit'] });
for (;;) { try { if ((await fetch(url + '/api/health')).ok) break; } catch {} await new Promise(r => setTimeout(r, 300)); }
for (const path of (process.env.PATHS ?? '/api/public/figures').split(',')) {
  await fetch(url + path);
  const r = await autocannon({ url: url + path, connections: Number(process.env.C ?? 200), duration: Number(process.env.S ?? 5), headers: { 'accept-encoding': 'br, gzip' } });
  console.log(path, 'rps', Math.round(r.requests.average), 'p50', r.latency.p50, 'p99', r.latency.p99, 'errors', r.errors + r.timeouts, 'non2xx', r.non2xx);
}
child.kill('SIGTERM'); await new Promise(r => child.once('exit', r));
const { rmSync } = await import('node:fs'); if (!process.env.DIR) rmSync(dir, { recursive: true, force: true });
