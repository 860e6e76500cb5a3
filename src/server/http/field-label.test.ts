import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, labelledDetail } from './field-label.js';
import { labelled, ZDate } from './zod.js';

const ZTask = labelled(z.object({ title: labelled(z.string(), 'Bezeichnung'), dueOn: labelled(ZDate, 'Fällig am') }), 'Aufgabe');
const ZForm = z.object({
  heldOn: labelled(ZDate, 'Datum'),
  communes: labelled(z.array(labelled(z.string(), 'Kommune')).min(1), 'Kommunen'),
  tasks: labelled(z.array(ZTask).default([]), 'Folgeaufgaben'),
  secret: z.string().optional(),
  version: z.number(),
});

describe('field labels in problems', () => {
  it('names nested and array fields by their labels', () => {
    expect(fieldLabel(ZForm, ['tasks', 0, 'dueOn'])).toBe('Aufgabe 1: Fällig am');
    expect(fieldLabel(ZForm, ['tasks', '2', 'title'])).toBe('Aufgabe 3: Bezeichnung');
    expect(fieldLabel(ZForm, ['communes'])).toBe('Kommunen');
    expect(fieldLabel(ZForm, ['communes', 1])).toBe('Kommune 2');
    expect(fieldLabel(ZForm, ['version'])).toBe('Version');
  });
  it('gives no label (rather than an internal name) for unlabelled fields', () => {
    expect(fieldLabel(ZForm, ['secret'])).toBeUndefined();
    expect(fieldLabel(ZForm, ['unknown', 0])).toBeUndefined();
    expect(labelledDetail(undefined, 'Bitte angeben.')).toBe('Bitte angeben.');
    expect(labelledDetail('Datum', 'Bitte angeben.')).toBe('Datum: Bitte angeben.');
  });
  it('leaves a shared primitive unlabelled', () => {
    expect(fieldLabel(z.object({ d: ZDate }), ['d'])).toBeUndefined();
  });
});
