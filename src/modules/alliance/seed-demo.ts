import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import type { SeedContext } from '../../server/modules.js';
import { recordAudit, systemContext } from '../../server/audit/record.js';
import { addDays, daysBetween } from '../../lib/dates.js';
import { users } from '../auth/schema.js';
import { associations, communeGroupMembers, communeGroups, communes, districts, policeDirectorates } from '../communes/schema.js';
import { communesParty, officialName } from '../communes/official-name.js';
import {
  agreementCommunes, agreementRevisions, agreements, agreementTemplates, coaches, coachingFeedback, coachingProcesses, coachingSessions,
  communeMilestones, consultationCommunes, consultations, consultationTasks, type Signatory,
} from './schema.js';
import { createAgreement } from './agreements/create-agreement.js';
import { transitionAgreement } from './agreements/transition-agreement.js';
import { fillPlaceholders, KIND_LABELS, moduleLabel, joinNames, presentAgreements } from './agreements/agreement.js';
import { AGREEMENT_MODULES, DEFAULT_TEMPLATE_ID, FIELDS_OF_ACTION, MODEL_COMMUNES, type AgreementModule } from './reference-data.js';

/**
 * Demo records: the events of the seed documents with their real dates, parties and signatories, and
 * generated records (fixed seed) such that the live figures reproduce the press releases:
 *   01.11.2021: 125 advised, 45 cooperating closely, 26 councils;  17.12.2021: 126 advised;
 *   22.07.2022: 133 advised, 56 cooperating, 28 councils, 40 agreements, 38 coaching processes, 25 analyses.
 * Generated signatories are "N. N." (their names are not in the sources).
 */
const PRESS_RELEASE_1 = '2021-11-01';

const DIPPOLDISWALDE = '14628060';
const SCHWARZENBERG = '14521550';
const SILBERBERG = ['14521035', '14521355', '14521370', '14521530', '14521550'];
const GOELTZSCHTAL = ['14523020', '14523170', '14523360'];
/** Named as participants in the press releases of 01.11. and 17.12.2021. */
const NAMED_PARTICIPANTS = ['14521170', '14521320', '14522140', '14522150', '14625330', '14626530', '14729300'];
const WILDENSTEIN_ARS = '145215405';

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


class Gen {
  private readonly rng: () => number;
  constructor(seed: number) { this.rng = mulberry32(seed); }
  next() { return this.rng(); }
  int(min: number, max: number) { return min + Math.floor(this.rng() * (max - min + 1)); }
  pick<T>(list: readonly T[]): T { return list[Math.floor(this.rng() * list.length)]!; }
  some<T>(list: readonly T[], min: number, max: number): T[] { return this.shuffle(list).slice(0, this.int(min, max)); }
  shuffle<T>(list: readonly T[]): T[] {
    const a = [...list];
    for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(this.rng() * (i + 1)); [a[i], a[j]] = [a[j]!, a[i]!]; }
    return a;
  }
  /** A day in [from, to], both inclusive, avoiding weekends. */
  day(from: string, to: string) {
    const span = Math.max(0, daysBetween(from, to));
    let d = addDays(from, this.int(0, span));
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd === 6 && addDays(d, -1) >= from) d = addDays(d, -1);
    if (wd === 0 && addDays(d, 1) <= to) d = addDays(d, 1);
    return d;
  }
}

/** The later of two ISO dates (a coach is matched after the request, before the start). */
const maxDate = (a: string, b: string) => (a > b ? a : b);

const TOPICS = FIELDS_OF_ACTION.map((f) => f.id);
const COACH_FIRST = ['Anke', 'Bernd', 'Claudia', 'Dirk', 'Elke', 'Frank', 'Gabriele', 'Heiko', 'Ines', 'Jens', 'Katrin', 'Lars', 'Maren', 'Nico', 'Olga', 'Peter', 'Ramona', 'Steffen', 'Tina', 'Uwe', 'Vera', 'Wolfgang', 'Yvonne', 'Sören', 'Beate', 'Matthias', 'Doreen', 'Ronny', 'Silke', 'Torsten', 'Antje'];
const COACH_LAST = ['Albrecht', 'Brückner', 'Claus', 'Dietze', 'Ebert', 'Fiedler', 'Gläser', 'Hänel', 'Illing', 'Jähnig', 'Kretzschmar', 'Lorenz', 'Mehnert', 'Neubert', 'Oehme', 'Pfützner', 'Rößler', 'Seidel', 'Thiele', 'Uhlig', 'Vogel', 'Wagner', 'Zimmermann', 'Beyer', 'Haase', 'Richter', 'Schubert', 'Tröger', 'Walther', 'Kühn', 'Franke'];

