import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { councilBodies } from './schema.js';
import { insertCouncilRecord } from './insert-council-record.js';
import { insertPersons, type PersonSpec } from './seed-demo-records.js';
import { recordCouncilsAudit } from './audit.js';
import type { TBodyKind } from './councils.types.js';

export const CHEMNITZ = '14511000';
export const DIPPOLDISWALDE = '14628060';

/**
 * Chemnitz's council as Informationsvorlage I-051/2020 (seed 004) describes it: set up by city council
 * resolution B-41/1998 of 04.02.1998 as Kriminalpräventiver Rat, renamed Kommunalpräventiver Rat on the SMI's
 * recommendation (the day is not in the source: recorded as the Vorlage's committee day, 09.12.2020, by which
 * the new name was in use), attached to Dezernat 3, chaired by the Bürgermeister für Recht, Sicherheit und
 * Umweltschutz, its members by office. The source counts eight working groups, committees and accompanying
 * bodies; it names the Steuerungsgruppe Prävention (PiT Chemnitz), the Koordinierungsstelle LAP and the
 * Begleitausschuss. The other five (the organisation chart is not in the text) are assumed along the
 * Themenbereiche of its Geschäftsordnung and the exhibition on domestic violence it mentions. No personal names.
 */
export async function seedChemnitz(db: Db, sys: AuditContext) {
  return db.transaction(async (tx) => {
    const { council, plenum } = await insertCouncilRecord(tx, {
      code: 'kpr-chemnitz', ags: CHEMNITZ, name: 'Kommunaler Präventionsrat Chemnitz', shortName: 'KPR Chemnitz',
      previousNames: [{ name: 'Kriminalpräventiver Rat der Stadt Chemnitz', until: '2020-12-09' }],
      foundingResolutionOn: '1998-02-04', foundingResolutionNumber: 'B-41/1998',
      themes: [
        { key: 'aggression-und-gewalt', label: 'Aggression und Gewalt', fieldOfAction: 'violence' },
        { key: 'sucht', label: 'Sucht', fieldOfAction: 'drugs' },
        { key: 'schutz-vor-alltagskriminalitaet', label: 'Schutz vor Alltagskriminalität' },
        { key: 'demokratiefeindlichkeit', label: 'Demokratiefeindlichkeit', fieldOfAction: 'extremism' },
        { key: 'konfliktmanagement-im-oeffentlichen-raum', label: 'Konfliktmanagement im öffentlichen Raum', fieldOfAction: 'public_space' },
      ],
      office: { place: 'Dezernat 3 (Recht, Sicherheit und Umweltschutz), Geschäftsstelle Kommunalprävention', contactName: 'Geschäftsstelle Kommunalprävention' },
      website: 'https://www.stadt-chemnitz.de',
      description: 'Der Kommunalpräventive Rat (KPR) der Stadt Chemnitz wurde auf der Grundlage des Stadtratsbeschlusses Nr. B-41/1998 vom 04.02.1998 eingerichtet und ist dem Dezernat 3 zugeordnet. '
        + 'Im Rahmen des KPR kooperieren örtliche Polizeibehörden, Stadtordnungsdienst und Ordnungsamt; in regelmäßigen Arbeitstreffen wird sich zur Sicherheitslage ausgetauscht und es werden Maßnahmen vereinbart, '
        + 'etwa gemeinsame Streifengänge von Polizei und Stadtordnungsdienst und gemeinsame Ortsbegehungen. Der Präventionsrat zieht themenbezogen Behörden und andere Institutionen beratend hinzu. '
        + 'Das Problemfeld »Konfliktmanagement im öffentlichen Raum« kam auf Grund des Beschlussantrages BA-002/2019 hinzu.',
      history: [
        { state: 'konstituiert', effectiveOn: '1998-02-04', note: 'Eingerichtet als Kriminalpräventiver Rat auf Grundlage des Stadtratsbeschlusses Nr. B-41/1998.' },
        { state: 'aktiv', effectiveOn: '1998-02-04', note: 'Arbeitet seitdem fortlaufend; auf Empfehlung des SMI in Kommunalpräventiver Rat umbenannt.' },
      ],
    });
    const groups: { key: string; kind: Exclude<TBodyKind, 'plenum'>; name: string; shortName?: string; theme?: string; description: string }[] = [
      { key: 'pit', kind: 'lenkungsgruppe', name: 'Steuerungsgruppe Prävention »PiT Chemnitz«', shortName: 'PiT Chemnitz',
        description: 'Begleitet unter Leitung der Geschäftsstelle KPR fachlich die kommunale Prävention in Chemnitz; zertifiziert Präventionsangebote, vergibt das Qualitätssiegel und betreut die Präventionsdatenbank (www.praevention-chemnitz.de). Vernetzt mit dem Landespräventionsrat Sachsen und ASSKomm.' },
      { key: 'lap', kind: 'begleitgremium', name: 'Koordinierungsstelle LAP', description: 'Dem KPR angegliedert: Koordinierung des Lokalen Aktionsplans.' },
      { key: 'ba', kind: 'begleitgremium', name: 'Begleitausschuss', description: 'Dem KPR angegliedert: Begleitausschuss des Lokalen Aktionsplans.' },
      { key: 'gewalt', kind: 'arbeitsgruppe', name: 'Arbeitsgruppe Aggression und Gewalt', theme: 'aggression-und-gewalt', description: 'Themenbereich I (Annahme: Zuschnitt nach der Geschäftsordnung).' },
      { key: 'sucht', kind: 'arbeitsgruppe', name: 'Arbeitsgruppe Suchtprävention', theme: 'sucht', description: 'Themenbereich II (Annahme: Zuschnitt nach der Geschäftsordnung).' },
      { key: 'alltag', kind: 'arbeitsgruppe', name: 'Arbeitsgruppe Schutz vor Alltagskriminalität', theme: 'schutz-vor-alltagskriminalitaet', description: 'Themenbereich III: Präventionsmöglichkeiten, technische Beratung (Annahme).' },
      { key: 'konflikt', kind: 'arbeitsgruppe', name: 'Arbeitsgruppe Konfliktmanagement im öffentlichen Raum', theme: 'konfliktmanagement-im-oeffentlichen-raum', description: 'Seit BA-002/2019; Fortbildungen und Workshops zum Konfliktmanagement im öffentlichen Raum mit Unterstützung von ASSKomm (Annahme).' },
      { key: 'haeuslich', kind: 'fachkreis', name: 'Fachkreis Häusliche Gewalt', theme: 'aggression-und-gewalt', description: 'Präventionsarbeit gegen häusliche Gewalt, u. a. die Ausstellung »Echt fair« (Annahme).' },
    ];
    const rows = await tx.insert(councilBodies).values(groups.map((g, i) => ({
      councilId: council.id, kind: g.kind, name: g.name, shortName: g.shortName ?? '', theme: g.theme ?? null, description: g.description, sortOrder: (i + 1) * 10,
    }))).returning({ id: councilBodies.id });
    const bodies = new Map<string, string>([['plenum', plenum.id], ...groups.map((g, i) => [g.key, rows[i]!.id] as [string, string])]);
    const since = '1998-02-04';
    const office = (key: string, position: string, organisation: string, organisationType: PersonSpec['organisationType'], memberOf: PersonSpec['memberOf']): PersonSpec =>
      ({ key, familyName: 'N. N.', position, organisation, organisationType, publicConsent: true, memberOf });
    await insertPersons(tx, council.id, bodies, [
      office('d3', 'Bürgermeister für Recht, Sicherheit und Umweltschutz', 'Stadt Chemnitz, Dezernat 3', 'stadtverwaltung', [{ body: 'plenum', role: 'vorsitz', startedOn: since }]),
      office('gs', 'Leitung der Geschäftsstelle Kommunalprävention', 'Stadt Chemnitz, Dezernat 3', 'stadtverwaltung', [{ body: 'plenum', role: 'stellv_vorsitz', startedOn: since }, { body: 'pit', role: 'vorsitz', startedOn: since }, { body: 'lap', startedOn: since }, { body: 'ba', startedOn: since }]),
      office('pd', 'Leiter der Polizeidirektion Chemnitz', 'Polizeidirektion Chemnitz', 'polizei', [{ body: 'plenum', startedOn: since }]),
      office('d5', 'Bürgermeister für Bildung, Jugend, Soziales, Kultur und Sport', 'Stadt Chemnitz', 'stadtverwaltung', [{ body: 'plenum', startedOn: since }]),
      office('d6', 'Bürgermeister für Stadtentwicklung und Bau', 'Stadt Chemnitz', 'stadtverwaltung', [{ body: 'plenum', startedOn: since }]),
      office('sta', 'Leiter der Staatsanwaltschaft Chemnitz', 'Staatsanwaltschaft Chemnitz', 'staatsanwaltschaft', [{ body: 'plenum', startedOn: since }]),
      office('ord', 'Leitung des Ordnungsamtes (Stadtordnungsdienst)', 'Stadt Chemnitz, Ordnungsamt', 'stadtverwaltung', [{ body: 'plenum', role: 'beratend', votingRight: false, startedOn: since }, { body: 'konflikt', startedOn: since }]),
      office('lasub', 'Vertretung des Landesamtes für Schule und Bildung, Regionalstelle Chemnitz', 'Landesamt für Schule und Bildung, Regionalstelle Chemnitz', 'schule', [{ body: 'pit', startedOn: since }]),
      office('ja', 'Vertretung des Jugendamtes', 'Stadt Chemnitz, Jugendamt', 'jugendhilfe', [{ body: 'pit', startedOn: since }, { body: 'gewalt', startedOn: since }]),
      office('ga', 'Vertretung des Gesundheitsamtes', 'Stadt Chemnitz, Gesundheitsamt', 'stadtverwaltung', [{ body: 'pit', startedOn: since }, { body: 'sucht', startedOn: since }]),
      office('pdp', 'Vertretung der Polizeidirektion Chemnitz (Prävention)', 'Polizeidirektion Chemnitz', 'polizei', [{ body: 'pit', startedOn: since }, { body: 'alltag', startedOn: since }, { body: 'haeuslich', startedOn: since }]),
      office('fak', 'Vertretung der freien Träger des Facharbeitskreises Jugendhilfe', 'Facharbeitskreis Jugendhilfe', 'jugendhilfe', [{ body: 'pit', startedOn: since }]),
      office('pjb', 'Vertretung der Träger politischer Jugendbildung', 'Träger politischer Jugendbildung', 'verein', [{ body: 'pit', startedOn: since }, { body: 'ba', startedOn: since }]),
    ]);
    await recordCouncilsAudit(tx, sys, { action: 'council.created', entityType: 'council', entityId: council.id, after: { code: council.code, name: council.name, ags: council.ags, state: council.state, demo: true } });
    return council.id;
  });
}

