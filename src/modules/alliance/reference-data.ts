import type { SeedContext } from '../../server/modules.js';
import { agreementTemplates, fieldsOfAction, modelCommunes, type AgreementSection } from './schema.js';

/** Handlungsfelder named in the press releases and the Chemnitz report, plus common ones. */
export const FIELDS_OF_ACTION: { id: string; label: string }[] = [
  { id: 'graffiti', label: 'Graffiti/Sachbeschädigung' },
  { id: 'litter', label: 'Vermüllung' },
  { id: 'violence', label: 'Gewalt' },
  { id: 'extremism', label: 'Extremismus' },
  { id: 'drugs', label: 'Drogen/Sucht' },
  { id: 'hate_speech', label: 'Hate Speech' },
  { id: 'vandalism', label: 'Vandalismus' },
  { id: 'public_space', label: 'Konfliktmanagement im öffentlichen Raum' },
  { id: 'youth', label: 'Kinder- und Jugendschutz' },
  { id: 'domestic_violence', label: 'Häusliche Gewalt' },
  { id: 'burglary', label: 'Wohnungseinbruch' },
  { id: 'fraud_elderly', label: 'Betrug an Seniorinnen und Senioren' },
  { id: 'traffic', label: 'Verkehrssicherheit' },
  { id: 'safety_feeling', label: 'Sicherheitsgefühl und Angsträume' },
  { id: 'structures', label: 'Kommunale Präventionsstrukturen (KPR, Koordinierung)' },
];

export const AGREEMENT_MODULES = ['coaching', 'safety_analysis', 'funding', 'training', 'council_setup', 'coordination_office'] as const;
export type AgreementModule = (typeof AGREEMENT_MODULES)[number];
export const MODULE_LABELS: Record<AgreementModule, string> = {
  coaching: 'Coaching', safety_analysis: 'Sicherheitsanalyse', funding: 'Förderung', training: 'Fortbildung',
  council_setup: 'KPR-Aufbau', coordination_office: 'Koordinierungsstelle',
};

/** The 8 model communes of the alliance's founding (Nov 2018 / Feb 2019). */
export const MODEL_COMMUNES: { ags: string; name: string }[] = [
  { ags: '14511000', name: 'Chemnitz' }, { ags: '14628110', name: 'Freital' }, { ags: '14626110', name: 'Görlitz' },
  { ags: '14713000', name: 'Leipzig' }, { ags: '14628270', name: 'Pirna' }, { ags: '14523320', name: 'Plauen' },
  { ags: '14729410', name: 'Wurzen' }, { ags: '14524330', name: 'Zwickau' },
];
export const MODEL_SINCE = '2019-02-01';

export const DEFAULT_TEMPLATE_ID = 'kooperationsvereinbarung';
/**
 * Placeholders, filled in when an agreement is drafted: {Kommunen} (the communes as a party, with a group's
 * members: "die Stadt Zschopau"), {Kommunen:kurz} (without the member list), {Kommunen:Genitiv} ("der Stadt
 * Zschopau", "der Städte des Städtebundes Silberberg"), {Polizei} ("die Polizeidirektion Chemnitz"),
 * {Module}, and {one|several} for words that depend on whether one commune or several are party
 * ("{benennt|benennen}"). A placeholder that starts a sentence is capitalised.
 */
export const DEFAULT_TEMPLATE_SECTIONS: AgreementSection[] = [
  { key: 'vorbemerkung', title: 'Vorbemerkung', text: 'Kommunale Kriminalprävention ist eine gesamtgesellschaftliche Aufgabe. Mit der Landesstrategie »Allianz Sichere Sächsische Kommunen« (ASSKomm) unterstützt der Landespräventionsrat Sachsen die Städte und Gemeinden des Freistaates dabei, Prävention vor Ort dauerhaft zu verankern. {Kommunen}, {Polizei} und der Landespräventionsrat Sachsen schließen dazu die folgende Vereinbarung.' },
  { key: 'ziele', title: 'Ziele und Aufgaben', text: 'Ziel der Zusammenarbeit ist es, das Sicherheitsgefühl der Bürgerinnen und Bürger zu stärken, Kriminalität vorzubeugen und die vorhandenen präventiven Strukturen und Aktivitäten zu bündeln. Die Partner vereinbaren dazu die folgenden Ziele:' },
  { key: 'bestandsaufnahme', title: 'Ausgestaltung: Bestandsaufnahme', text: 'Die Partner erheben gemeinsam die Ausgangslage im Gebiet {Kommunen:Genitiv}: vorhandene Gremien und Akteure der Prävention, die polizeiliche Kriminalitätslage und, soweit vereinbart, das Sicherheitsempfinden der Bevölkerung.' },
  { key: 'aufgaben_partner', title: 'Ausgestaltung: Aufgaben der Partner', text: '{Kommunen:kurz} {benennt|benennen} {eine Ansprechperson|eine gemeinsame Ansprechperson} und {stellt|stellen} die Koordinierung vor Ort sicher. {Polizei} bringt ihre Lagekenntnis und Expertise ein und wirkt in den Gremien mit. Der Landespräventionsrat Sachsen berät, vermittelt die vereinbarten Module ({Module}) und begleitet den Prozess.' },
  { key: 'themen', title: 'Ausgestaltung: Themen', text: 'Die Zusammenarbeit konzentriert sich zunächst auf die folgenden Handlungsfelder:' },
  { key: 'massnahmen', title: 'Ausgestaltung: Maßnahmen', text: 'Als erste Maßnahmen vereinbaren die Partner:' },
  { key: 'ueberpruefung', title: 'Überprüfung', text: 'Die Partner überprüfen die Zusammenarbeit und die Wirkung der Maßnahmen jährlich gemeinsam und passen die Vereinbarung bei Bedarf an. Die Vereinbarung kann von jedem Partner mit einer Frist von drei Monaten schriftlich beendet werden.' },
];

/** Idempotent: fields of action, model communes and the agreement template (kept if edited). */
export async function seedAllianceReference(ctx: SeedContext) {
  const { db } = ctx;
  await db.insert(fieldsOfAction).values(FIELDS_OF_ACTION.map((f, i) => ({ ...f, sortOrder: (i + 1) * 10 }))).onConflictDoNothing();
  await db.insert(modelCommunes).values(MODEL_COMMUNES.map((m) => ({ ags: m.ags, since: MODEL_SINCE }))).onConflictDoNothing();
  await db.insert(agreementTemplates).values({ id: DEFAULT_TEMPLATE_ID, name: 'Muster-Kooperationsvereinbarung ASSKomm', sections: DEFAULT_TEMPLATE_SECTIONS })
    .onConflictDoNothing();
}
