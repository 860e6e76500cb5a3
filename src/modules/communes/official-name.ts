/**
 * Official names for documents. The registry (Destatis GV) writes "Zschopau, Stadt, Motorradstadt":
 * name, designation, additions. A document says "die Stadt Zschopau" / "der Stadt Zschopau".
 */

type Gender = 'f' | 'm' | 'n';
/** A noun that heads an official name, with its gender and genitive singular. */
interface Noun { word: string; gender: Gender; genitive: string }

const NOUNS: Noun[] = [
  { word: 'Stadt', gender: 'f', genitive: 'Stadt' },
  { word: 'Gemeinde', gender: 'f', genitive: 'Gemeinde' },
  { word: 'Markt', gender: 'm', genitive: 'Marktes' },
  { word: 'Städtebund', gender: 'm', genitive: 'Städtebundes' },
  { word: 'Verwaltungsverband', gender: 'm', genitive: 'Verwaltungsverbandes' },
  { word: 'Gemeindeverband', gender: 'm', genitive: 'Gemeindeverbandes' },
  { word: 'Zweckverband', gender: 'm', genitive: 'Zweckverbandes' },
  { word: 'Verband', gender: 'm', genitive: 'Verbandes' },
  { word: 'Verbund', gender: 'm', genitive: 'Verbunds' },
  { word: 'Bund', gender: 'm', genitive: 'Bundes' },
  { word: 'Verwaltungsgemeinschaft', gender: 'f', genitive: 'Verwaltungsgemeinschaft' },
  { word: 'Gemeinschaft', gender: 'f', genitive: 'Gemeinschaft' },
  { word: 'Region', gender: 'f', genitive: 'Region' },
  { word: 'Netzwerk', gender: 'n', genitive: 'Netzwerks' },
  { word: 'Gruppe', gender: 'f', genitive: 'Gruppe' },
];
const ARTICLES: Record<Gender, { nominative: string; genitive: string; dative: string }> = {
  f: { nominative: 'die', genitive: 'der', dative: 'der' },
  m: { nominative: 'der', genitive: 'des', dative: 'dem' },
  n: { nominative: 'das', genitive: 'des', dative: 'dem' },
};
/** The noun a group kind stands for, when the group's name has no head noun of its own. */
const KIND_NOUNS: Record<string, string> = {
  Städtebund: 'Städtebund', Verwaltungsgemeinschaft: 'Verwaltungsgemeinschaft', Region: 'Region', Netzwerk: 'Netzwerk',
  Gemeindeverband: 'Gemeindeverband', Verwaltungsverband: 'Verwaltungsverband',
};
const noun = (word: string) => NOUNS.find((n) => n.word === word);

/** A name with the forms a sentence needs. */
export interface OfficialName {
  /** "Stadt Zschopau": as a heading or a party label. */
  name: string;
  /** "die Stadt Zschopau" */
  nominative: string;
  /** "der Stadt Zschopau" */
  genitive: string;
  /** "der Stadt Zschopau" */
  dative: string;
  plural: boolean;
}

function declined(head: Noun, rest: string, genitiveName: string): OfficialName {
  const a = ARTICLES[head.gender];
  const name = rest ? `${head.word} ${rest}` : head.word;
  return { name, nominative: `${a.nominative} ${name}`, genitive: `${a.genitive} ${genitiveName}`, dative: `${a.dative} ${name}`, plural: false };
}

/** "Zschopau, Stadt, Motorradstadt" → "Zschopau"; "Oberwiesenthal, Kurort, Stadt" → "Kurort Oberwiesenthal". */
export function communeBaseName(registryName: string): string {
  const [base = '', ...additions] = registryName.split(',').map((s) => s.trim());
  const sorbian = additions.map((x) => /\/\s*(.+)$/.exec(x)?.[1]).find(Boolean);
  const kurort = additions.some((x) => x === 'Kurort');
  return `${kurort ? 'Kurort ' : ''}${base}${sorbian ? ` / ${sorbian}` : ''}`;
}

/**
 * A commune's official name from the registry fields: the designation by its type (Stadt, Gemeinde, Markt;
 * a kreisfreie Stadt is a Stadt), then the name; additions such as "Motorradstadt" are not part of it.
 */
export function officialName(commune: { name: string; type: string }): OfficialName {
  const head = commune.type === 'Gemeinde' ? noun('Gemeinde')! : commune.type === 'Markt' ? noun('Markt')! : noun('Stadt')!;
  const base = communeBaseName(commune.name);
  return declined(head, base, `${head.genitive} ${base}`);
}

/**
 * A group's official name: a name that starts with a known noun ("Städtebund Silberberg",
 * "Verwaltungsverband Wildenstein") or ends in one ("Zschopautal-Verbund") is declined as it is;
 * otherwise the group's kind is put in front ("Region Göltzschtal"), or "Gruppe".
 */
export function officialGroupName(group: { name: string; kind: string }): OfficialName {
  const name = group.name.trim();
  const [first = '', ...rest] = name.split(/\s+/);
  const leading = noun(first);
  if (leading) return declined(leading, rest.join(' '), [leading.genitive, ...rest].join(' '));
  if (rest.length === 0) {
    const trailing = [...NOUNS].sort((a, b) => b.word.length - a.word.length).find((n) => name.toLowerCase().endsWith(n.word.toLowerCase()));
    if (trailing && name.length > trailing.word.length) {
      const a = ARTICLES[trailing.gender];
      const genitive = `${name.slice(0, name.length - trailing.word.length)}${name.slice(name.length - trailing.word.length, name.length)}${trailing.genitive.slice(trailing.word.length)}`;
      return { name, nominative: `${a.nominative} ${name}`, genitive: `${a.genitive} ${genitive}`, dative: `${a.dative} ${name}`, plural: false };
    }
  }
  const kindNoun = noun(KIND_NOUNS[group.kind] ?? 'Gruppe')!;
  return declined(kindNoun, name, `${kindNoun.genitive} ${name}`);
}

/** "A, B und C" */
export const joinGerman = (names: string[]) => names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} und ${names.at(-1)}`;

/**
 * The communes of an agreement or document as one party: a single commune ("die Stadt Zschopau"), or a
 * group with its members ("die Kommunen des Zschopautal-Verbunds (Gemeinde Gornau/Erzgeb. und Stadt Zschopau)",
 * "die Städte des Städtebundes Silberberg (…)"). `short` leaves out the member list.
 */
export function communesParty(members: { name: string; type: string }[], group: { name: string; kind: string } | null): OfficialName & { short: OfficialName } {
  if (!group) {
    const one = officialName(members[0]!);
    return { ...one, short: one };
  }
  const g = officialGroupName(group);
  const types = new Set(members.map((m) => (m.type === 'Gemeinde' ? 'Gemeinde' : 'Stadt')));
  const plural = types.size > 1 ? 'Kommunen' : types.has('Gemeinde') ? 'Gemeinden' : 'Städte';
  const pluralDative = plural === 'Städte' ? 'Städten' : plural;
  const list = ` (${joinGerman(members.map((m) => officialName(m).name))})`;
  const short: OfficialName = { name: `${plural} ${g.genitive}`, nominative: `die ${plural} ${g.genitive}`, genitive: `der ${plural} ${g.genitive}`, dative: `den ${pluralDative} ${g.genitive}`, plural: true };
  return { name: short.name + list, nominative: short.nominative + list, genitive: short.genitive + list, dative: short.dative + list, plural: true, short };
}
