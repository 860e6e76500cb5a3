const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why PostgreSQL could not store this string, in German, or null when it can: text and jsonb refuse NUL,
 * jsonb refuses a lone UTF-16 surrogate (text would silently store U+FFFD instead).
 */
export function unstorableText(s: string): string | null {
  if (s.includes('\u0000')) return 'Der Text enthält ein Nullzeichen (U+0000); das ist nicht zulässig.';
  if (LONE_SURROGATE.test(s)) return 'Der Text enthält ein ungültiges Unicode-Zeichen (ein einzelnes Ersatzzeichen).';
  return null;
}

/** True if PostgreSQL can store the string as it is (in text and in jsonb). */
export const isStorableText = (s: string) => unstorableText(s) === null;
