import { describe, expect, it } from 'vitest';
import { communesParty, officialGroupName, officialName } from '../official-name.js';

describe('official names from the registry fields', () => {
  it('puts the designation before the name and drops additions such as "Motorradstadt"', () => {
    expect(officialName({ name: 'Zschopau, Stadt, Motorradstadt', type: 'Stadt' })).toEqual({
      name: 'Stadt Zschopau', nominative: 'die Stadt Zschopau', genitive: 'der Stadt Zschopau', dative: 'der Stadt Zschopau', plural: false,
    });
    expect(officialName({ name: 'Chemnitz, Stadt', type: 'Kreisfreie Stadt' }).name).toBe('Stadt Chemnitz');
    expect(officialName({ name: 'Gornau/Erzgeb.', type: 'Gemeinde' }).genitive).toBe('der Gemeinde Gornau/Erzgeb.');
    expect(officialName({ name: 'Oberwiesenthal, Kurort, Stadt', type: 'Stadt' }).name).toBe('Stadt Kurort Oberwiesenthal');
    expect(officialName({ name: 'Seiffen/Erzgeb., Kurort', type: 'Gemeinde' }).name).toBe('Gemeinde Kurort Seiffen/Erzgeb.');
    expect(officialName({ name: 'Weißwasser/O.L., Stadt / Běła Woda', type: 'Stadt' }).name).toBe('Stadt Weißwasser/O.L. / Běła Woda');
    expect(officialName({ name: 'Musterhausen', type: 'Markt' })).toMatchObject({ nominative: 'der Markt Musterhausen', genitive: 'des Marktes Musterhausen' });
  });

  it('declines a group by the noun its name starts or ends with, else by its kind', () => {
    expect(officialGroupName({ name: 'Zschopautal-Verbund', kind: 'Region' })).toMatchObject({ nominative: 'der Zschopautal-Verbund', genitive: 'des Zschopautal-Verbunds' });
    expect(officialGroupName({ name: 'Städtebund Silberberg', kind: 'Städtebund' })).toMatchObject({ nominative: 'der Städtebund Silberberg', genitive: 'des Städtebundes Silberberg' });
    expect(officialGroupName({ name: 'Verwaltungsverband Wildenstein', kind: 'Gemeindeverband' }).genitive).toBe('des Verwaltungsverbandes Wildenstein');
    expect(officialGroupName({ name: 'Göltzschtal', kind: 'Region' })).toMatchObject({ name: 'Region Göltzschtal', genitive: 'der Region Göltzschtal' });
    expect(officialGroupName({ name: 'Kleeblatt Erzgebirge', kind: 'Sonstige' }).genitive).toBe('der Gruppe Kleeblatt Erzgebirge');
  });

  it('names a group’s communes as one party, with and without the member list', () => {
    const party = communesParty([{ name: 'Gornau/Erzgeb.', type: 'Gemeinde' }, { name: 'Zschopau, Stadt, Motorradstadt', type: 'Stadt' }], { name: 'Zschopautal-Verbund', kind: 'Region' });
    expect(party.nominative).toBe('die Kommunen des Zschopautal-Verbunds (Gemeinde Gornau/Erzgeb. und Stadt Zschopau)');
    expect(party.short.genitive).toBe('der Kommunen des Zschopautal-Verbunds');
    const towns = communesParty([{ name: 'Lößnitz, Stadt', type: 'Stadt' }, { name: 'Schneeberg, Stadt', type: 'Stadt' }], { name: 'Städtebund Silberberg', kind: 'Städtebund' });
    expect(towns.nominative).toBe('die Städte des Städtebundes Silberberg (Stadt Lößnitz und Stadt Schneeberg)');
    expect(towns.short.dative).toBe('den Städten des Städtebundes Silberberg');
  });
});
