/**
 * The standard items of the Saxon security analyses (domain.md, "The Sicherheitsanalyse"), in German and
 * English. Codes are stable: analyses compare them across towns and years. Item content is versioned in
 * the database; this file is the first version of each.
 */
import type { TItemContent, TScaleValue, TText } from './surveys.types.js';

export type Text = TText;
export type ScaleValue = TScaleValue;
export type ItemContent = TItemContent;
export interface StandardItem extends ItemContent { code: string }

export const DIMENSIONS: Record<string, Text> = {
  affective_fear: { de: 'Affektive Kriminalitätsfurcht', en: 'Affective fear of crime' },
  cognitive_fear: { de: 'Kognitive Kriminalitätsfurcht', en: 'Cognitive fear of crime' },
  conative_fear: { de: 'Konative Kriminalitätsfurcht (Schutz- und Vermeideverhalten)', en: 'Conative fear of crime (avoidance and protection)' },
  place_safety: { de: 'Sicherheit an Orten', en: 'Safety in places' },
  incivilities: { de: 'Incivilities (Zeichen von Unordnung)', en: 'Incivilities (signs of disorder)' },
  fear_places: { de: 'Angsträume', en: 'Places where people feel unsafe' },
  victimisation: { de: 'Opfererfahrungen und Anzeigeverhalten', en: 'Victimisation and reporting' },
  trust: { de: 'Vertrauen in Institutionen', en: 'Trust in institutions' },
  satisfaction: { de: 'Zufriedenheit mit der Gemeinde', en: 'Satisfaction with the commune' },
  measures: { de: 'Wünsche für Maßnahmen', en: 'Wishes for measures' },
  demographics: { de: 'Angaben zur Person', en: 'About you' },
};

/**
 * The headings respondents read above each topic's page: plain words, not the analytic dimension (which
 * stays with the item in the bank and in the findings).
 */
export const SECTION_TITLES: Record<string, Text> = {
  affective_fear: { de: 'Wie sicher fühlen Sie sich?', en: 'How safe do you feel?' },
  cognitive_fear: { de: 'Wie wahrscheinlich ist es, dass Ihnen etwas passiert?', en: 'How likely is it that something will happen to you?' },
  conative_fear: { de: 'Was tun Sie, um sich zu schützen?', en: 'What do you do to protect yourself?' },
  place_safety: { de: 'Wie sicher fühlen Sie sich an diesen Orten?', en: 'How safe do you feel in these places?' },
  incivilities: { de: 'Probleme in Ihrer Wohngegend', en: 'Problems in your neighbourhood' },
  fear_places: { de: 'Orte, an denen Sie sich unsicher fühlen', en: 'Places where you feel unsafe' },
  victimisation: { de: 'Was Ihnen passiert ist', en: 'What has happened to you' },
  trust: { de: 'Wem vertrauen Sie?', en: 'Whom do you trust?' },
  satisfaction: { de: 'Leben in Ihrer Gemeinde', en: 'Living in your town' },
  measures: { de: 'Was sollte sich ändern?', en: 'What should change?' },
  demographics: { de: 'Zum Schluss: Angaben zu Ihrer Person', en: 'Finally: about you' },
};
/** A topic's heading for respondents (a custom dimension without one gets a neutral heading). */
export const sectionTitle = (dimension: string): Text => SECTION_TITLES[dimension] ?? { de: 'Weitere Fragen', en: 'More questions' };

const v = (value: number, de: string, en: string): ScaleValue => ({ value, label: { de, en } });
const rows = (code: string, list: [string, string][]) => list.map(([de, en], i) => ({ code: `${code}_${String.fromCharCode(97 + i)}`, label: { de, en } }));
const YES_NO = [v(1, 'ja', 'yes'), v(0, 'nein', 'no')];
const SAFE4 = [v(1, 'sehr sicher', 'very safe'), v(2, 'ziemlich sicher', 'fairly safe'), v(3, 'ziemlich unsicher', 'fairly unsafe'), v(4, 'sehr unsicher', 'very unsafe')];
const SAFE5 = [v(1, 'sehr sicher', 'very safe'), v(2, 'eher sicher', 'rather safe'), v(3, 'teils/teils', 'partly'), v(4, 'eher unsicher', 'rather unsafe'), v(5, 'sehr unsicher', 'very unsafe')];
const PROBLEM4 = [v(1, 'kein Problem', 'no problem'), v(2, 'kleines Problem', 'a small problem'), v(3, 'ziemliches Problem', 'a fairly big problem'), v(4, 'großes Problem', 'a big problem')];
const TRUST5 = [v(1, 'überhaupt kein Vertrauen', 'no trust at all'), v(2, 'wenig Vertrauen', 'little trust'), v(3, 'teils/teils', 'partly'), v(4, 'großes Vertrauen', 'much trust'), v(5, 'sehr großes Vertrauen', 'very much trust')];
const base = { notApplicable: null, rows: [] as StandardItem['rows'] };

