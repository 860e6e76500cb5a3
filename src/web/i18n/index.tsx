import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { de, type MessageKey } from './de.js';
import { en } from './en.js';

export type Locale = 'de' | 'en';
const catalogs: Record<Locale, Record<MessageKey, string>> = { de, en };
const STORAGE_KEY = 'asskomm.locale';

interface I18n { locale: Locale; t: (key: MessageKey, vars?: Record<string, string | number>) => string; setLocale: (l: Locale) => void }
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de'));
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
  const setLocale = useCallback((l: Locale) => { localStorage.setItem(STORAGE_KEY, l); setLocaleState(l); }, []);
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) =>
    catalogs[locale][key].replace(/\{(\w+)\}/g, (_, v: string) => String(vars?.[v] ?? `{${v}}`)), [locale]);
  const value = useMemo(() => ({ locale, t, setLocale }), [locale, t, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
