import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App, PlatformModule } from './modules.js';
import { access } from './http/access.js';
import { ping } from './db/client.js';
import { ZDataSourceList, ZHealth, type TDataSource } from './platform.types.js';

export const dataRoot = resolve(import.meta.dirname, '../../data');

/** The attribution files shipped beside the reference data, for the "Datenquellen" page. */
function listDataSources(): TDataSource[] {
  const out: TDataSource[] = [];
  for (const dir of ['registry', 'geo', 'crime', 'passwords']) {
    for (const f of readdirSync(join(dataRoot, dir)).filter((n) => n.endsWith('.LICENSE.txt')).sort()) {
      const text = readFileSync(join(dataRoot, dir, f), 'utf8');
      const attribution = /Attribution[^:]*:\s*"?([^"\n]+)"?/i.exec(text)?.[1]?.trim()
        ?? /Required attribution[^:]*:\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
      out.push({ file: `${dir}/${f.replace(/\.LICENSE\.txt$/, '')}`, attribution, text });
    }
  }
  return out;
}

async function platformRoutes(app: App) {
  app.get('/health', {
    config: { access: access.public },
    schema: { tags: ['Betrieb'], summary: 'Betriebsbereitschaft', response: { 200: ZHealth } },
  }, async () => {
    await ping(app.database.db);
    return { status: 'ok' as const };
  });

  const sources = listDataSources();
  app.get('/datasources', {
    config: { access: access.public },
    schema: { tags: ['Betrieb'], summary: 'Datenquellen und Namensnennungen', response: { 200: ZDataSourceList } },
  }, async () => ({ items: sources }));
}

export const platformModule: PlatformModule = { name: 'platform', routes: platformRoutes };
