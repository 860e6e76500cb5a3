import { randomBytes, createHash } from 'node:crypto';
import { hash, verify, type Options } from '@node-rs/argon2';

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url');
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// OWASP-recommended argon2id parameters (19 MiB, 2 iterations, 1 lane).
const ARGON2: Options = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (password: string) => hash(password, ARGON2);
export const verifyPassword = async (stored: string | null, password: string) => {
  if (!stored) return false;
  try { return await verify(stored, password); } catch { return false; }
};

/** Burns comparable time when the account does not exist, so response time does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export const verifyAgainstDummy = async (password: string) => {
  dummyHash ??= hashPassword(randomToken());
  await verifyPassword(await dummyHash, password);
  return false;
};
