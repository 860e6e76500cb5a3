import { asc, eq } from 'drizzle-orm';
import { figureContext } from '../../../server/figures.js';
import type { ExportDefinition } from '../../../server/aggregates/exports.js';
import { formatDateDe } from '../../../lib/dates.js';
import { communes, districts, policeDirectorates } from '../../communes/schema.js';
import { allianceCommunePolicy } from '../policy.js';
import { allianceFacts, stageOn } from './facts.js';
import { mapFlags, STAGE_LABELS } from './stages.js';

const yes = (b: boolean) => (b ? 'ja' : 'nein');

/** The commune list with stages and layers on a day: one row per active commune (for the LPR). */
export const communeStagesExport: ExportDefinition = {
  key: 'alliance.communeStages',
  label: { de: 'Gemeindeliste mit Beteiligungsstufen', en: 'Communes with participation stages' },
  access: allianceCommunePolicy.door('manage'),
  fileName: (asOf) => `ASSKomm-Kommunen-${asOf}`,
  sheetName: (asOf) => `Stand ${formatDateDe(asOf)}`,
  widths: { Gemeinde: 32, Kreis: 30 },
  async rows(db, asOf) {
    const facts = await allianceFacts(figureContext(db));
    const rows = await db.select({ ags: communes.ags, name: communes.name, population: communes.population, district: districts.name, directorate: policeDirectorates.name })
      .from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs)).innerJoin(policeDirectorates, eq(policeDirectorates.id, districts.policeDirectorateId))
      .where(eq(communes.status, 'active')).orderBy(asc(communes.name));
    return rows.map((r) => {
      const f = facts.byAgs.get(r.ags)!;
      const history = facts.histories.get(r.ags) ?? [];
      const stage = stageOn(history, asOf);
      const since = [...history].reverse().find((h) => h.date <= asOf)?.date ?? null;
      const flags = mapFlags(f, asOf, stage);
      const lastConsultation = [...f.consultations].filter((d) => d <= asOf).sort().at(-1) ?? null;
      return {
        AGS: r.ags, Gemeinde: r.name, Kreis: r.district, Polizeidirektion: r.directorate, Einwohner: r.population,
        Stufe: stage ? STAGE_LABELS[stage] : '', 'Stufe seit': since ? formatDateDe(since) : '',
        Modellkommune: yes(flags.modelCommune), Vereinbarung: yes(flags.agreement), Coaching: yes(flags.coaching),
        Sicherheitsanalyse: yes(flags.safetyAnalysis), KPR: yes(flags.council), 'Letzte Beratung': lastConsultation ? formatDateDe(lastConsultation) : '',
      };
    });
  },
};
