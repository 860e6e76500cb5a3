import type { FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (url: string) => {
  try { return new URL(url).origin; } catch { return null; }
};

/**
 * Refuses writes (every method but GET, HEAD, OPTIONS) that a browser sends from another site, in addition
 * to the CSRF token (which anonymous routes such as the login and the survey do not have).
 * - `Sec-Fetch-Site` decides when the browser sends it: `same-origin` and `none` (typed in, bookmark) pass.
 * - Otherwise `Origin` must be the platform's origin (PUBLIC_URL) or, with no proxy in front
 *   (`ownHostCounts`), the origin the request itself was addressed to: a browser always sets Host to where it
 *   sends, so a foreign page cannot make it match, and the server stays usable under every name it has
 *   (localhost, its IP). Behind a proxy only PUBLIC_URL counts.
 * - A request with neither header (curl, the CLI, server-to-server) is no browser's cross-site request: it passes.
 */
export function checkSameOrigin(request: FastifyRequest, publicUrl: string, ownHostCounts: boolean) {
  if (SAFE_METHODS.has(request.method)) return;
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw crossOrigin(publicUrl);
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const given = originOf(origin);
  if (given && given === originOf(publicUrl)) return;
  if (given && ownHostCounts && given === originOf(`${request.protocol}://${request.host}`)) return;
  throw crossOrigin(publicUrl);
}

const crossOrigin = (publicUrl: string) => new Problem(403, 'cross_origin_refused',
  `Die Anfrage kam von einer anderen Website und wurde deshalb abgelehnt. Bitte öffnen Sie die Plattform direkt unter ${publicUrl}.`);
