import { describe, expect, it, vi } from 'vitest';
import type { FastifyRequest } from 'fastify';
import { rateLimiter } from './rate-limit.js';

const from = (ip: string) => ({ ip }) as FastifyRequest;

describe('rate limiter', () => {
  it('lets max requests per window through per address and refuses the next with a retry time', async () => {
    vi.useFakeTimers({ now: 0 });
    const limit = rateLimiter({ max: 3, windowMs: 60_000, message: 'zu viele' });
    for (let i = 0; i < 3; i++) await limit(from('a'));
    await expect(limit(from('a'))).rejects.toMatchObject({ status: 429, extra: { retryAfterSeconds: 60 } });
    await limit(from('b'));
    // Halfway into the next window half of the old count still weighs.
    vi.setSystemTime(90_000);
    await limit(from('a'));
    await limit(from('a'));
    await expect(limit(from('a'))).rejects.toMatchObject({ status: 429 });
    vi.setSystemTime(240_000);
    for (let i = 0; i < 3; i++) await limit(from('a'));
    vi.useRealTimers();
  });
});
