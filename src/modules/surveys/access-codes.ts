import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are typed from paper. 8 characters from 31 = about 40 bits, shown as ABCD-EFGH. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  const code = `${s.slice(0, 4)}-${s.slice(4)}`;
  return isDemoCode(code) ? newAccessCode() : code;
}

/** What people type: any case, with or without the dash or spaces. */
export const normaliseCode = (input: string) => input.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const isWellFormedCode = (input: string) => new RegExp(`^[${ALPHABET}]{8}$`).test(normaliseCode(input));
/** Only this hash is stored in the code table. */
/**
 * Known codes of the running demo survey (2026 wave), for trying it locally (README). Never drawn for a real
 * sample, and refused by the public survey when NODE_ENV=production.
 */
export const DEMO_ACCESS_CODES = ['DEMA-2345', 'DEMB-2345', 'DEMC-2345', 'DEMD-2345', 'DEME-2345'] as const;
export const isDemoCode = (input: string) => DEMO_ACCESS_CODES.some((c) => normaliseCode(c) === normaliseCode(input));
export const hashCode = (input: string) => createHash('sha256').update(`asskomm-survey-code:${normaliseCode(input)}`).digest('hex');
