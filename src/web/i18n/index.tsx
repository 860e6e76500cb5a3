import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { commonDe } from './common.de.js';
import { commonEn } from './common.en.js';
import type { Plural, Text } from './text.js';

export type { Plural, Text } from './text.js';
export type Locale = 'de' | 'en';
const STORAGE_KEY = 'asskomm.locale';

/** Keys of the common catalog (shell, save, cancel, yes, …): every module's `t` knows them. */
export type CommonKey = keyof typeof commonDe;
const common: Record<Locale, Record<CommonKey, Text>> = { de: commonDe, en: commonEn };
/** A module's own catalog in both languages. */
export interface Messages<K extends string> { de: Record<K, Text>; en: Record<K, Text> }
export type Translate<K extends string> = (key: K | CommonKey, vars?: Record<string, string | number>) => string;

export const defineMessages = <K extends string>(de: Record<K, Text>, en: Record<K, Text>): Messages<K> => ({ de, en });

const pluralRules = { de: new Intl.PluralRules('de-DE'), en: new Intl.PluralRules('en-GB') };

/**
 * A catalog text with its variables filled in. A plural text (`{ one, other }`) is chosen by the CLDR plural
 * category of its `count` variable (or `n`) in the page's language: "1 Gemeinde", "2 Gemeinden".
 */
export function render(text: Text, locale: Locale, vars?: Record<string, string | number>): string {
  let chosen: string;
  let values = vars;
  if (typeof text === 'string') chosen = text;
  else {
    const name = vars && 'count' in vars ? 'count' : 'n';
    const count = vars?.[name];
    chosen = typeof count === 'number' ? text[pluralRules[locale].select(count) as keyof Plural] ?? text.other : text.other;
    // The counted number is written in the language's style ("1.500 Gemeinden", "1,500 communes").
    if (typeof count === 'number') values = { ...vars, [name]: count.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE') };
  }
  return chosen.replace(/\{(\w+)\}/g, (_, v: string) => String(values?.[v] ?? `{${v}}`));
}

interface I18n { locale: Locale; setLocale: (l: Locale) => void }
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de'));
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
  const setLocale = useCallback((l: Locale) => { localStorage.setItem(STORAGE_KEY, l); setLocaleState(l); }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The page's language; texts come from a module's catalog through `useMessages`. */
export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Translates with a module's own catalog (and the common one): a key of another module does not type-check. */
export function translate<K extends string>(messages: Messages<K>, locale: Locale, key: K | CommonKey, vars?: Record<string, string | number>): string {
  const own = (messages[locale] as Record<string, Text | undefined>)[key];
  return render(own ?? common[locale][key as CommonKey] ?? key, locale, vars);
}

/** The hook a module's pages use: `const { t } = useMessages(messages)`, usually wrapped as the module's `useText()`. */
export function useMessages<K extends string>(messages: Messages<K>) {
  const { locale, setLocale } = useI18n();
  const t: Translate<K> = useCallback((key, vars) => translate(messages, locale, key, vars), [messages, locale]);
  return { t, locale, setLocale };
}
