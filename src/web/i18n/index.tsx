import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de, type MessageKey } from './de.js';
import { en } from './en.js';
import { commonDe } from './common.de.js';
import { commonEn } from './common.en.js';

export type Locale = 'de' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { de, en };
const common: Record<Locale, Record<CommonKey, string>> = { de: commonDe, en: commonEn };
const STORAGE_KEY = 'asskomm.locale';

/** Keys of the common catalog (shell, save, cancel, yes, …): every module's `t` knows them. */
export type CommonKey = keyof typeof commonDe;
/** A module's own catalog in both languages. */
export interface Messages<K extends string> { de: Record<K, string>; en: Record<K, string> }
export type Translate<K extends string> = (key: K | CommonKey, vars?: Record<string, string | number>) => string;

export const defineMessages = <K extends string>(de: Record<K, string>, en: Record<K, string>): Messages<K> => ({ de, en });

const fill = (text: string, vars?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, v: string) => String(vars?.[v] ?? `{${v}}`));

interface I18n { locale: Locale; t: (key: MessageKey, vars?: Record<string, string | number>) => string; setLocale: (l: Locale) => void }
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de'));
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
  const setLocale = useCallback((l: Locale) => { localStorage.setItem(STORAGE_KEY, l); setLocaleState(l); }, []);
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => fill(catalogs[locale][key], vars), [locale]);
  const value = useMemo(() => ({ locale, t, setLocale }), [locale, t, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** Translates with a module's own catalog (and the common one): a key of another module does not type-check. */
export function translate<K extends string>(messages: Messages<K>, locale: Locale, key: K | CommonKey, vars?: Record<string, string | number>): string {
  const own = (messages[locale] as Record<string, string>)[key];
  return fill(own ?? common[locale][key as CommonKey] ?? key, vars);
}

/** The hook a module's pages use: `const { t } = useMessages(messages)`, usually wrapped as the module's `useText()`. */
export function useMessages<K extends string>(messages: Messages<K>) {
  const { locale, setLocale } = useI18n();
  const t: Translate<K> = useCallback((key, vars) => translate(messages, locale, key, vars), [messages, locale]);
  return { t, locale, setLocale };
}
