import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App, PlatformModule } from './modules.js';
import { access } from './http/access.js';
import { ping } from './db/client.js';
import { checkReadiness } from './db/readiness.js';
import { Problem } from './http/problem.js';
import { ZDataSourceList, ZHealth, ZReady, type TDataSource } from './platform.types.js';

export const dataRoot = resolve(import.meta.dirname, '../../data');

const DL_DE_BY = 'Datenlizenz Deutschland – Namensnennung – Version 2.0';
/** What each shipped data set is, in words people use (the page shows these, not file paths). */
const DATA_SETS: Record<string, { title: string; publisher: string; licence: string }> = {
  'registry/sn_gemeinden_2023-12-31.csv': { title: 'Gemeinden in Sachsen mit Einwohnerzahlen (Stand 31.12.2023)', publisher: 'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys', licence: DL_DE_BY },
  'registry/sn_gemeindeverbaende_2023-12-31.csv': { title: 'Gemeindeverbände und Verwaltungsgemeinschaften in Sachsen', publisher: 'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys', licence: DL_DE_BY },
  'registry/sn_kreise_destatis_gv_2022-12-31.csv': { title: 'Landkreise und Kreisfreie Städte in Sachsen', publisher: 'Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys', licence: DL_DE_BY },
  'registry/sn_polizeidirektionen.csv': { title: 'Zuständigkeit der Polizeidirektionen', publisher: 'Sächsische Polizeiorganisationsverordnung (SächsPolOrgVO), § 1 Abs. 2', licence: 'Amtliches Werk (§ 5 UrhG)' },
  'geo/sn_gemeinden_2023.geojson': { title: 'Gemeindegrenzen in Sachsen (Karte)', publisher: 'Bundesamt für Kartographie und Geodäsie (BKG), VG5000', licence: DL_DE_BY },
  'geo/sn_kreise_2023.geojson': { title: 'Kreisgrenzen in Sachsen (Karte)', publisher: 'Bundesamt für Kartographie und Geodäsie (BKG), VG250', licence: DL_DE_BY },
  'crime/bka_pks2022_KR-F-01-T01-Kreise-Faelle-HZ_csv.csv': { title: 'Polizeiliche Kriminalstatistik 2022 nach Kreisen', publisher: 'Bundeskriminalamt (BKA), Tabelle 01', licence: 'Nutzung mit Quellenangabe (Bundeskriminalamt)' },
  'passwords/common-passwords-top-10000.txt': { title: 'Liste häufiger Passwörter (zum Schutz Ihres Kontos)', publisher: 'SecLists, Daniel Miessler', licence: 'MIT-Lizenz' },
};

/** The attribution files shipped beside the reference data, for the "Datenquellen" page. */
function listDataSources(): TDataSource[] {
  const out: TDataSource[] = [];
  for (const dir of ['registry', 'geo', 'crime', 'passwords']) {
    for (const f of readdirSync(join(dataRoot, dir)).filter((n) => n.endsWith('.LICENSE.txt')).sort()) {
      const text = readFileSync(join(dataRoot, dir, f), 'utf8');
      const attribution = /Attribution[^:]*:\s*"?([^"\n]+)"?/i.exec(text)?.[1]?.trim()
        ?? /Required attribution[^:]*:\s*"([^"]+)"/i.exec(text)?.[1] ?? '';
      const file = `${dir}/${f.replace(/\.LICENSE\.txt$/, '')}`;
      const known = DATA_SETS[file];
      out.push({ file, title: known?.title ?? attribution, publisher: known?.publisher ?? attribution, licence: known?.licence ?? '', attribution, text });
    }
  }
  return out;
}

async function platformRoutes(app: App) {
  // Liveness: the process answers (a load balancer or orchestrator restarts it when not).
  app.get('/health', {
    config: { access: access.public },
    schema: { tags: ['Betrieb'], summary: 'Lebenszeichen (Liveness)', response: { 200: ZHealth } },
  }, async () => {
    await ping(app.database.db);
    return { status: 'ok' as const };
  });

  // Readiness: the database answers and has every migration this code expects (send traffic only then).
  app.get('/health/ready', {
    config: { access: access.public },
    schema: {
      tags: ['Betrieb'], summary: 'Betriebsbereitschaft (Readiness): Datenbank und Migrationen',
      description: 'Antwortet 503 (application/problem+json), solange die Datenbank nicht antwortet oder Migrationen fehlen.',
      response: { 200: ZReady },
    },
  }, async () => {
    const { database, migrations } = await checkReadiness(app.database.db);
    if (database !== 'ok') throw new Problem(503, 'database_unavailable', 'Die Datenbank antwortet nicht.', { database });
    const { applied, expected, missing } = migrations;
    if (missing.length > 0) {
      throw new Problem(503, 'migrations_missing', `Der Datenbank fehlen ${missing.length} von ${expected} Migrationen: ${missing.join(', ')}.`, { database, migrations });
    }
    return { status: 'ready' as const, database, migrations: { applied, expected } };
  });

  const sources = listDataSources();
  app.get('/datasources', {
    config: { access: access.public },
    schema: { tags: ['Betrieb'], summary: 'Datenquellen und Namensnennungen', response: { 200: ZDataSourceList } },
  }, async () => ({ items: sources }));
}

export const platformModule: PlatformModule = { name: 'platform', routes: platformRoutes };
