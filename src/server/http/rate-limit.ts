import type { FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

/**
 * A sliding-window limit per client address (two fixed windows, weighted), held in memory only: addresses
 * are never written anywhere (respondents stay anonymous). O(1) per request. Behind a load balancer each
 * instance enforces the limit on what it sees.
 */
export function rateLimiter(options: { max: number; windowMs: number; message: string }) {
  let windowStart = Date.now();
  let current = new Map<string, number>();
  let previous = new Map<string, number>();
  return async (request: FastifyRequest) => {
    const now = Date.now();
    while (now - windowStart >= options.windowMs) {
      previous = now - windowStart >= 2 * options.windowMs ? new Map() : current;
      current = new Map();
      windowStart += options.windowMs * Math.max(1, Math.floor((now - windowStart) / options.windowMs));
    }
    const elapsed = (now - windowStart) / options.windowMs;
    const count = (previous.get(request.ip) ?? 0) * (1 - elapsed) + (current.get(request.ip) ?? 0);
    if (count >= options.max) {
      throw new Problem(429, 'rate_limited', options.message, { retryAfterSeconds: Math.max(1, Math.ceil((1 - elapsed) * options.windowMs / 1000)) });
    }
    current.set(request.ip, (current.get(request.ip) ?? 0) + 1);
  };
}