export async function seedAllianceDemo(ctx: SeedContext) {
  const { db } = ctx;
  const g = new Gen(20190201);
  const sys = systemContext('demo-seed');
  const userId = async (email: string) => (await db.select({ id: users.id }).from(users).where(eq(users.email, email)))[0]?.id ?? null;
  const referentin = (await userId('referentin@lpr.demo'))!;
  const admin = (await userId('admin@lpr.demo'))!;
  const coachUser = await userId('coach@institut-b3.demo');
  const coordinator = await userId('koordination@schwarzenberg.demo');

  const all = await db.select({ ags: communes.ags, name: communes.name, type: communes.type, districtAgs: communes.districtAgs, ars: communes.associationArs, directorate: districts.policeDirectorateId, population: communes.population })
    .from(communes).innerJoin(districts, eq(districts.ags, communes.districtAgs)).where(eq(communes.status, 'active')).orderBy(asc(communes.ags));
  const byAgs = new Map(all.map((c) => [c.ags, c]));
  const taken = new Set<string>([DIPPOLDISWALDE, ...SILBERBERG, ...GOELTZSCHTAL, ...NAMED_PARTICIPANTS, ...MODEL_COMMUNES.map((m) => m.ags)]);

  // Groups for three group agreements before 01.11.2021: Verwaltungsverband Wildenstein and two others of four towns.
  const membersOf = (ars: string) => all.filter((c) => c.ars === ars).map((c) => c.ags);
  const assocRows = await db.select().from(associations).orderBy(asc(associations.ars));
  const wildenstein = membersOf(WILDENSTEIN_ARS);
  wildenstein.forEach((a) => taken.add(a));
  const fourTowns = g.shuffle(assocRows.filter((a) => a.ars !== WILDENSTEIN_ARS && membersOf(a.ars).length === 4 && membersOf(a.ars).every((m) => !taken.has(m)))).slice(0, 2);
  fourTowns.forEach((a) => membersOf(a.ars).forEach((m) => taken.add(m)));
  const groupSpecs = [{ ars: WILDENSTEIN_ARS, name: 'Verwaltungsverband Wildenstein' }, ...fourTowns.map((a) => ({ ars: a.ars, name: `${a.type} ${a.name}` }))];
  const groupIds: { id: string; members: string[]; name: string }[] = [];
  for (const spec of groupSpecs) {
    const members = membersOf(spec.ars);
    const [row] = await db.insert(communeGroups).values({ name: spec.name, kind: 'Gemeindeverband', description: 'Gemeinsame Kooperationsvereinbarung (Demodaten).' }).returning();
    await db.insert(communeGroupMembers).values(members.map((ags) => ({ groupId: row!.id, ags })));
    groupIds.push({ id: row!.id, members, name: spec.name });
  }

  // The rest of the state, weighted towards larger towns (they joined first in reality too).
  const pool = g.shuffle(all.filter((c) => !taken.has(c.ags))).sort((a, b) => (b.population * (0.3 + g.next())) - (a.population * (0.3 + g.next())));
  const take = (n: number) => pool.splice(0, n).map((c) => c.ags);
  const individualBefore = take(15);
  const preOnly = take(4);
  const advisedOnlyBefore = take(69);
  const individualBetween = take(3);
  const advisedDec2021 = take(1);
  const advisedBy2022 = take(7);
  const advisedLater = take(12);
  const contactedOnly = take(15);
  const laterAgreements = g.shuffle(advisedOnlyBefore).slice(0, 5);

  // --- Agreements (generated ones in bulk; the seed documents' ones below through the use cases) ---
  const directorateNames = new Map((await db.select().from(policeDirectorates)).map((d) => [d.id, d.name]));
  const [template] = await db.select().from(agreementTemplates).where(eq(agreementTemplates.id, DEFAULT_TEMPLATE_ID));
  const firstContact = new Map<string, string>();
  const agreementsPlanned: { subject: string | { id: string; members: string[]; name: string }; kind: 'pre' | 'cooperation'; on: string }[] = [
    ...MODEL_COMMUNES.map((m) => ({ subject: m.ags, kind: 'cooperation' as const, on: g.day('2019-02-01', '2019-06-28') })),
    ...NAMED_PARTICIPANTS.map((a) => ({ subject: a, kind: 'cooperation' as const, on: g.day('2019-09-01', '2021-09-30') })),
    ...groupIds.map((grp) => ({ subject: grp, kind: 'cooperation' as const, on: g.day('2019-10-01', '2021-10-15') })),
    ...individualBefore.map((a) => ({ subject: a, kind: 'cooperation' as const, on: g.day('2019-07-01', '2021-10-25') })),
    ...preOnly.map((a) => ({ subject: a, kind: 'pre' as const, on: g.day('2020-01-15', '2021-09-30') })),
    ...individualBetween.map((a) => ({ subject: a, kind: 'cooperation' as const, on: g.day('2022-01-10', '2022-07-15') })),
    ...laterAgreements.map((a) => ({ subject: a, kind: 'cooperation' as const, on: g.day('2022-09-01', '2025-10-31') })),
  ];
  const agreementOf = new Map<string, string>(); // ags → first agreement date
  const insertedIds: string[] = [];
  for (const p of agreementsPlanned) {
    const members = typeof p.subject === 'string' ? [p.subject] : p.subject.members;
    const first = byAgs.get(members[0]!)!;
    const party = communesParty(members.map((m) => byAgs.get(m)!), typeof p.subject === 'string' ? null : { name: p.subject.name, kind: 'Gemeindeverband' });
    const subjectName = typeof p.subject === 'string' ? officialName(first).name : p.subject.name;
    const modules = p.kind === 'pre' ? ['coaching'] : g.some(AGREEMENT_MODULES, 2, 4);
    const signatories: Signatory[] = [
      ...members.map((m) => ({ party: 'commune' as const, ags: m, name: 'N. N.', office: byAgs.get(m)!.population > 20000 ? 'Oberbürgermeister/in' : 'Bürgermeister/in' })),
      { party: 'police', name: 'N. N.', office: 'Polizeipräsident/in' },
      { party: 'lpr', name: 'N. N.', office: 'Geschäftsführer/in' },
    ];
    const [row] = await db.insert(agreements).values({
      kind: p.kind, title: `${KIND_LABELS[p.kind]} ${subjectName}`, state: 'signed',
      subjectAgs: typeof p.subject === 'string' ? p.subject : null, groupId: typeof p.subject === 'string' ? null : p.subject.id,
      policeDirectorateId: first.directorate, signatories, modules, topics: g.some(TOPICS, 1, 3),
      goals: ['Bündelung der vorhandenen Präventionsakteure', 'Stärkung des Sicherheitsgefühls der Bürgerinnen und Bürger'],
      measures: ['Benennung einer Ansprechperson in der Verwaltung', 'Gemeinsame Bestandsaufnahme mit der Polizei'],
      sections: fillPlaceholders(template!.sections, { communes: party, police: `die ${directorateNames.get(first.directorate)}`, modules: joinNames(modules.map(moduleLabel)) }),
      signedOn: p.on, signedPlace: first.name.split(',')[0]!, inForceSince: p.on, createdBy: admin,
    }).returning({ id: agreements.id });
    await db.insert(agreementCommunes).values(members.map((ags) => ({ agreementId: row!.id, ags })));
    insertedIds.push(row!.id);
    for (const m of members) if (!agreementOf.has(m) || agreementOf.get(m)! > p.on) agreementOf.set(m, p.on);
  }
  for (const a of await presentAgreements(db, await db.select().from(agreements).where(inArray(agreements.id, insertedIds)))) {
    await db.insert(agreementRevisions).values({ agreementId: a.id, revision: 1, signedOn: a.signedOn!, snapshot: a as unknown as Record<string, unknown>, recordedBy: admin });
  }
  // One generated agreement ended in 2024, its commune now counted as ausgetreten.
  const ending = laterAgreements[0]!;
  await db.update(agreements).set({ state: 'ended', endedOn: '2025-03-31', endReason: 'Kündigung durch die Kommune nach Wechsel der Verwaltungsspitze (Demodaten).' })
    .where(inArray(agreements.id, db.select({ id: agreementCommunes.agreementId }).from(agreementCommunes).where(eq(agreementCommunes.ags, ending))));

  // --- Consultations: everyone advised before their threshold; joint ones for the two groups ---
  const consultationRows: { heldOn: string; staff: string; communes: string[]; topics: string[]; notes: string }[] = [];
  const advise = (ags: string, from: string, to: string) => {
    const first = g.day(from, to);
    if (g.next() < 0.5) firstContact.set(ags, g.day(addDays(first, -120), addDays(first, -14)));
    consultationRows.push({ heldOn: first, staff: g.next() < 0.8 ? referentin : admin, communes: [ags], topics: g.some(TOPICS, 1, 3), notes: 'Erstberatung: Ausgangslage, Angebote von ASSKomm, nächste Schritte.' });
    const followUps = g.int(0, 3);
    for (let i = 0; i < followUps; i++) {
      consultationRows.push({ heldOn: g.day(addDays(first, 30), '2025-11-28'), staff: g.next() < 0.8 ? referentin : admin, communes: [ags], topics: g.some(TOPICS, 1, 2), notes: 'Folgeberatung.' });
    }
  };
  for (const m of MODEL_COMMUNES) advise(m.ags, '2018-11-05', '2019-01-25');
  for (const [ags, on] of agreementOf) if (!MODEL_COMMUNES.some((m) => m.ags === ags)) advise(ags, '2019-01-07', addDays(on < PRESS_RELEASE_1 ? on : PRESS_RELEASE_1, -21));
  for (const a of advisedOnlyBefore.filter((x) => !laterAgreements.includes(x))) advise(a, '2019-01-07', PRESS_RELEASE_1);
  consultationRows.push({ heldOn: '2021-09-15', staff: referentin, communes: SILBERBERG, topics: ['safety_feeling', 'structures'], notes: 'Gemeinsame Beratung des Städtebundes Silberberg zur Sicherheitsanalyse; Schwarzenberg zusätzlich zum Aufbau eines Kommunalen Präventionsrates.' });
  consultationRows.push({ heldOn: '2021-06-10', staff: referentin, communes: GOELTZSCHTAL, topics: ['vandalism', 'hate_speech', 'drugs'], notes: 'Gemeinsame Beratung Auerbach/Vogtl., Lengenfeld und Rodewisch; Wunsch nach einer Sicherheitsanalyse und einem KPR.' });
  consultationRows.push({ heldOn: '2021-03-18', staff: referentin, communes: [DIPPOLDISWALDE], topics: ['vandalism', 'youth', 'structures'], notes: 'Sicherheitskreis als Präventionsgremium vorhanden; Koordinierungsstelle und Jugendprojekt angedacht.' });
  for (const a of advisedDec2021) advise(a, '2021-11-08', '2021-12-15');
  for (const a of advisedBy2022) advise(a, '2021-12-20', '2022-07-20');
  for (const a of advisedLater) advise(a, '2022-08-01', '2025-11-28');
  const insertedConsultations = await db.insert(consultations).values(consultationRows.map((c) => ({ heldOn: c.heldOn, staffUserId: c.staff, topics: c.topics, notes: c.notes, format: g.pick(['vor_ort', 'vor_ort', 'online', 'telefon'] as const), createdBy: c.staff })))
    .returning({ id: consultations.id });
  await db.insert(consultationCommunes).values(consultationRows.flatMap((c, i) => c.communes.map((ags) => ({ consultationId: insertedConsultations[i]!.id, ags }))));
  const recent = consultationRows.map((c, i) => ({ ...c, id: insertedConsultations[i]!.id })).filter((c) => c.heldOn >= '2025-06-01').slice(0, 12);
  await db.insert(consultationTasks).values(recent.map((c, i) => ({
    consultationId: c.id, title: g.pick(['Unterlagen zur Sicherheitsanalyse zusenden', 'Entwurf der Kooperationsvereinbarung abstimmen', 'Kontakt zur Polizeidirektion herstellen', 'Termin für Folgeberatung vereinbaren']),
    dueOn: addDays(c.heldOn, 30), assignee: 'LPR', doneOn: i % 3 === 0 ? addDays(c.heldOn, 20) : null,
  })));

  // --- Milestones: first contacts, councils (the councils module's demo takes these over as councils), analyses, funding, a dormant commune ---
  const milestones: (typeof communeMilestones.$inferInsert)[] = [];
  for (const [ags, on] of firstContact) milestones.push({ ags, occurredOn: on, kind: 'contacted', note: 'Erstkontakt (Anfrage der Kommune).' });
  for (const ags of contactedOnly) milestones.push({ ags, occurredOn: g.day('2022-01-10', '2025-11-28'), kind: 'contacted', note: 'Erstkontakt auf einer Fachveranstaltung.' });
  const cooperatingBefore = [...agreementOf.entries()].filter(([, on]) => on <= PRESS_RELEASE_1).map(([ags]) => ags);
  const councilsBefore = [...MODEL_COMMUNES.map((m) => m.ags), ...g.shuffle([...cooperatingBefore.filter((a) => !MODEL_COMMUNES.some((m) => m.ags === a)), ...g.shuffle(advisedOnlyBefore).slice(0, 4)]).slice(0, 18)];
  for (const ags of councilsBefore) {
    const reactivated = MODEL_COMMUNES.some((m) => m.ags === ags) && g.next() < 0.5;
    milestones.push({ ags, occurredOn: g.day('2019-03-01', '2021-10-29'), kind: reactivated ? 'council_reactivated' : 'council_constituted', note: reactivated ? 'Bestehender Präventionsrat neu belebt.' : 'Gründungsbeschluss des Stadt- bzw. Gemeinderates.' });
  }
  const councilsBetween = g.shuffle(cooperatingBefore.filter((a) => !councilsBefore.includes(a))).slice(0, 2);
  for (const ags of councilsBetween) milestones.push({ ags, occurredOn: g.day('2021-11-10', '2022-07-15'), kind: 'council_constituted', note: 'Konstituierende Sitzung.' });
  milestones.push({ ags: SCHWARZENBERG, occurredOn: '2022-09-28', kind: 'council_constituted', note: 'Konstituierende Sitzung des Kommunalen Präventionsrates Schwarzenberg (Demodaten).' });
  const analysedCommunes = g.shuffle(cooperatingBefore).slice(0, 25);
  for (const ags of analysedCommunes) milestones.push({ ags, occurredOn: g.day(addDays(agreementOf.get(ags)!, 150) < '2022-07-20' ? addDays(agreementOf.get(ags)!, 150) : '2022-01-03', '2022-07-20'), kind: 'safety_analysis_completed', note: 'Bericht der Sicherheitsanalyse übergeben.' });
  for (const ags of [...SILBERBERG, ...GOELTZSCHTAL]) {
    const day = g.day('2023-03-01', '2023-11-30');
    // Schwarzenberg's analysis is the surveys demo's sa-schwarzenberg-2022: that module reports its completion.
    if (ags !== SCHWARZENBERG) milestones.push({ ags, occurredOn: day, kind: 'safety_analysis_completed', note: 'Bericht der Sicherheitsanalyse übergeben.' });
  }
  for (let year = 2019; year <= 2025; year++) {
    let total = 0;
    const budget = year === 2019 ? 600_000 : g.int(1_050_000, 1_280_000);
    const eligible = [...agreementOf.entries()].filter(([, on]) => on < `${year}-10-01`).map(([ags]) => ags);
    while (eligible.length) {
      const amount = Math.round(g.int(3_000, 90_000) / 100) * 100;
      if (total + amount > budget) break;
      total += amount;
      milestones.push({ ags: g.pick(eligible), occurredOn: g.day(`${year}-03-01`, `${year}-11-30`), kind: 'funding_committed', amountEur: amount.toFixed(2), note: g.pick(['Koordinierungsstelle (Teilzeit)', 'Jugendprojekt', 'Beleuchtung eines Angstraums', 'Präventionstag', 'Graffiti-Projekt mit Jugendlichen', 'Fortbildung der Ordnungsbehörde']) });
    }
  }
  const dormant = g.shuffle(cooperatingBefore.filter((a) => a !== DIPPOLDISWALDE && !MODEL_COMMUNES.some((m) => m.ags === a)))[0]!;
  milestones.push({ ags: dormant, occurredOn: '2024-05-15', kind: 'stage_correction', stage: 'dormant', note: 'Koordinierungsstelle unbesetzt; Zusammenarbeit ruht bis zur Nachbesetzung (Demodaten).' });
  await db.insert(communeMilestones).values(milestones);

  // --- Coach pool and coaching processes: 38 started by 22.07.2022 ---
  const districtIds = [...new Set(all.map((c) => c.districtAgs))];
  const coachRows = await db.insert(coaches).values(COACH_FIRST.map((first, i) => ({
    name: i === 0 ? 'Conrad Coach' : `${first} ${COACH_LAST[i]}`, organisation: i % 7 === 6 ? 'freiberuflich (Pool Institut B3)' : 'Institut B3',
    email: i === 0 ? 'coach@institut-b3.demo' : '', userId: i === 0 ? coachUser : null,
    competencies: g.some(TOPICS, 2, 4), regions: i % 5 === 0 ? [] : g.some(districtIds, 1, 3), capacity: g.int(2, 4),
  }))).returning({ id: coaches.id });
  const coachIds = coachRows.map((c) => c.id);
  const eligibleCoaching = [...agreementOf.entries()].filter(([ags, on]) => on <= '2022-05-31' && ags !== DIPPOLDISWALDE && ags !== SCHWARZENBERG);
  const startedBy = g.shuffle(eligibleCoaching).slice(0, 36);
  const processes: { ags: string; requestedOn: string; startedOn: string | null; status: string; endedOn: string | null; coach: string | null; topics: string[]; reason: string; coacheeUserId?: string | null }[] = [];
  for (const [ags, on] of startedBy) {
    const startedOn = g.day(addDays(on, 21) < '2022-07-22' ? addDays(on, 21) : on, '2022-07-22');
    const requestedOn = g.day(on, startedOn);
    const completed = startedOn < '2021-09-01';
    processes.push({ ags, requestedOn, startedOn, status: completed ? 'completed' : 'running', endedOn: completed ? g.day(addDays(startedOn, 120), addDays(startedOn, 330)) : null, coach: g.pick(coachIds.slice(1)), topics: g.some(TOPICS, 1, 3), reason: 'Aufbau kommunaler Präventionsstrukturen mit externer Begleitung.' });
  }
  processes.push({ ags: DIPPOLDISWALDE, requestedOn: '2021-11-15', startedOn: '2022-02-15', status: 'running', endedOn: null, coach: coachIds[3]!, topics: ['youth', 'vandalism'], reason: 'Begleitung der Koordinierungsstelle für den Sicherheitskreis und des Jugendprojekts »Rückzugsort«.' });
  processes.push({ ags: SCHWARZENBERG, requestedOn: '2022-01-12', startedOn: '2022-03-10', status: 'running', endedOn: null, coach: coachIds[0]!, topics: ['structures'], reason: 'Aufbau der Koordinierungsstelle und Konstituierung des Kommunalen Präventionsrates.', coacheeUserId: coordinator });
  const laterPool = [...agreementOf.keys()].filter((a) => a !== SCHWARZENBERG);
  for (let i = 0; i < 10; i++) {
    const startedOn = g.day('2022-08-01', '2025-10-31');
    processes.push({ ags: g.pick(laterPool), requestedOn: addDays(startedOn, -g.int(20, 60)), startedOn, status: startedOn < '2024-12-01' ? 'completed' : 'running', endedOn: startedOn < '2024-12-01' ? addDays(startedOn, g.int(150, 320)) : null, coach: g.pick(coachIds), topics: g.some(TOPICS, 1, 3), reason: 'Begleitung bei der Umsetzung der Handlungsempfehlungen.' });
  }
  processes.push({ ags: g.pick(laterPool), requestedOn: '2025-11-03', startedOn: null, status: 'requested', endedOn: null, coach: null, topics: ['public_space'], reason: 'Konflikte auf dem Marktplatz in den Abendstunden.' });
  processes.push({ ags: SILBERBERG[2]!, requestedOn: '2025-10-20', startedOn: null, status: 'cancelled', endedOn: '2025-11-05', coach: null, topics: ['litter'], reason: 'Vermüllung an Containerstandorten.' });
  const insertedProcesses = await db.insert(coachingProcesses).values(processes.map((p) => ({
    ags: p.ags, status: p.status, requestedOn: p.requestedOn, requestedBy: referentin, reason: p.reason, topics: p.topics, coachId: p.coach,
    coacheeUserId: p.coacheeUserId ?? null, coacheeName: p.coacheeUserId ? '' : 'Koordinator/in der Kommune',
    matchedOn: p.coach && p.startedOn ? maxDate(p.requestedOn, addDays(p.startedOn, -g.int(7, 20))) : null, startedOn: p.startedOn, endedOn: p.endedOn,
    endNote: p.status === 'completed' ? 'Ziele weitgehend erreicht; Strukturen arbeiten selbstständig weiter.' : p.status === 'cancelled' ? 'Anliegen durch das Ordnungsamt gelöst.' : '',
  }))).returning({ id: coachingProcesses.id });
  const sessions: (typeof coachingSessions.$inferInsert)[] = [];
  const feedback: (typeof coachingFeedback.$inferInsert)[] = [];
  processes.forEach((p, i) => {
    if (!p.startedOn) return;
    const id = insertedProcesses[i]!.id;
    const until = p.endedOn ?? (p.startedOn < '2025-06-01' ? addDays(p.startedOn, 300) : '2025-11-28');
    const n = g.int(2, 6);
    for (let k = 0; k < n; k++) {
      sessions.push({ processId: id, heldOn: k === 0 ? p.startedOn : g.day(p.startedOn, until), participants: 'Koordinator/in, Coach' + (g.next() < 0.5 ? ', Vertreter/in der Polizei' : ''), topics: p.topics.slice(0, 2), notes: 'Stand der Umsetzung besprochen.', nextSteps: g.pick(['Akteursliste ergänzen', 'Entwurf der Geschäftsordnung vorbereiten', 'Ergebnisse im Stadtrat vorstellen', 'Jugendliche beteiligen']), createdBy: coachUser });
    }
    if (p.status === 'completed' && g.next() < 0.8) feedback.push({ processId: id, goalsReached: g.int(3, 5), satisfaction: g.int(3, 5), wouldRecommend: g.next() < 0.9, comment: 'Hilfreiche Begleitung.' });
  });
  await db.insert(coachingSessions).values(sessions);
  if (feedback.length) await db.insert(coachingFeedback).values(feedback);

  // --- The seed documents' agreements, through the use cases (draft → agreed → signed) ---
  await seedDocumentAgreements(db, sys);

  await recordAudit(db, sys, { action: 'demo.seeded', entityType: 'alliance', entityId: 'demo', after: {
    consultations: consultationRows.length, agreements: agreementsPlanned.length + 4, milestones: milestones.length, coaches: coachRows.length, coachingProcesses: processes.length,
  } });
  ctx.log(`demo alliance: ${consultationRows.length} consultations, ${agreementsPlanned.length + 4} agreements, ${processes.length} coaching processes, ${milestones.length} milestones`);
}

