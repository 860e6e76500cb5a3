import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** The 10,000 most common passwords (SecLists, MIT; see data/passwords/*.LICENSE.txt), shipped with the app. */
const LIST_FILE = resolve(import.meta.dirname, '../../../data/passwords/common-passwords-top-10000.txt');
/** Words too obvious for this platform that an English list does not have. */
const LOCAL_WORDS = ['passwort', 'kennwort', 'geheim', 'willkommen', 'hallo', 'sachsen', 'asskomm', 'praevention', 'prävention', 'sicherheit'];

let common: Set<string> | undefined;
const commonPasswords = () => common ??= new Set([
  ...readFileSync(LIST_FILE, 'utf8').split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean),
  ...LOCAL_WORDS,
]);

/** True for one unit repeated ("aaaaaaaaaaaa", "abcabcabcabc"), very few distinct characters, or a plain run ("abcdefghij", "9876543210"). */
function isRepetitive(password: string) {
  const chars = [...password];
  if (/^(.+?)\1+$/su.test(password)) return true;
  if (new Set(chars).size <= 3) return true;
  const codes = chars.map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/**
 * Why a new password is refused (German, for the field `password`), or null when it is acceptable. Compared in
 * lower case, also with trailing digits and symbols removed ("Passwort2026!" is "passwort").
 */
export function passwordWeakness(password: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`;
  if (isRepetitive(password)) return 'Das Passwort besteht nur aus wiederholten Zeichen oder einer einfachen Zeichenfolge. Bitte wählen Sie ein anderes Passwort.';
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
  const list = commonPasswords();
  if (list.has(lower) || (stem.length > 0 && list.has(stem))) {
    return 'Das Passwort gehört zu den häufigsten Passwörtern und ist leicht zu erraten. Bitte wählen Sie ein anderes Passwort.';
  }
  return null;
}
