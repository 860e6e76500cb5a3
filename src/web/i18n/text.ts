/** A text whose words depend on a number, by CLDR plural category (German and English use `one` and `other`). */
export interface Plural { one: string; other: string; zero?: string; two?: string; few?: string; many?: string }
/** A catalog entry: a text with `{variables}`, or its plural forms. */
export type Text = string | Plural;