/** Dippoldiswalde (01.11.2021), Städtebund Silberberg and Schwarzenberg (17.12.2021), Göltzschtal (22.07.2022). */
async function seedDocumentAgreements(db: Db, sys: ReturnType<typeof systemContext>) {
  const groupId = async (name: string) => (await db.select({ id: communeGroups.id }).from(communeGroups).where(eq(communeGroups.name, name)))[0]!.id;
  const lpr = (name: string, office: string): Signatory => ({ party: 'lpr', name, office });
  const police = (name: string, office: string): Signatory => ({ party: 'police', name, office });
  const commune = (ags: string, name: string, office: string): Signatory => ({ party: 'commune', ags, name, office });
  const docs = [
    {
      kind: 'cooperation' as const, subjectAgs: DIPPOLDISWALDE, groupId: null, signedOn: '2021-11-01', signedPlace: 'Dippoldiswalde', modules: ['coordination_office', 'coaching', 'safety_analysis'], topics: ['vandalism', 'youth', 'structures'],
      signatories: [commune(DIPPOLDISWALDE, 'Kerstin Körner', 'Oberbürgermeisterin'), police('Peter Langer', 'Leitender Polizeidirektor, stellv. Dienststellenleiter der Polizeidirektion Dresden'), lpr('Torsten Kosuch', 'Landespräventionsrat Sachsen')],
      goals: ['Bündelung der lokalen Akteure (Stadtverwaltung, Polizei, THW, Feuerwehr, Krankenhaus, Diakonie) zu einer ganzheitlichen Präventionsstrategie', 'Stärkung des Sicherheitsempfindens der Menschen in Dippoldiswalde'],
      measures: ['Einrichtung einer Koordinierungsstelle für den »Sicherheitskreis«', 'Jugendprojekt: ein »Rückzugsort« für Jugendliche', 'Vandalismus-Schäden an den Raststätten der Wanderwege minimieren', 'Projekte mit ASSKomm-Coaching und anhand einer Sicherheitsanalyse erarbeiten'],
    },
    {
      kind: 'cooperation' as const, subjectAgs: null, groupId: await groupId('Städtebund Silberberg'), signedOn: '2021-12-17', signedPlace: 'Schwarzenberg/Erzgeb.', modules: ['safety_analysis'], topics: ['safety_feeling', 'structures'],
      signatories: [
        commune('14521550', 'Ruben Gerhart', 'Oberbürgermeister'), commune('14521035', 'Heinrich Kohl', 'Oberbürgermeister'), commune('14521530', 'Ingo Seifert', 'Bürgermeister'),
        commune('14521355', 'Thomas Kunzmann', 'Bürgermeister'), commune('14521370', 'Alexander Troll', 'Bürgermeister'),
        police('Carsten Kaempf', 'Polizeipräsident der Polizeidirektion Chemnitz'), lpr('Sven Forkert', 'Geschäftsführer des Landespräventionsrates Sachsen'),
      ],
      goals: ['Sicherheitsanalyse für die einzelnen Städte des Städtebundes', 'Vorhandene präventive Strukturen stärken und an den Ergebnissen ausrichten', 'Intensivere interkommunale Zusammenarbeit im Städtebund'],
      measures: ['Teilnahme an einer vom Landespräventionsrat finanzierten Sicherheitsanalyse (2022)', 'Auf den Ergebnissen aufbauende, für den Städtebund zugeschnittene Maßnahmen'],
    },
    {
      kind: 'cooperation' as const, subjectAgs: SCHWARZENBERG, groupId: null, signedOn: '2021-12-17', signedPlace: 'Schwarzenberg/Erzgeb.', modules: ['coordination_office', 'council_setup', 'coaching'], topics: ['structures'],
      signatories: [commune(SCHWARZENBERG, 'Ruben Gerhart', 'Oberbürgermeister'), police('Carsten Kaempf', 'Polizeipräsident der Polizeidirektion Chemnitz'), lpr('Sven Forkert', 'Geschäftsführer des Landespräventionsrates Sachsen')],
      goals: ['Präventionstätigkeiten bündeln und Beteiligte aus Verwaltung, Polizei und Gesellschaft vernetzen', 'Der negativen Entwicklung im Stadtgebiet entgegenwirken'],
      measures: ['Einrichtung einer Koordinierungsstelle', 'Konstituierung eines Kommunalen Präventionsrates', 'Begleitung durch individuelles Coaching; Etablierung wirkungsvoller Projekte'],
    },
    {
      kind: 'cooperation' as const, subjectAgs: null, groupId: await groupId('Göltzschtal'), signedOn: '2022-07-22', signedPlace: 'Rodewisch (Ratssaal)', modules: ['safety_analysis', 'council_setup'], topics: ['vandalism', 'hate_speech', 'drugs'],
      signatories: [
        commune('14523360', 'Kerstin Schöniger', 'Bürgermeisterin'), commune('14523020', 'N. N.', 'Oberbürgermeister/in'), commune('14523170', 'N. N.', 'Bürgermeister/in'),
        police('Grit Blöse', 'Kriminaldirektorin, Polizeidirektion Zwickau'), lpr('N. N.', 'Landespräventionsrat Sachsen'),
      ],
      goals: ['Gemeinsame Prävention im Göltzschtal über Gemarkungsgrenzen hinweg', 'Gefährdungspotenziale mit einer Sicherheitsanalyse erkennen und gezielt reagieren'],
      measures: ['Bildung eines Kommunalen Präventionsrates mit den Akteuren vor Ort', 'Verknüpfung mit der Landesstrategie »Prävention im Team« über Schulen und Jugendtreffs', 'Bürgergespräche am Rande von Festen und mit Vereinen als Seismographen'],
    },
  ];
  for (const d of docs) {
    const draft = await createAgreement(db, sys, { ...d, modules: d.modules as AgreementModule[], title: '', policeDirectorateId: null, policeUnit: null, sections: undefined });
    const agreed = await transitionAgreement(db, sys, draft.id, { action: 'agree', version: draft.version });
    await transitionAgreement(db, sys, draft.id, { action: 'sign', version: agreed.version, signedOn: d.signedOn });
  }
}
