import { nextState } from './transitions';

describe('application life cycle', () => {
  it.each([
    ['seal', 'draft', 'sealed'],
    ['unseal', 'sealed', 'draft'],
    ['submit', 'sealed', 'submitted'],
    ['accept', 'submitted', 'accepted'],
    ['return', 'submitted', 'draft'],
    ['reject', 'submitted', 'rejected'],
    ['withdraw', 'draft', 'withdrawn'],
    ['withdraw', 'finalist', 'withdrawn'],
    ['enter_review', 'accepted', 'in_review'],
    ['withdraw', 'in_review', 'withdrawn'],
  ] as const)('%s: %s → %s', (action, from, to) => {
    expect(nextState(action, from)).toBe(to);
  });

  it.each([
    ['seal', 'sealed'],
    ['submit', 'draft'],
    ['unseal', 'submitted'],
    ['accept', 'sealed'],
    ['return', 'accepted'],
    ['withdraw', 'withdrawn'],
    ['withdraw', 'awarded'],
    ['withdraw', 'rejected'],
    ['enter_review', 'submitted'],
    ['enter_review', 'in_review'],
  ] as const)('%s does not apply to %s', (action, from) => {
    expect(nextState(action, from)).toBeUndefined();
  });
});
