/**
 * OParl 1.1 conformance check of any OParl server: crawls it from its System object and prints every problem
 * (URL, JSON pointer, message), then a summary as JSON on the last line. Exit code 1 when there are problems.
 *
 *   npm run oparl:check -- https://example.org/oparl/v1.1 [--max-requests=20000] [--no-filters]
 */
import { checkOparl } from '../src/modules/councils/oparl/conformance.js';

const args = process.argv.slice(2);
const url = args.find((a) => !a.startsWith('--'));
if (!url || args.includes('--help')) {
  console.error('Aufruf: npm run oparl:check -- <URL des OParl-System-Objekts> [--max-requests=N] [--no-filters]');
  process.exit(2);
}
const maxArg = args.find((a) => a.startsWith('--max-requests='));
const started = Date.now();
const result = await checkOparl(url, { filters: !args.includes('--no-filters'), ...(maxArg ? { maxRequests: Number(maxArg.split('=')[1]) } : {}) });
for (const p of result.problems) console.log(`${p.url}${p.pointer ? ` ${p.pointer}` : ''}: ${p.message}`);
console.log(JSON.stringify({ url, ok: result.problems.length === 0, problems: result.problems.length, seconds: Math.round((Date.now() - started) / 100) / 10, ...result.stats }));
process.exit(result.problems.length ? 1 : 0);
