import { describe, expect, it } from 'vitest';
import type { PlatformModule } from '../modules.js';
import { onlyOne } from './contributions.js';

const module = (name: string, over: Partial<PlatformModule> = {}): PlatformModule => ({ name, routes: () => {}, ...over });
const text = () => ({ title: 'T', text: '' });

describe('contributions one module makes', () => {
  it('finds the one module that words the press text, or none', () => {
    expect(onlyOne([module('a'), module('b', { pressText: text })], 'pressText')).toBe(text);
    expect(onlyOne([module('a')], 'communeStage')).toBeUndefined();
  });

  it('refuses to start when two modules supply the same one', () => {
    expect(() => onlyOne([module('a', { pressText: text }), module('b', { pressText: text })], 'pressText')).toThrow(/a, b/);
  });
});
