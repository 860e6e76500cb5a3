/** NUL and unpaired UTF-16 surrogates: characters PostgreSQL's text and jsonb cannot store. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True if PostgreSQL can store the string as it is (in text and in jsonb). */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);