/**
 * Dippoldiswalde's Sicherheitskreis (seed 003): an existing prevention body of city administration, police,
 * THW, fire brigade, hospital and Diakonie, for which the agreement of 01.11.2021 sets up a coordination
 * office as a first step. Recorded as geplant from that day and konstituiert once the coordination office
 * took it up (assumed 12.10.2022, after the press release of 22.07.2022: the source does not count it).
 */
export async function seedDippoldiswalde(db: Db, sys: AuditContext) {
  return db.transaction(async (tx) => {
    const { council, plenum } = await insertCouncilRecord(tx, {
      code: 'kpr-dippoldiswalde', ags: DIPPOLDISWALDE, name: 'Sicherheitskreis Dippoldiswalde', shortName: 'Sicherheitskreis',
      themes: [
        { key: 'youth', label: 'Jugend: ein »Rückzugsort« für Jugendliche', fieldOfAction: 'youth' },
        { key: 'vandalism', label: 'Vandalismus an den Raststätten der Wanderwege', fieldOfAction: 'vandalism' },
      ],
      office: {
        place: 'Stadtverwaltung Dippoldiswalde, Koordinierungsstelle Sicherheitskreis', contactName: 'Koordinierungsstelle Sicherheitskreis', funded: true,
        fundingNote: 'Eingerichtet als erster Schritt der Kooperationsvereinbarung vom 01.11.2021 (Allianz Sichere Sächsische Kommunen).',
      },
      description: 'Das in Dippoldiswalde bereits vorhandene Präventionsgremium, der »Sicherheitskreis«, bündelt die lokalen Akteure der kommunalen Prävention – u. a. Stadtverwaltung, Polizei, '
        + 'Technisches Hilfswerk (THW), Feuerwehr, Krankenhaus, Diakonie –, um eine ganzheitliche Präventionsstrategie zu entwickeln. Eine Koordinierungsstelle unterstützt ihn.',
      history: [
        { state: 'geplant', effectiveOn: '2021-11-01', note: 'Kooperationsvereinbarung: Koordinierungsstelle für den bestehenden Sicherheitskreis wird eingerichtet.' },
        { state: 'konstituiert', effectiveOn: '2022-10-12', note: 'Erste Sitzung mit der Koordinierungsstelle (Tag angenommen, Demodaten).' },
        { state: 'aktiv', effectiveOn: '2023-02-08', note: 'Arbeitsprogramm mit Jugendprojekt und Schutz der Raststätten beschlossen (Demodaten).' },
      ],
      plenumStartedOn: '2022-10-12',
    });
    const [ag] = await tx.insert(councilBodies).values({ councilId: council.id, kind: 'arbeitsgruppe', name: 'Arbeitsgruppe Jugendprojekt »Rückzugsort«', theme: 'youth', startedOn: '2023-02-08', sortOrder: 10,
      description: 'Bereitet einen Rückzugsort für Jugendliche vor (mit ASSKomm-Coaching).' }).returning({ id: councilBodies.id });
    const bodies = new Map([['plenum', plenum.id], ['ag', ag!.id]]);
    const since = '2022-10-12';
    const office = (key: string, position: string, organisation: string, organisationType: PersonSpec['organisationType'], memberOf: PersonSpec['memberOf']): PersonSpec =>
      ({ key, familyName: 'N. N.', position, organisation, organisationType, publicConsent: false, memberOf });
    await insertPersons(tx, council.id, bodies, [
      office('ob', 'Oberbürgermeisterin', 'Stadt Dippoldiswalde', 'stadtverwaltung', [{ body: 'plenum', role: 'vorsitz', startedOn: since }]),
      office('ks', 'Koordinierungsstelle Sicherheitskreis', 'Stadt Dippoldiswalde', 'stadtverwaltung', [{ body: 'plenum', role: 'stellv_vorsitz', startedOn: since }, { body: 'ag', role: 'vorsitz', startedOn: '2023-02-08' }]),
      office('pol', 'Vertretung des Polizeireviers', 'Polizeidirektion Dresden', 'polizei', [{ body: 'plenum', startedOn: since }]),
      office('thw', 'Vertretung des Ortsverbandes', 'Technisches Hilfswerk (THW)', 'sonstige', [{ body: 'plenum', startedOn: since }]),
      office('fw', 'Vertretung der Feuerwehr', 'Freiwillige Feuerwehr Dippoldiswalde', 'sonstige', [{ body: 'plenum', startedOn: since }]),
      office('kh', 'Vertretung des Krankenhauses', 'Krankenhaus in Dippoldiswalde', 'sonstige', [{ body: 'plenum', startedOn: since }]),
      office('dia', 'Vertretung der Diakonie', 'Diakonie', 'soziales', [{ body: 'plenum', startedOn: since }, { body: 'ag', startedOn: '2023-02-08' }]),
    ]);
    await recordCouncilsAudit(tx, sys, { action: 'council.created', entityType: 'council', entityId: council.id, after: { code: council.code, name: council.name, ags: council.ags, state: council.state, demo: true } });
    return council.id;
  });
}
