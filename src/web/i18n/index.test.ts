import { describe, expect, it } from 'vitest';
import { defineMessages, render, translate } from './index.js';
import { webModules } from '../app/modules.js';
import type { Plural } from './text.js';

const gemeinden: Plural = { one: '{count} Gemeinde', other: '{count} Gemeinden' };

describe('catalog texts', () => {
  it('chooses German and English plural forms by the CLDR rules and writes the number in the language’s style', () => {
    expect(render(gemeinden, 'de', { count: 1 })).toBe('1 Gemeinde');
    expect(render(gemeinden, 'de', { count: 0 })).toBe('0 Gemeinden');
    expect(render(gemeinden, 'de', { count: 2 })).toBe('2 Gemeinden');
    expect(render(gemeinden, 'de', { count: 1500 })).toBe('1.500 Gemeinden');
    expect(render({ one: '{n} commune', other: '{n} communes' }, 'en', { n: 1500 })).toBe('1,500 communes');
    expect(render({ one: '{n} commune', other: '{n} communes' }, 'en', { n: 1 })).toBe('1 commune');
  });

  it('fills variables and leaves unknown ones visible', () => {
    expect(render('Fassung {n} vom {date}', 'de', { n: 2, date: '01.11.2021' })).toBe('Fassung 2 vom 01.11.2021');
    expect(render('Gemeinden am {date}', 'de')).toBe('Gemeinden am {date}');
  });

  it('a module’s catalog falls back to the common words', () => {
    const own = defineMessages<'x.title'>({ 'x.title': 'Titel' }, { 'x.title': 'Title' });
    expect(translate(own, 'de', 'x.title')).toBe('Titel');
    expect(translate(own, 'en', 'common.cancel')).toBe('Cancel');
  });

  it('every module counts with plural forms in both languages, never with “(n)”', () => {
    for (const m of webModules) {
      for (const messages of [m.messages, ...(m.dashboard ? [m.dashboard] : [])]) {
        for (const [lang, catalog] of Object.entries(messages) as [string, Record<string, Plural | string>][]) {
          for (const [key, text] of Object.entries(catalog)) {
            const forms = typeof text === 'string' ? [text] : [text.one, text.other];
            for (const f of forms) expect(f, `${m.name} ${lang} ${key}`).not.toMatch(/\w\((n|en|e|s)\)/);
            if (typeof text !== 'string') expect(typeof (messages[lang === 'de' ? 'en' : 'de'] as Record<string, unknown>)[key], `${m.name} ${key}: plural in both languages`).toBe('object');
          }
        }
      }
    }
  });
});
