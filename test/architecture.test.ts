import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformModules } from '../src/platform/modules.js';
import { webModules } from '../src/web/app/modules.js';

/** The shape issue 11 gave the code base, kept by the suite: who may import whom, and where rules live. */

const root = resolve(import.meta.dirname, '..');
const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
});
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => resolve(join(file, '..'), m[1]!));
const under = (path: string, dir: string) => path.startsWith(resolve(root, dir) + '/');
const rel = (p: string) => relative(root, p);

describe('architecture', () => {
  it('the kernel (src/server) imports no module and not the composition root', () => {
    const offending = files(resolve(root, 'src/server')).flatMap((f) => importsOf(f)
      .filter((i) => under(i, 'src/modules') || under(i, 'src/platform')).map((i) => `${rel(f)} → ${rel(i)}`));
    expect(offending).toEqual([]);
  });

  it('modules do not import the composition root', () => {
    const offending = files(resolve(root, 'src/modules')).filter((f) => !f.includes('/tests/'))
      .flatMap((f) => importsOf(f).filter((i) => under(i, 'src/platform')).map((i) => `${rel(f)} → ${rel(i)}`));
    expect(offending).toEqual([]);
  });

  it('the web never copies the role list and never decides by role', () => {
    const role = `'(?:lpr_admin|lpr_staff|commune|police|coach|council_member|analyst)'`;
    const patterns = [
      /\bhasRole\s*\(/,
      new RegExp(`\\[[^\\]]*${role}\\s*,\\s*${role}`), // a list of roles
      new RegExp(`\\.role\\s*[!=]==\\s*${role}|${role}\\s*[!=]==\\s*\\w+\\.role`), // a decision by role
      new RegExp(`\\.includes\\(\\s*${role}\\s*\\)`),
    ];
    const offending = files(resolve(root, 'src/web')).flatMap((f) => readFileSync(f, 'utf8').split('\n')
      .filter((line) => patterns.some((p) => p.test(line))).map((line) => `${rel(f)}: ${line.trim().slice(0, 120)}`));
    expect(offending).toEqual([]);
  });

  it('a web module reaches another module only through the shell, never into its pages', () => {
    const offending = files(resolve(root, 'src/web/modules')).flatMap((f) => {
      const own = rel(f).split('/')[3];
      return importsOf(f).filter((i) => under(i, 'src/web/modules') && rel(i).split('/')[3] !== own).map((i) => `${rel(f)} → ${rel(i)}`);
    });
    expect(offending).toEqual([]);
  });

  it('every module declares its policies, and every web module its catalog in both languages', () => {
    for (const m of platformModules.filter((x) => !['platform', 'audit'].includes(x.name))) {
      expect(m.policies?.length, `${m.name} registers no policies`).toBeGreaterThan(0);
    }
    for (const m of webModules) expect(Object.keys(m.messages.en).sort(), m.name).toEqual(Object.keys(m.messages.de).sort());
    for (const m of webModules) if (m.dashboard) expect(Object.keys(m.dashboard.en).sort(), `${m.name} dashboard`).toEqual(Object.keys(m.dashboard.de).sort());
  });

  it('every policy ability is unique across the platform', () => {
    const names = platformModules.flatMap((m) => m.policies ?? []).flatMap((p) => p.abilities.map((a) => `${p.name}.${a}`));
    expect(new Set(names).size).toBe(names.length);
  });
});
