import { createHash, randomInt } from 'node:crypto';

/** No 0/O, 1/I/L: codes are typed from paper. 8 characters from 31 = about 40 bits, shown as ABCD-EFGH. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newAccessCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What people type: any case, with or without the dash or spaces. */
export const normaliseCode = (input: string) => input.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const isWellFormedCode = (input: string) => new RegExp(`^[${ALPHABET}]{8}$`).test(normaliseCode(input));
/** Only this hash is stored in the code table. */
export const hashCode = (input: string) => createHash('sha256').update(`asskomm-survey-code:${normaliseCode(input)}`).digest('hex');
