import { describe, expect, it } from 'vitest';
import { planFrom } from './plan.js';

describe('20-week plan', () => {
  it('puts six phases end to end over 20 weeks and the commune tasks before the field phase ends', () => {
    const { phases, tasks } = planFrom('2022-03-07');
    expect(phases.map((p) => p.key)).toEqual(['kickoff', 'data', 'field', 'evaluation', 'report', 'workshop']);
    expect(phases[0]).toMatchObject({ startOn: '2022-03-07', dueOn: '2022-03-13' });
    expect(phases.at(-1)!.dueOn).toBe('2022-07-24');
    for (let i = 1; i < phases.length; i++) expect(phases[i]!.startOn > phases[i - 1]!.startOn).toBe(true);
    expect(tasks.find((t) => t.key === 'register_extract')!.dueOn).toBe('2022-03-27');
    expect(tasks.every((t) => t.dueOn <= phases.find((p) => p.key === 'field')!.dueOn)).toBe(true);
  });
});
