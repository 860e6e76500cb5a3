import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { checkAnswers, toSurveyJson, type Definition } from './questionnaire-definition.js';
import { STANDARD_ITEMS } from './standard-items.js';

const item = (code: string) => ({ code, source: 'bank' as const, itemVersion: 1, content: STANDARD_ITEMS.find((i) => i.code === code)! });
const definition: Definition = {
  title: { de: 'Bürgerbefragung Schwarzenberg', en: 'Citizen survey Schwarzenberg' }, intro: { de: 'Danke!', en: 'Thank you!' },
  pages: [{ title: { de: 'Sicherheit', en: 'Safety' }, questions: [item('AF01'), item('PS01'), item('IN01'), item('FP01')] },
    { title: { de: 'Zur Person', en: 'About you' }, questions: [item('ME01'), item('ME02'), item('SD03')] }],
  districts: ['Altstadt', 'Sonnenleithe', 'Heide'], bbox: [12.7, 50.5, 12.9, 50.6],
};

describe('questionnaire definition', () => {
  it('renders SurveyJS JSON that the form library loads, in German and English', () => {
    const json = toSurveyJson(definition);
    const model = new Model(json);
    expect(model.getAllQuestions().map((q) => q.name)).toEqual(['AF01', 'PS01', 'IN01', 'ME01', 'ME02', 'SD03']);
    const af = model.getQuestionByName('AF01');
    expect(af.title).toBe('Wie sicher fühlen Sie sich, wenn Sie nachts allein in Ihrer Wohngegend unterwegs sind?');
    model.locale = 'en';
    expect(af.title).toBe('How safe do you feel walking alone in your neighbourhood at night?');
    const ps = json.pages[0]!.elements[1] as { columns: { value: number }[]; rows: { value: string }[] };
    expect(ps.columns.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 9]);
    expect(ps.rows.map((r) => r.value)).toEqual(['PS01_a', 'PS01_b', 'PS01_c', 'PS01_d']);
    expect(json.pages[0]!.elements[3]).toMatchObject({ type: 'fearplaces', maxPlaces: 5, bbox: [12.7, 50.5, 12.9, 50.6] });
  });

  it('accepts answers on the scale and names every bad one', () => {
    expect(checkAnswers(definition, {
      AF01: 2, PS01: { PS01_a: 1, PS01_d: 9 }, IN01: { IN01_b: 4 }, ME01: [1, 3], ME02: 'Mehr Licht am Bahnhof', SD03: 2,
      FP01: [{ lat: 50.55, lon: 12.78, reason: 1, time: 2 }],
    })).toEqual([]);
    const errors = checkAnswers(definition, {
      AF01: 7, PS01: { PS01_z: 1, PS01_a: 6 }, ME01: [1, 1], SD03: 9, XX99: 1,
      FP01: [{ lat: 51.5, lon: 14, reason: 1, time: 2 }, { lat: 50.55, lon: 12.78, reason: 99, time: 2 }],
    });
    expect(errors.map((e) => e.field)).toEqual(['AF01', 'PS01.PS01_z', 'PS01.PS01_a', 'ME01', 'SD03', 'XX99', 'FP01.1', 'FP01.2']);
    expect(checkAnswers(definition, { FP01: Array(6).fill({ lat: 50.55, lon: 12.78, reason: 1, time: 1 }) })[0]!.message).toBe('Bitte höchstens 5 Orte markieren.');
    expect(checkAnswers(definition, { FP01: [{ note: 'Unterführung am Bahnhof', reason: 1, time: 2 }] })).toEqual([]);
    expect(checkAnswers(definition, { FP01: [{ reason: 1, time: 2 }] })[0]!.message).toBe('Ort 1: Bitte auf der Karte markieren oder beschreiben.');
  });
});
