import { describe, expect, it } from 'vitest';
import { derivedStageAt, mapFlags, stageAt, stageHistory, wasAdvisedBy, type CommuneFacts } from './stages.js';

const commune = (over: Partial<CommuneFacts> = {}): CommuneFacts =>
  ({ ags: '14628060', name: 'Dippoldiswalde', model: false, consultations: [], agreements: [], coaching: [], milestones: [], ...over });

describe('participation stages', () => {
  const dippoldiswalde = commune({
    milestones: [{ kind: 'contacted', occurredOn: '2020-03-02', stage: null, amountEur: null, note: '' }],
    consultations: ['2020-06-15', '2021-05-10'],
    agreements: [{ id: 'a', kind: 'cooperation', title: 'KV', inForceSince: '2021-11-01', endedOn: null }],
    coaching: [{ id: 'c', startedOn: '2022-02-01', endedOn: null, status: 'running' }],
  });

  it('follows the recorded events: contact, consultation, agreement, module in use', () => {
    expect(derivedStageAt(dippoldiswalde, '2020-01-01')).toBeNull();
    expect(stageAt(dippoldiswalde, '2020-03-02')).toBe('contacted');
    expect(stageAt(dippoldiswalde, '2021-10-31')).toBe('advised');
    expect(stageAt(dippoldiswalde, '2021-11-01')).toBe('cooperation');
    expect(stageAt(dippoldiswalde, '2022-02-01')).toBe('active');
    expect(stageHistory(dippoldiswalde).map((h) => [h.date, h.stage])).toEqual([
      ['2020-03-02', 'contacted'], ['2020-06-15', 'advised'], ['2021-11-01', 'cooperation'], ['2022-02-01', 'active'],
    ]);
  });

  it('moves to Vorvereinbarung, and to ausgetreten when the last agreement ends', () => {
    const f = commune({ consultations: ['2020-01-10'], agreements: [{ id: 'p', kind: 'pre', title: 'VV', inForceSince: '2020-05-01', endedOn: '2021-05-01' }] });
    expect(stageAt(f, '2020-05-01')).toBe('pre_agreement');
    expect(stageAt(f, '2021-04-30')).toBe('pre_agreement');
    expect(stageAt(f, '2021-05-01')).toBe('withdrawn');
  });

  it('lets a manual correction win until the derived stage changes again', () => {
    const f = commune({
      ...dippoldiswalde,
      coaching: [],
      milestones: [{ kind: 'stage_correction', occurredOn: '2022-03-01', stage: 'dormant', amountEur: null, note: 'Ansprechpartner fehlt' }],
    });
    expect(stageAt(f, '2022-02-28')).toBe('cooperation');
    expect(stageAt(f, '2022-03-01')).toBe('dormant');
    const reactivated = { ...f, coaching: [{ id: 'c', startedOn: '2023-01-10', endedOn: null, status: 'running' }] };
    expect(stageAt(reactivated, '2022-12-31')).toBe('dormant');
    expect(stageAt(reactivated, '2023-01-10')).toBe('active');
    expect(stageHistory(f).find((h) => h.corrected)).toMatchObject({ date: '2022-03-01', stage: 'dormant', note: 'Ansprechpartner fehlt' });
  });

  it('counts a commune as advised from its first consultation or agreement', () => {
    expect(wasAdvisedBy(dippoldiswalde, '2020-06-14')).toBe(false);
    expect(wasAdvisedBy(dippoldiswalde, '2020-06-15')).toBe(true);
    expect(wasAdvisedBy(commune({ agreements: [{ id: 'a', kind: 'cooperation', title: '', inForceSince: '2019-02-01', endedOn: null }] }), '2019-02-01')).toBe(true);
  });

  it('sets the public map layers per day', () => {
    const flags = mapFlags(dippoldiswalde, '2021-11-01', stageAt(dippoldiswalde, '2021-11-01'));
    expect(flags).toEqual({ contacted: true, modelCommune: false, agreement: true, coaching: false, safetyAnalysis: false, council: false });
    expect(mapFlags(dippoldiswalde, '2022-02-01', 'active').coaching).toBe(true);
  });
});
