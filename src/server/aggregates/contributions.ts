import type { PlatformModule } from '../modules.js';

type Single = 'pressText' | 'communeStage';

/** A contribution that at most one module may make (the press text, the stage heading the Bilanz). */
export function onlyOne<K extends Single>(modules: readonly PlatformModule[], key: K): NonNullable<PlatformModule[K]> | undefined {
  const found = modules.filter((m) => m[key]);
  if (found.length > 1) throw new Error(`More than one module supplies ${key} (${found.map((m) => m.name).join(', ')}).`);
  return found[0]?.[key] ?? undefined;
}
