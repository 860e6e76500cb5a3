/**
 * Survey entry page on a slow mobile connection (`npm run bench:survey-load`, after `npm run build:web`).
 * The platform app (built web, demo data, embedded database) on a loopback port; Debian's Chromium via
 * playwright-core with CDP network emulation (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency) and a cold
 * cache (a fresh browser context per run). Measures, per run, the time from navigation start until the
 * code field is visible, enabled and has taken a typed character, and the bytes received by then (encoded,
 * i.e. as sent). Five runs, median.
 * Baseline, same run: the same page from a second app on the same database with COMPRESSION=off.
 * Last line: {"entryInteractiveMs","bytes","baselineNoCompressionMs","baselineBytes","goalMs","mbit","latencyMs","uploadKbit","runs"}.
 */
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp } from '../test/helpers.js';
import { buildPlatformApp } from '../src/platform/app.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { webRoot } from '../src/server/app.js';
import type { App } from '../src/server/modules.js';

const RUNS = 5;
const GOAL_MS = 5000;
const NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

if (!existsSync(`${webRoot}/index.html`)) throw new Error('No built web app: run `npm run build:web` first.');

async function listen(app: App) {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** One cold load of /befragung: ms until the code field takes typing, and the bytes received until then. */
async function measure(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    const received = new Map<string, number>();
    const encodings = new Set<string>();
    cdp.on('Network.dataReceived', (e) => received.set(e.requestId, (received.get(e.requestId) ?? 0) + e.encodedDataLength));
    cdp.on('Network.loadingFinished', (e) => received.set(e.requestId, e.encodedDataLength));
    cdp.on('Network.responseReceived', (e) => { const enc = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding']; if (enc) encodings.add(enc); });
    const started = performance.now();
    await page.goto(`${baseUrl}/befragung`, { waitUntil: 'commit' });
    const field = page.getByLabel('Ihr Zugangscode');
    await field.waitFor({ state: 'visible', timeout: 120_000 });
    await field.pressSequentially('A', { timeout: 120_000 });
    while ((await field.inputValue()) !== 'A') await page.waitForTimeout(5);
    const ms = performance.now() - started;
    const bytes = [...received.values()].reduce((s, n) => s + n, 0);
    return { ms: Math.round(ms), bytes, encodings: [...encodings] };
  } finally {
    await context.close();
  }
}

const t = await createTestApp();
const uncompressed = await buildPlatformApp({ config: { ...t.config, compression: false }, database: t.database, mailer: createMailer(t.config.mail), logger: false });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  const url = await listen(t.app);
  const baselineUrl = await listen(uncompressed);
  console.log(`network: ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s down, ${NETWORK.uploadThroughput * 8 / 1000} kbit/s up, ${NETWORK.latency} ms latency; cold cache; ${RUNS} runs each`);
  await measure(browser, url); // warm up the server (first reads of the files), not counted
  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  const baseline: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(await measure(browser, url));
    baseline.push(await measure(browser, baselineUrl));
    console.log(`run ${i + 1}: ${runs[i]!.ms} ms, ${runs[i]!.bytes} bytes (${runs[i]!.encodings.join(', ') || 'identity'}) | COMPRESSION=off: ${baseline[i]!.ms} ms, ${baseline[i]!.bytes} bytes`);
  }
  const result = {
    entryInteractiveMs: median(runs.map((r) => r.ms)), bytes: median(runs.map((r) => r.bytes)),
    baselineNoCompressionMs: median(baseline.map((r) => r.ms)), baselineBytes: median(baseline.map((r) => r.bytes)),
    goalMs: GOAL_MS, mbit: NETWORK.downloadThroughput * 8 / 1e6, latencyMs: NETWORK.latency, uploadKbit: NETWORK.uploadThroughput * 8 / 1000, runs: RUNS,
  };
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await uncompressed.close();
  await t.close();
}
