import { eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { AuditContext } from '../../server/audit/record.js';
import { addDays, formatDateDe, todayIso } from '../../lib/dates.js';
import { users } from '../auth/schema.js';
import { analysisProjects } from '../surveys/schema.js';
import { recommendations } from '../evaluation/schema.js';
import { councilBodies, councilLocations } from './schema.js';
import { insertCouncilRecord } from './insert-council-record.js';
import { insertMeetings, insertPersons, type MeetingSpec, type PersonSpec } from './seed-demo-records.js';
import { recordCouncilsAudit } from './audit.js';

export const SCHWARZENBERG = '14521550';
export const SCHWARZENBERG_CODE = 'kpr-schwarzenberg';
const FIRST_WAVE = 'sa-schwarzenberg-2022';

const dow = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
/** The Wednesday on or before / on or after a day (the council meets on Wednesdays). */
const wednesdayBefore = (day: string) => addDays(day, -((dow(day) - 3 + 7) % 7));
const wednesdayAfter = (day: string) => addDays(day, (3 - dow(day) + 7) % 7);

/**
 * Schwarzenberg's council (seeds 000–002): the Kooperationsvereinbarung of 17.12.2021 planned a coordination
 * office and the constitution of a Kommunaler Präventionsrat; it is recorded as geplant from that day and
 * konstituiert on 28.09.2022 (after the press release of 22.07.2022, which counts 28 councils without it).
 * Everything after the seeds is demo data: fictitious role-named persons ("Klaus Koordinator"), offices
 * without names ("N. N."), meetings up to one that is coming up, minutes, decisions in every tracking state,
 * two of them taking up recommendations of the analysis sa-schwarzenberg-2022, and the annual report's draft.
 * Past days of the last year are relative to today so that the start pages always show current work.
 */
export async function seedSchwarzenberg(db: Db, sys: AuditContext) {
  const today = todayIso();
  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  const coordinatorUser = await userId('koordination@schwarzenberg.demo');
  const policeUser = await userId('praevention@pd-chemnitz.demo');
  const recs = new Map((await db.select({ id: recommendations.id, title: recommendations.title }).from(recommendations)
    .innerJoin(analysisProjects, eq(analysisProjects.id, recommendations.projectId)).where(eq(analysisProjects.code, FIRST_WAVE))).map((r) => [r.title, r.id]));
  const REC_LIGHT = 'Beleuchtung am Bahnhof und im Stadtpark verbessern';
  const REC_PATROL = 'Präsenz von Polizei und Ordnungsamt in der Innenstadt abends';
  const REC_FRAUD = 'Informationsabende zu Betrug an älteren Menschen';

  const recent = wednesdayBefore(addDays(today, -63));
  const next = wednesdayAfter(addDays(today, 16));
  const reportYear = Number(today.slice(0, 4)) - 1;

  return db.transaction(async (tx) => {
    const { council, plenum } = await insertCouncilRecord(tx, {
      code: SCHWARZENBERG_CODE, ags: SCHWARZENBERG, name: 'Kommunaler Präventionsrat Schwarzenberg', shortName: 'KPR Schwarzenberg',
      foundingResolutionOn: '2022-06-30',
      themes: [
        { key: 'safety_feeling', label: 'Sicherheitsgefühl und Angsträume', fieldOfAction: 'safety_feeling' },
        { key: 'litter', label: 'Sauberkeit und Vermüllung', fieldOfAction: 'litter' },
        { key: 'public_space', label: 'Konfliktmanagement im öffentlichen Raum', fieldOfAction: 'public_space' },
        { key: 'youth', label: 'Prävention mit Jugendlichen', fieldOfAction: 'youth' },
        { key: 'fraud_elderly', label: 'Betrug an Seniorinnen und Senioren', fieldOfAction: 'fraud_elderly' },
      ],
      office: {
        place: 'Stadtverwaltung Schwarzenberg, Koordinierungsstelle Kommunale Prävention', contactName: 'Klaus Koordinator', email: 'koordination@schwarzenberg.demo',
        hours: 'Dienstag und Donnerstag 9–12 Uhr', funded: true, fundingNote: 'Gefördert im Rahmen der Allianz Sichere Sächsische Kommunen (Demodaten).',
      },
      description: 'Der Kommunale Präventionsrat bündelt Präventionstätigkeiten und vernetzt Beteiligte aus Verwaltung, Polizei und Gesellschaft. '
        + 'Vorgesehen mit der Kooperationsvereinbarung vom 17.12.2021 zwischen der Großen Kreisstadt Schwarzenberg, der Polizeidirektion Chemnitz und dem Landespräventionsrat Sachsen; '
        + 'seine Arbeit richtet sich an den Ergebnissen der Sicherheitsanalyse des Städtebundes Silberberg aus. (Personen, Sitzungen und Beschlüsse: Demodaten.)',
      history: [
        { state: 'geplant', effectiveOn: '2021-12-17', note: 'Kooperationsvereinbarung: Koordinierungsstelle und Konstituierung eines Kommunalen Präventionsrates vorgesehen.' },
        { state: 'konstituiert', effectiveOn: '2022-09-28', note: 'Konstituierende Sitzung des Kommunalen Präventionsrates Schwarzenberg.' },
        { state: 'aktiv', effectiveOn: '2023-04-19', note: 'Arbeitsprogramm auf Grundlage der Sicherheitsanalyse beschlossen.' },
      ],
      plenumStartedOn: '2022-09-28',
    });
    const [agRaum, agJugend] = await tx.insert(councilBodies).values([
      { councilId: council.id, kind: 'arbeitsgruppe' as const, name: 'AG Sicherheit und Sauberkeit im öffentlichen Raum', shortName: 'AG Öffentlicher Raum', theme: 'public_space', startedOn: '2023-04-19', sortOrder: 10,
        description: 'Bereitet die Maßnahmen zu Beleuchtung, Sauberkeit und Präsenz in der Innenstadt und im Wohngebiet Sonnenleithe vor.' },
      { councilId: council.id, kind: 'arbeitsgruppe' as const, name: 'AG Prävention mit Jugendlichen', shortName: 'AG Jugend', theme: 'youth', startedOn: '2024-03-13', sortOrder: 20,
        description: 'Beteiligt Jugendliche über Schulen und Jugendtreffs.' },
    ]).returning({ id: councilBodies.id });
    const bodies = new Map([['plenum', plenum.id], ['ag_raum', agRaum!.id], ['ag_jugend', agJugend!.id]]);
    const [location] = await tx.insert(councilLocations).values({ councilId: council.id, description: 'Rathaus Schwarzenberg', room: 'Ratssaal', postalCode: '08340', locality: 'Schwarzenberg/Erzgeb.' }).returning({ id: councilLocations.id });

    const since = '2022-09-28';
    const persons: PersonSpec[] = [
      { key: 'ob', familyName: 'N. N.', position: 'Oberbürgermeister der Großen Kreisstadt Schwarzenberg', organisation: 'Stadt Schwarzenberg', organisationType: 'stadtverwaltung', publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', role: 'vorsitz', startedOn: since }] },
      { key: 'koord', givenName: 'Klaus', familyName: 'Koordinator', position: 'Koordinierungsstelle Kommunale Prävention', organisation: 'Stadt Schwarzenberg', organisationType: 'stadtverwaltung',
        email: 'koordination@schwarzenberg.demo', userId: coordinatorUser, publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', role: 'stellv_vorsitz', startedOn: since }, { body: 'ag_raum', role: 'mitglied', startedOn: '2023-04-19' }, { body: 'ag_jugend', role: 'mitglied', startedOn: '2024-03-13' }] },
      { key: 'karla', givenName: 'Karla', familyName: 'Ratsmitglied', position: 'Mitglied des Stadtrates', organisation: 'Stadtrat Schwarzenberg', organisationType: 'stadtrat',
        email: 'kpr@schwarzenberg.demo', publicConsent: false,
        memberOf: [{ body: 'plenum', startedOn: since }, { body: 'ag_raum', role: 'vorsitz', startedOn: '2023-04-19' }] },
      { key: 'polizei', givenName: 'Paula', familyName: 'Polizei', position: 'Sachbearbeiterin Prävention', organisation: 'Polizeidirektion Chemnitz', organisationType: 'polizei',
        email: 'praevention@pd-chemnitz.demo', userId: policeUser, publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', startedOn: since }, { body: 'ag_raum', startedOn: '2023-04-19' }] },
      { key: 'revier', familyName: 'N. N.', position: 'Leiter des Polizeireviers Aue', organisation: 'Polizeidirektion Chemnitz, Polizeirevier Aue', organisationType: 'polizei', publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', startedOn: since }] },
      { key: 'ordnung', givenName: 'Olga', familyName: 'Ordnungsamt', position: 'Sachgebietsleiterin Ordnung und Sicherheit', organisation: 'Stadt Schwarzenberg', organisationType: 'stadtverwaltung', publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', startedOn: since }, { body: 'ag_raum', startedOn: '2023-04-19' }] },
      { key: 'jugend', givenName: 'Jens', familyName: 'Jugendhilfe', position: 'Mobile Jugendarbeit', organisation: 'Freier Träger der Kinder- und Jugendhilfe', organisationType: 'jugendhilfe', publicConsent: false,
        memberOf: [{ body: 'plenum', startedOn: since }, { body: 'ag_jugend', role: 'vorsitz', startedOn: '2024-03-13' }] },
      { key: 'schule', givenName: 'Silke', familyName: 'Schulleitung', position: 'Schulleiterin einer Oberschule', organisation: 'Oberschule in Schwarzenberg', organisationType: 'schule', publicConsent: false,
        memberOf: [{ body: 'plenum', startedOn: since }, { body: 'ag_jugend', startedOn: '2024-03-13' }] },
      { key: 'wohnen', givenName: 'Wilma', familyName: 'Wohnungswirtschaft', position: 'Quartiersmanagement Sonnenleithe', organisation: 'Wohnungsunternehmen (Demo)', organisationType: 'wirtschaft', publicConsent: false,
        memberOf: [{ body: 'plenum', role: 'beratend', votingRight: false, startedOn: '2023-04-19' }, { body: 'ag_raum', startedOn: '2023-04-19' }] },
      { key: 'kirche', givenName: 'Kurt', familyName: 'Kirchgemeinde', position: 'Pfarrer', organisation: 'Evangelisch-Lutherische Kirchgemeinde (Demo)', organisationType: 'kirche', publicConsent: true, consentGivenOn: since,
        memberOf: [{ body: 'plenum', role: 'beratend', votingRight: false, startedOn: since }] },
      { key: 'lpr', familyName: 'N. N.', position: 'Referent/in ASSKomm', organisation: 'Landespräventionsrat Sachsen', organisationType: 'sonstige', publicConsent: false, memberOf: [] },
    ];
    const people = await insertPersons(tx, council.id, bodies, persons);
    const present = (...absent: string[]) => Object.fromEntries(persons.filter((p) => p.memberOf.some((m) => m.body === 'plenum')).map((p) => [p.key, absent.includes(p.key) ? 'entschuldigt' as const : 'anwesend' as const]));

    const meetings: MeetingSpec[] = [
      {
        key: 'm1', body: 'plenum', title: 'Konstituierende Sitzung', day: '2022-09-28', state: 'durchgefuehrt', invitedOn: '2022-09-07', minutesState: 'genehmigt', approvedIn: 'm2',
        minutesGeneral: 'Der Oberbürgermeister eröffnet die Sitzung und begrüßt die Mitglieder sowie den Landespräventionsrat als Gast.',
        attendance: { ...present('wohnen'), lpr: 'gast' },
        items: [
          { title: 'Eröffnung, Begrüßung und Feststellung der Beschlussfähigkeit', isPublic: true, minutes: 'Die Beschlussfähigkeit wird festgestellt.' },
          { title: 'Geschäftsordnung des Kommunalen Präventionsrates', isPublic: true, minutes: 'Der Entwurf der Koordinierungsstelle wird ohne Änderungen angenommen.',
            paper: { reference: 'KPR-V 1/2022', name: 'Geschäftsordnung des Kommunalen Präventionsrates Schwarzenberg', paperType: 'Beschlussvorlage' },
            decisions: [{ number: 'KPR-1/2022', text: 'Der Kommunale Präventionsrat beschließt seine Geschäftsordnung in der vorgelegten Fassung.', voteMode: 'einstimmig' }] },
          { title: 'Bestandsaufnahme der Präventionsangebote in Schwarzenberg', isPublic: true, minutes: 'Die Mitglieder tragen bekannte Angebote zusammen; die Koordinierungsstelle vervollständigt die Übersicht.',
            decisions: [{ number: 'KPR-2/2022', text: 'Die Koordinierungsstelle erstellt bis Ende Januar 2023 eine Übersicht der bestehenden Präventionsangebote und Akteure.', voteMode: 'einstimmig',
              track: { owner: 'koord', dueOn: '2023-01-31', steps: [
                { state: 'offen', on: '2022-09-28', note: '', by: 'koord' },
                { state: 'in_arbeit', on: '2022-11-02', note: 'Abfrage an Schulen, Vereine und Träger versandt.', by: 'koord' },
                { state: 'erledigt', on: '2023-01-20', note: 'Übersicht mit 34 Angeboten an die Mitglieder versandt.', by: 'koord' },
              ] } }] },
          { title: 'Sicherheitsanalyse des Städtebundes Silberberg: Stand', isPublic: true, minutes: 'Das Forschungsinstitut hat die Befragung vorbereitet; die Feldphase beginnt im Oktober.' },
        ],
      },
      {
        key: 'm2', body: 'plenum', title: 'Ergebnisse der Sicherheitsanalyse', day: '2023-04-19', state: 'durchgefuehrt', invitedOn: '2023-03-29', minutesState: 'genehmigt', approvedIn: 'm3',
        attendance: { ...present('schule'), lpr: 'gast' },
        items: [
          { title: 'Genehmigung des Protokolls der Sitzung vom 28.09.2022', isPublic: true, minutes: 'Das Protokoll wird genehmigt.' },
          { title: 'Vorstellung der Ergebnisse der Sicherheitsanalyse 2022', isPublic: true, minutes: 'Angsträume am Bahnhof und im Stadtpark, Vermüllung in der Sonnenleithe und fehlende Präsenz am Abend werden am häufigsten genannt.',
            paper: { reference: 'KPR-I 1/2023', name: 'Ergebnisbericht der Sicherheitsanalyse Schwarzenberg 2022', paperType: 'Bericht' } },
          { title: 'Beleuchtung am Bahnhof und im Stadtpark', isPublic: true, minutes: 'Begehung mit Polizei und Ordnungsamt vereinbart.',
            decisions: [{ number: 'KPR-1/2023', text: 'Die dunklen Abschnitte am Bahnhof und im Stadtpark werden bei einer gemeinsamen Begehung bestimmt; die Stadtverwaltung ergänzt dort die Beleuchtung.', voteMode: 'abstimmung', votes: [9, 0, 1],
              recommendation: REC_LIGHT, track: { owner: 'ordnung', dueOn: '2023-12-31', steps: [
                { state: 'offen', on: '2023-04-19', note: '', by: 'koord' },
                { state: 'in_arbeit', on: '2023-05-24', note: 'Begehung am 23.05.2023; sieben Abschnitte bestimmt.', by: 'ordnung' },
                { state: 'erledigt', on: '2023-10-16', note: 'Neue LED-Beleuchtung am Bahnhofsvorplatz und im Stadtpark in Betrieb.', by: 'ordnung' },
              ] } }] },
          { title: 'Gemeinsame Fußstreifen in der Innenstadt', isPublic: true, minutes: 'Polizei und Ordnungsamt erproben Fußstreifen an Freitag- und Samstagabenden.',
            decisions: [{ number: 'KPR-2/2023', text: 'Polizei und Ordnungsamt erproben gemeinsame Fußstreifen in der Innenstadt an Freitag- und Samstagabenden und berichten dem Rat.', voteMode: 'einstimmig',
              recommendation: REC_PATROL, track: { owner: 'polizei', dueOn: addDays(today, 45), steps: [
                { state: 'offen', on: '2023-04-19', note: '', by: 'koord' },
                { state: 'in_arbeit', on: '2023-06-02', note: 'Erste gemeinsame Streifen seit Juni 2023; Auswertung läuft.', by: 'polizei' },
              ] } }] },
          { title: 'Einrichtung von Arbeitsgruppen', isPublic: true, minutes: 'Die AG Sicherheit und Sauberkeit im öffentlichen Raum wird eingerichtet.',
            decisions: [{ number: 'KPR-3/2023', text: 'Der Rat richtet die Arbeitsgruppe »Sicherheit und Sauberkeit im öffentlichen Raum« ein; Sprecherin ist Karla Ratsmitglied.', voteMode: 'einstimmig' }] },
          { title: 'Lagebild der Polizei zu Brennpunkten in der Innenstadt', isPublic: false, minutes: 'Das Polizeirevier Aue berichtet über Einsatzschwerpunkte (vertraulich).' },
        ],
      },
      {
        key: 'm3', body: 'plenum', title: 'Sitzung des Kommunalen Präventionsrates', day: '2024-03-13', state: 'durchgefuehrt', invitedOn: '2024-02-21', minutesState: 'genehmigt', approvedIn: 'm4',
        attendance: present('revier', 'kirche'),
        items: [
          { title: 'Genehmigung des Protokolls der Sitzung vom 19.04.2023', isPublic: true, minutes: 'Das Protokoll wird genehmigt.' },
          { title: 'Bericht der AG Sicherheit und Sauberkeit im öffentlichen Raum', isPublic: true, minutes: 'Mängelmelder seit Mai 2023 online; Reinigung in der Sonnenleithe verdichtet.',
            decisions: [{ number: 'KPR-1/2024', text: 'Zweimal jährlich findet ein Aktionstag Sauberkeit in der Sonnenleithe gemeinsam mit dem Wohnungsunternehmen statt.', voteMode: 'abstimmung', votes: [8, 1, 1],
              track: { owner: 'wohnen', dueOn: '2024-10-31', steps: [
                { state: 'offen', on: '2024-03-13', note: '', by: 'koord' },
                { state: 'nicht_umgesetzt', on: '2024-09-18', note: 'Das Wohnungsunternehmen konnte keine Mitwirkenden stellen; stattdessen werden Meldungen über den Mängelmelder gebündelt.', by: 'koord' },
              ] } }] },
          { title: 'Einrichtung der AG Prävention mit Jugendlichen', isPublic: true,
            decisions: [{ number: 'KPR-2/2024', text: 'Der Rat richtet die Arbeitsgruppe »Prävention mit Jugendlichen« ein.', voteMode: 'einstimmig' }] },
          { title: 'Förderantrag für die Koordinierungsstelle', isPublic: false, minutes: 'Der Antrag auf Weiterförderung wird abgestimmt (vertraulich, Personalkosten).' },
        ],
      },
      {
        key: 'm4', body: 'plenum', title: 'Sitzung des Kommunalen Präventionsrates', day: recent, state: 'durchgefuehrt', invitedOn: addDays(recent, -21), minutesState: 'entwurf',
        minutesGeneral: 'Entwurf der Koordinierungsstelle; Genehmigung in der nächsten Sitzung.',
        attendance: present('jugend'),
        items: [
          { title: 'Genehmigung des Protokolls der Sitzung vom 13.03.2024', isPublic: true, minutes: 'Das Protokoll wird genehmigt.' },
          { title: 'Zweite Welle der Sicherheitsanalyse (2026): Stand der Befragung', isPublic: true, minutes: 'Das Forschungsinstitut berichtet vom Rücklauf; Ergebnisse werden im Frühjahr erwartet.' },
          { title: 'Informationsabende zu Betrug an älteren Menschen', isPublic: true, minutes: 'Die Polizeiliche Beratungsstelle bietet zwei Termine an.',
            decisions: [{ number: `KPR-1/${recent.slice(0, 4)}`, text: 'In zwei Seniorentreffs finden Informationsabende zu Betrug an älteren Menschen statt; Karla Ratsmitglied stimmt die Termine mit der Polizei ab.', voteMode: 'einstimmig',
              recommendation: REC_FRAUD, track: { owner: 'karla', dueOn: addDays(today, 60), steps: [{ state: 'offen', on: recent, note: '', by: 'koord' }] } }] },
          { title: 'Jugendbeteiligung in den Jugendtreffs', isPublic: true, minutes: 'Kurze Befragung in den Jugendtreffs zu Orten, an denen sich Jugendliche unsicher fühlen.',
            decisions: [{ number: `KPR-2/${recent.slice(0, 4)}`, text: 'Die AG Öffentlicher Raum bereitet mit der Mobilen Jugendarbeit eine Befragung in den Jugendtreffs vor.', voteMode: 'einstimmig',
              track: { owner: 'karla', dueOn: addDays(today, 30), steps: [
                { state: 'offen', on: recent, note: '', by: 'koord' },
                { state: 'in_arbeit', on: addDays(recent, 14), note: 'Fragebogenentwurf mit der Mobilen Jugendarbeit abgestimmt.', by: 'karla' },
              ] } }] },
          { title: 'Sitzungstermine des kommenden Jahres', isPublic: true,
            decisions: [{ number: `KPR-3/${recent.slice(0, 4)}`, text: 'Die Koordinierungsstelle schlägt die Sitzungstermine des kommenden Jahres vor und lädt dazu ein.', voteMode: 'ohne_abstimmung',
              track: { owner: 'koord', dueOn: addDays(today, 20), steps: [{ state: 'offen', on: recent, note: '', by: 'koord' }] } }] },
          { title: 'Hinweise der Polizei zu einer Jugendgruppe am Bahnhof', isPublic: false, minutes: 'Vertraulich: Ansprache durch Mobile Jugendarbeit und Polizei vereinbart.',
            decisions: [{ number: `KPR-4/${recent.slice(0, 4)}`, text: 'Mobile Jugendarbeit und Polizei sprechen die Gruppe gemeinsam an und berichten in der nächsten Sitzung (nicht öffentlich).', voteMode: 'einstimmig',
              track: { owner: 'polizei', dueOn: next, steps: [{ state: 'offen', on: recent, note: '', by: 'koord' }] } }] },
        ],
      },
      {
        key: 'm5', body: 'plenum', title: 'Sitzung des Kommunalen Präventionsrates', day: next, state: 'eingeladen', invitedOn: addDays(today, -4),
        items: [
          { title: `Genehmigung des Protokolls der Sitzung vom ${formatDateDe(recent)}`, isPublic: true },
          { title: `Präventionsbericht ${reportYear}`, isPublic: true, description: 'Der Entwurf der Koordinierungsstelle wird beraten und zur Veröffentlichung beschlossen.',
            paper: { reference: `KPR-V 1/${next.slice(0, 4)}`, name: `Präventionsbericht ${reportYear} des Kommunalen Präventionsrates Schwarzenberg`, paperType: 'Beschlussvorlage' } },
          { title: 'Stand der Beschlusskontrolle', isPublic: true, description: 'Bericht der Verantwortlichen zu den offenen Beschlüssen.' },
          { title: 'Bericht zur Ansprache der Jugendgruppe am Bahnhof', isPublic: false },
          { title: 'Weiterförderung der Koordinierungsstelle', isPublic: false },
        ],
      },
      {
        key: 'ag1', body: 'ag_raum', title: 'Treffen der AG Öffentlicher Raum', day: wednesdayBefore(addDays(today, -20)), time: '15:00', hours: 1.5, state: 'abgesagt', invitedOn: wednesdayBefore(addDays(today, -34)),
        cancelReason: 'Krankheitsbedingt abgesagt; ein neuer Termin folgt.',
        items: [{ title: 'Vorbereitung der Befragung in den Jugendtreffs', isPublic: true }],
      },
      {
        key: 'ag2', body: 'ag_raum', title: 'Treffen der AG Öffentlicher Raum', day: wednesdayAfter(addDays(today, 40)), time: '15:00', hours: 1.5, state: 'geplant',
        items: [{ title: 'Vorbereitung der Befragung in den Jugendtreffs', isPublic: true }, { title: 'Auswertung der Fußstreifen', isPublic: true }],
      },
    ];
    await insertMeetings(tx, council.id, bodies, people, meetings, { locationId: location!.id, recommendations: recs });


    await recordCouncilsAudit(tx, sys, { action: 'council.created', entityType: 'council', entityId: council.id, after: { code: council.code, name: council.name, ags: council.ags, state: council.state, demo: true } });
    return { councilId: council.id, karlaPersonId: people.get('karla')!.id };
  });
}
