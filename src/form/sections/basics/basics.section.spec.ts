import { basicsSection } from './basics.section';

const ctx = { section: () => ({}) };
const rules = (data: object) => basicsSection.sealRules!(data as never, ctx);

describe('basics seal rules', () => {
  const mix = (inbound: number[], outbound: number[]) =>
    Object.fromEntries(['voice', 'email', 'ivr', 'bot', 'other'].map((r, i) => [r, { inboundPct: inbound[i], outboundPct: outbound[i] }]));

  it('accepts contact-mix columns that each sum to 100', () => {
    expect(rules({ contactMix: mix([60, 10, 20, 5, 5], [100, 0, 0, 0, 0]) }).filter((i) => i.path.startsWith('contactMix'))).toEqual([]);
  });

  it('flags a contact-mix column that does not sum to 100', () => {
    expect(rules({ contactMix: mix([60, 10, 20, 5, 0], [100, 0, 0, 0, 0]) })).toContainEqual({
      path: 'contactMix.inboundPct',
      code: 'sum_100',
      params: { sum: 95 },
    });
  });

  it('lets the idle direction be all zeros for inbound-only centers, but not for blended ones', () => {
    const data = { center: { operationMode: 'inbound_only' }, contactMix: mix([60, 10, 20, 5, 5], [0, 0, 0, 0, 0]) };
    expect(rules(data)).toEqual([]);
    expect(rules({ ...data, center: { operationMode: 'blended' } })).toContainEqual(
      expect.objectContaining({ path: 'contactMix.outboundPct' }),
    );
  });

  it('checks only the education rows that were filled in', () => {
    const edu = { bachelorPlus: 50, associate: 30, vocational: 10, highSchoolOrBelow: 5 };
    const issues = rules({ staffing: { seats: { fullTime: { headcount: 10, education: edu }, partTime: { headcount: 0 } } } });
    expect(issues).toContainEqual({ path: 'staffing.seats.fullTime.education', code: 'sum_100', params: { sum: 95 } });
    expect(issues.some((i) => i.path.startsWith('staffing.seats.partTime'))).toBe(false);
  });

  it('accepts sums within ±0.1 of 100', () => {
    const age = { under25: 33.3, from25to35: 33.3, from35to50: 33.3, over50: 0 };
    expect(rules({ staffing: { ageDistribution: age } })).toEqual([]);
  });

  it('requires at least one agent and one physical seat', () => {
    const seats = { fullTime: { headcount: 0 }, partTime: { headcount: 0 }, remote: { headcount: 0 } };
    expect(rules({ staffing: { seats }, facility: { physicalSeats: 0 } }).map((i) => i.path)).toEqual([
      'staffing.seats',
      'facility.physicalSeats',
    ]);
  });

  it('waives the education breakdown of an empty seat type', () => {
    const data = { staffing: { seats: { fullTime: { headcount: 5 }, partTime: { headcount: 0 } } } };
    expect(basicsSection.waivedPaths!(data, ctx)).toEqual(['staffing.seats.partTime.education']);
  });
});
