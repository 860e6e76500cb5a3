import type { FastifyRequest } from 'fastify';
import { Problem } from './problem.js';

/**
 * A sliding-window limit per client address, held in memory only: addresses are never written anywhere
 * (respondents stay anonymous). Behind a load balancer each instance enforces the limit on what it sees.
 */
export function rateLimiter(options: { max: number; windowMs: number; message: string }) {
  const hits = new Map<string, number[]>();
  let lastSweep = Date.now();
  return async (request: FastifyRequest) => {
    const now = Date.now();
    if (now - lastSweep > options.windowMs) {
      for (const [k, times] of hits) if (!times.length || times.at(-1)! <= now - options.windowMs) hits.delete(k);
      lastSweep = now;
    }
    const recent = (hits.get(request.ip) ?? []).filter((t) => t > now - options.windowMs);
    if (recent.length >= options.max) {
      const retry = Math.ceil((recent[0]! + options.windowMs - now) / 1000);
      throw new Problem(429, 'rate_limited', options.message, { retryAfterSeconds: retry });
    }
    recent.push(now);
    hits.set(request.ip, recent);
  };
}