export const STANDARD_ITEMS: StandardItem[] = [
  { ...base, code: 'AF01', dimension: 'affective_fear', kind: 'single', scale: SAFE4,
    wording: { de: 'Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?', en: 'How safe do you feel walking alone in your neighbourhood at night?' } },
  { ...base, code: 'CF01', dimension: 'cognitive_fear', kind: 'single',
    scale: [v(1, 'nie', 'never'), v(2, 'selten', 'rarely'), v(3, 'manchmal', 'sometimes'), v(4, 'oft', 'often'), v(5, 'sehr oft', 'very often')],
    wording: { de: 'Wie oft denken Sie daran, selbst Opfer einer Straftat zu werden?', en: 'How often do you think about becoming a victim of a crime yourself?' } },
  { ...base, code: 'CF02', dimension: 'cognitive_fear', kind: 'single',
    scale: [v(1, 'sehr unwahrscheinlich', 'very unlikely'), v(2, 'eher unwahrscheinlich', 'rather unlikely'), v(3, 'eher wahrscheinlich', 'rather likely'), v(4, 'sehr wahrscheinlich', 'very likely')],
    wording: { de: 'Für wie wahrscheinlich halten Sie es, in den nächsten zwölf Monaten in Ihrer Wohngegend Opfer einer Straftat zu werden?', en: 'How likely do you think it is that you will become a victim of a crime in your neighbourhood in the next twelve months?' } },
  { ...base, code: 'CN01', dimension: 'conative_fear', kind: 'matrix', scale: YES_NO,
    wording: { de: 'Haben Sie in den letzten zwölf Monaten aus Sorge vor Kriminalität …', en: 'In the last twelve months, out of concern about crime, have you …' },
    rows: rows('CN01', [['bestimmte Orte oder Straßen gemieden?', 'avoided certain places or streets?'], ['sich abends begleiten oder abholen lassen?', 'had someone accompany or collect you in the evening?'],
      ['abends nicht mehr allein das Haus verlassen?', 'stopped going out alone in the evening?'], ['etwas zur Abwehr bei sich getragen?', 'carried something to defend yourself?']]) },
  { ...base, code: 'PS01', dimension: 'place_safety', kind: 'matrix', scale: SAFE5, notApplicable: v(9, 'nutze ich nicht', 'I do not go there'),
    wording: { de: 'Wie sicher fühlen Sie sich an den folgenden Orten?', en: 'How safe do you feel in the following places?' },
    rows: rows('PS01', [['in Ihrem Stadtteil bzw. Ortsteil', 'in your part of town'], ['in der Innenstadt bzw. im Ortszentrum', 'in the town centre'],
      ['in Parks und Grünanlagen', 'in parks and green spaces'], ['in Bussen, Bahnen und an Haltestellen', 'on buses, trains and at stops']]) },
  { ...base, code: 'IN01', dimension: 'incivilities', kind: 'matrix', scale: PROBLEM4,
    wording: { de: 'Wie sehr sind die folgenden Dinge in Ihrer Wohngegend ein Problem?', en: 'How much of a problem are the following in your neighbourhood?' },
    rows: rows('IN01', [['herumliegender Müll', 'litter'], ['Graffiti', 'graffiti'], ['Sachbeschädigung, Vandalismus', 'damage to property, vandalism'], ['Betrunkene', 'drunk people'],
      ['Drogenkonsum', 'drug use'], ['rücksichtsloses Fahren', 'reckless driving'], ['falsch oder behindernd parkende Fahrzeuge', 'badly parked vehicles'], ['herumstehende Gruppen', 'groups hanging around']]) },
  { ...base, code: 'FP01', dimension: 'fear_places', kind: 'fearplaces', scale: [],
    wording: { de: 'Gibt es Orte in Ihrer Gemeinde, an denen Sie sich unsicher fühlen? Sie können bis zu fünf Orte auf der Karte markieren.', en: 'Are there places in your town where you feel unsafe? You can mark up to five places on the map.' } },
  { ...base, code: 'VI01', dimension: 'victimisation', kind: 'matrix', scale: YES_NO,
    wording: { de: 'Ist Ihnen in den letzten zwölf Monaten in Ihrer Gemeinde Folgendes passiert?', en: 'Has any of the following happened to you in your town in the last twelve months?' },
    rows: rows('VI01', [['Einbruch in Wohnung oder Haus', 'burglary of your home'], ['Fahrraddiebstahl', 'bicycle theft'], ['Diebstahl anderer Sachen', 'theft of other things'],
      ['Beschädigung Ihres Eigentums', 'damage to your property'], ['Körperverletzung', 'assault'], ['Bedrohung', 'threats'], ['Betrug, auch im Internet', 'fraud, also online'], ['sexuelle Belästigung', 'sexual harassment']]) },
  { ...base, code: 'VI02', dimension: 'victimisation', kind: 'single', scale: YES_NO, notApplicable: v(9, 'trifft nicht zu', 'does not apply'),
    wording: { de: 'Haben Sie die letzte dieser Taten bei der Polizei angezeigt?', en: 'Did you report the most recent of these incidents to the police?' } },
  { ...base, code: 'TR01', dimension: 'trust', kind: 'matrix', scale: TRUST5,
    wording: { de: 'Wie viel Vertrauen haben Sie in die folgenden Einrichtungen?', en: 'How much do you trust the following institutions?' },
    rows: rows('TR01', [['Polizei', 'the police'], ['Ordnungsamt', 'the public order office']]) },
  { ...base, code: 'SA01', dimension: 'satisfaction', kind: 'single',
    scale: [v(1, 'sehr unzufrieden', 'very dissatisfied'), v(2, 'eher unzufrieden', 'rather dissatisfied'), v(3, 'teils/teils', 'partly'), v(4, 'eher zufrieden', 'rather satisfied'), v(5, 'sehr zufrieden', 'very satisfied')],
    wording: { de: 'Wie zufrieden sind Sie insgesamt damit, in Ihrer Gemeinde zu leben?', en: 'Overall, how satisfied are you with living in your town?' } },
  { ...base, code: 'ME01', dimension: 'measures', kind: 'multi',
    scale: [v(1, 'mehr Polizeistreifen', 'more police patrols'), v(2, 'mehr Kontrollen durch das Ordnungsamt', 'more checks by the public order office'), v(3, 'bessere Beleuchtung', 'better lighting'),
      v(4, 'mehr Sauberkeit', 'more cleanliness'), v(5, 'Angebote für Jugendliche', 'activities for young people'), v(6, 'Nachbarschaftshilfe', 'neighbourhood help'),
      v(7, 'Verkehrsberuhigung', 'traffic calming'), v(8, 'Videoüberwachung an Brennpunkten', 'CCTV at hot spots')],
    wording: { de: 'Welche Maßnahmen würden Ihr Sicherheitsgefühl verbessern? (Mehrfachnennung möglich)', en: 'Which measures would make you feel safer? (Choose any)' } },
  { ...base, code: 'ME02', dimension: 'measures', kind: 'text', scale: [],
    wording: { de: 'Was sollte Ihre Gemeinde aus Ihrer Sicht als Erstes tun?', en: 'What should your town do first, in your view?' } },
  { ...base, code: 'SD01', dimension: 'demographics', kind: 'single',
    scale: [v(1, '16 bis 24 Jahre', '16 to 24'), v(2, '25 bis 34 Jahre', '25 to 34'), v(3, '35 bis 44 Jahre', '35 to 44'), v(4, '45 bis 54 Jahre', '45 to 54'),
      v(5, '55 bis 64 Jahre', '55 to 64'), v(6, '65 bis 74 Jahre', '65 to 74'), v(7, '75 Jahre und älter', '75 and over')],
    wording: { de: 'Wie alt sind Sie?', en: 'How old are you?' } },
  { ...base, code: 'SD02', dimension: 'demographics', kind: 'single', scale: [v(1, 'weiblich', 'female'), v(2, 'männlich', 'male'), v(3, 'divers', 'diverse')],
    wording: { de: 'Welches Geschlecht haben Sie?', en: 'What is your sex?' } },
  { ...base, code: 'SD03', dimension: 'demographics', kind: 'district', scale: [],
    wording: { de: 'In welchem Ortsteil wohnen Sie?', en: 'Which part of town do you live in?' } },
  { ...base, code: 'SD04', dimension: 'demographics', kind: 'single',
    scale: [v(1, 'allein', 'alone'), v(2, 'mit Partnerin oder Partner', 'with a partner'), v(3, 'mit Kindern', 'with children'), v(4, 'mit Partner/in und Kindern', 'with a partner and children'), v(5, 'anders', 'other')],
    wording: { de: 'Mit wem leben Sie in Ihrem Haushalt?', en: 'Who do you live with?' } },
  { ...base, code: 'SD05', dimension: 'demographics', kind: 'single',
    scale: [v(1, 'weniger als 2 Jahre', 'less than 2 years'), v(2, '2 bis 5 Jahre', '2 to 5 years'), v(3, '6 bis 10 Jahre', '6 to 10 years'), v(4, 'mehr als 10 Jahre', 'more than 10 years')],
    wording: { de: 'Wie lange wohnen Sie schon in Ihrer Gemeinde?', en: 'How long have you lived in your town?' } },
];

/** Reasons and times of day for a marked place (Angstraum). */
export const FEAR_PLACE_REASONS: ScaleValue[] = [
  v(1, 'schlecht beleuchtet', 'poorly lit'), v(2, 'unübersichtlich', 'hard to see around'), v(3, 'Menschen, die mir Angst machen', 'people who frighten me'),
  v(4, 'Müll, Graffiti, Zerstörung', 'litter, graffiti, damage'), v(5, 'eigene schlechte Erfahrung', 'own bad experience'), v(6, 'menschenleer', 'deserted'), v(7, 'anderer Grund', 'other reason'),
];
export const FEAR_PLACE_TIMES: ScaleValue[] = [v(1, 'tagsüber', 'during the day'), v(2, 'abends und nachts', 'in the evening and at night'), v(3, 'immer', 'always')];
export const MAX_FEAR_PLACES = 5;
