import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { SeedContext } from '../../server/modules.js';
import { dataRoot } from '../../server/platform.js';
import { parseCsv } from '../../lib/csv.js';
import { associations, communePopulation, communes, districts, policeDirectorates } from './schema.js';

export const REGISTRY_REFERENCE_DATE = '2023-12-31';
const csv = (file: string) => parseCsv(readFileSync(join(dataRoot, 'registry', file), 'utf8'));
export const directorateId = (name: string) => name.toLowerCase().replace('ö', 'oe').replace('ü', 'ue').replace('ä', 'ae').replace(/[^a-z]/g, '');

interface Feature { properties: { ags: string }; geometry: unknown }
const geo = (file: string) => (JSON.parse(readFileSync(join(dataRoot, 'geo', file), 'utf8')) as { features: Feature[] }).features;

/** Loads directorates, Kreise, Gemeindeverbände and the 418 communes with boundaries, once. */
export async function loadRegistry(ctx: SeedContext) {
  const [existing] = await ctx.db.select({ n: count() }).from(communes);
  if ((existing?.n ?? 0) > 0) return;
  const pd = csv('sn_polizeidirektionen.csv');
  const districtGeo = new Map(geo('sn_kreise_2023.geojson').map((f) => [f.properties.ags, f.geometry]));
  const communeGeo = new Map(geo('sn_gemeinden_2023.geojson').map((f) => [f.properties.ags, f.geometry]));
  const rows = csv('sn_gemeinden_2023-12-31.csv');
  await ctx.db.transaction(async (tx) => {
    const names = [...new Set(pd.map((r) => r.polizeidirektion!))];
    await tx.insert(policeDirectorates).values(names.map((n) => ({ id: directorateId(n), name: `Polizeidirektion ${n}` })));
    const pdOf = new Map(pd.map((r) => [r.kreis_ags!, directorateId(r.polizeidirektion!)]));
    await tx.insert(districts).values(csv('sn_kreise_destatis_gv_2022-12-31.csv').map((k) => {
      const directorate = pdOf.get(k.kreis_ags!);
      if (!directorate) throw new Error(`Kreis ${k.kreis_ags} has no Polizeidirektion in sn_polizeidirektionen.csv`);
      return { ags: k.kreis_ags!, name: k.name!, type: k.typ!, policeDirectorateId: directorate, geometry: districtGeo.get(k.kreis_ags!) ?? null };
    }));
    await tx.insert(associations).values(csv('sn_gemeindeverbaende_2023-12-31.csv').map((v) => ({
      ars: v.gemeindeverband_ars!, name: v.name!, type: v.typ!, districtAgs: v.kreis_ags!,
    })));
    const values = rows.map((r) => ({
      ags: r.ags!, ars: r.ars!, name: r.name!, type: r.gemeinde_typ!, textCode: r.textkennzeichen!, districtAgs: r.kreis_ags!,
      associationArs: r.gemeindeverband_ars!, population: Number(r.bevoelkerung), populationMale: Number(r.bevoelkerung_m),
      populationFemale: Number(r.bevoelkerung_w), areaKm2: Number(r.flaeche_km2), postalCode: r.plz || null,
      lon: r.lon ? Number(r.lon) : null, lat: r.lat ? Number(r.lat) : null, referenceDate: REGISTRY_REFERENCE_DATE,
      geometry: communeGeo.get(r.ags!) ?? null,
    }));
    await tx.insert(communes).values(values);
    await tx.insert(communePopulation).values(values.map((v) => ({
      ags: v.ags, referenceDate: REGISTRY_REFERENCE_DATE, population: v.population, populationMale: v.populationMale, populationFemale: v.populationFemale,
    })));
  });
  ctx.log(`registry: ${rows.length} communes (Destatis GV ${REGISTRY_REFERENCE_DATE})`);
}
