// The real server process (src/platform/main.ts) and a stop signal: it must finish what it is doing and go.
// It runs under Node with tsx's loader (not the compiled dist/): the suite runs without a build, and the
// shutdown code is the same; bench/start.ts measures the compiled server and `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on the port (we can take it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer().once('error', () => resolve(false)).listen(port, '0.0.0.0', () => s.close(() => resolve(true)));
  });
}

interface ServerProcess { child: ChildProcess; port: number; dataDir: string; output(): string; exit: Promise<number | null> }

async function startServer(): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'asskomm-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platform/main.ts'], {
    cwd: root,
    env: {
      ...process.env, NODE_ENV: 'development', DEMO_DATA: 'false', LOG_LEVEL: 'info', PORT: String(port), HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'db'), FILES_DIR: join(dataDir, 'files'), MAIL_OUTBOX_DIR: join(dataDir, 'outbox'), DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port, dataDir, output: () => output, exit };
}

async function until(what: string, check: () => Promise<boolean> | boolean, server: ServerProcess) {
  while (!(await check())) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}) before ${what}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ready = (port: number) => fetch(`http://127.0.0.1:${port}/api/health/ready`).then((r) => r.status === 200, () => false);

/** Everything the server sends on the socket until it closes it (it closes a keep-alive connection once stopping). */
const readAll = (socket: Socket) => new Promise<string>((resolve, reject) => {
  let text = '';
  socket.on('data', (d) => { text += d; });
  socket.once('error', reject);
  socket.once('close', () => resolve(text));
});

describe('server process', () => {
  let server: ServerProcess | undefined;
  afterAll(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('on SIGTERM finishes the request in flight, then exits 0 and frees the port and the data directory', async () => {
    server = await startServer();
    const s = server;
    await until('it was ready', () => ready(s.port), s);
    const lockFile = join(s.dataDir, 'db', 'asskomm.lock');
    expect(existsSync(lockFile)).toBe(true);

    // A request whose body is still arriving: its headers are in, the handler waits for the rest.
    const body = JSON.stringify({ email: 'niemand@example.org', password: 'kein-passwort-1234' });
    const socket = connect(s.port, '127.0.0.1');
    const answer = readAll(socket);
    socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    socket.write(body.slice(0, 10));
    await until('the request arrived', () => /"url":"\/api\/auth\/login"/.test(s.output()), s);

    s.child.kill('SIGTERM');
    await until('it began to shut down', () => s.output().includes('shutting down'), s);
    // While draining it accepts no new connections, but the one in flight is still served.
    expect(await portIsFree(s.port) || !(await ready(s.port))).toBe(true);
    socket.write(body.slice(10)); // no half-close: a client that ends its side gets no answer (Node's default)
    const response = await answer;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain('application/problem+json');

    expect(await s.exit).toBe(0);
    expect(s.output()).toMatch(/"msg":"stopped"/);
    expect(await portIsFree(s.port)).toBe(true);
    expect(existsSync(lockFile)).toBe(false);
  }, 180_000);
});
