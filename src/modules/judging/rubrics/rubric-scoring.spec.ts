import { ccCmmOc, cccsSelfAssessment, CC_CMM_ITEM_COUNT, topTenDefault } from './rubric-presets';
import { isValidRating, maturityLevel, reviewTotal, unrated, type Ratings } from './rubric-scoring';
import { checkRubricTree, criteriaOf, maxTotal, type MaturityLevel, type RubricTree } from './rubric-tree';

const CORE = 148; // items 1–148 (1.0–4.0)
const INNOVATION = 20; // items 149–168 (5.0)

interface Profile {
  coreC: number;
  coreF: number;
  innC: number;
  innF: number;
  total: number;
  years: number;
}

/**
 * Ratings with exactly `coreC` core items rated C = 10 (the others 5 or 0), likewise F and the
 * innovation items, and the total made up by rating non-compliant rates 5 instead of 0.
 */
function ratingsFor(p: Profile): Ratings {
  const rates: Array<{ key: string; rate: 'c' | 'f'; compliant: boolean }> = [];
  for (let n = 1; n <= CC_CMM_ITEM_COUNT; n++) {
    const core = n <= CORE;
    const i = core ? n - 1 : n - 1 - CORE;
    rates.push({ key: `item_${n}`, rate: 'c', compliant: i < (core ? p.coreC : p.innC) });
    rates.push({ key: `item_${n}`, rate: 'f', compliant: i < (core ? p.coreF : p.innF) });
  }
  const compliant = rates.filter((r) => r.compliant).length;
  let fives = (p.total - 10 * compliant) / 5;
  const slots = rates.length - compliant;
  if (!Number.isInteger(fives) || fives < 0 || fives > slots) throw new Error(`total ${p.total} not reachable with ${JSON.stringify(p)}`);
  const ratings: Record<string, { c: number; f: number }> = {};
  for (const r of rates) {
    ratings[r.key] ??= { c: 0, f: 0 };
    ratings[r.key][r.rate] = r.compliant ? 10 : fives-- > 0 ? 5 : 0;
  }
  return ratings;
}

const atLeast = (pct: number, items: number) => Math.ceil((pct * items) / 100);

/** The least that meets `level` exactly on every threshold. */
function minimal(l: MaturityLevel): Profile {
  return {
    coreC: atLeast(l.core?.c ?? 0, CORE),
    coreF: atLeast(l.core?.f ?? 0, CORE),
    innC: atLeast(l.innovation?.c ?? 0, INNOVATION),
    innF: atLeast(l.innovation?.f ?? 0, INNOVATION),
    total: l.minTotal,
    years: l.minYearsOperating ?? 0,
  };
}

const level = (tree: RubricTree, p: Profile) =>
  maturityLevel(tree, { ratings: ratingsFor(p), startYear: 2026 - p.years, asOfYear: 2026 }).level;

describe('CC-CMM-OC maturity level, both sides of every threshold', () => {
  /**
   * The seed's L5 needs 3380 of 3360 points. To test its other thresholds, copies with an L5 total
   * its profiles can reach: 3340 (every rate at 10 but two F of 5.0, so one rate fewer at 10
   * still reaches it) and 3350 (so that 5 points less is still possible at L5's shares).
   */
  const withL5Total = (total: number) => {
    const t = ccCmmOc();
    t.maturity!.levels[4].minTotal = total;
    return t;
  };
  const tree = withL5Total(3340);
  const levels = tree.maturity!.levels;

  it('has 168 dual-rated items, 148 in 1.0–4.0 and 20 in 5.0', () => {
    const items = criteriaOf(tree);
    expect(items).toHaveLength(168);
    expect(items.every((x) => x.criterion.type === 'dual_rate')).toBe(true);
    expect(items.filter((x) => x.groups[0] === 'cc_5.0')).toHaveLength(20);
    expect(maxTotal(tree)).toBe(3360);
  });

  it.each(levels.map((l, i) => [l.key, i] as const))('%s: reached at its thresholds', (key, i) => {
    expect(level(tree, minimal(levels[i]))).toBe(key);
  });

  /** What a profile should reach, read off the minimal profiles (each level requires the ones below). */
  const DIMS = ['coreC', 'coreF', 'innC', 'innF', 'total', 'years'] as const;
  const expectedLevel = (t: RubricTree, p: Profile): string | null => {
    let reached: string | null = null;
    for (const l of t.maturity!.levels) {
      const m = minimal(l);
      if (!DIMS.every((d) => p[d] >= m[d])) break;
      reached = l.key;
    }
    return reached;
  };

  const below = levels.flatMap((l, i) => {
    const m = minimal(l);
    const cases: Array<[string, string, Profile, number]> = [];
    const last = i === levels.length - 1;
    if (l.core?.c) cases.push([l.key, `1.0–4.0 C ${m.coreC - 1} of ${CORE} (< ${l.core.c} %)`, { ...m, coreC: m.coreC - 1 }, 3340]);
    if (l.core?.f) cases.push([l.key, `1.0–4.0 F ${m.coreF - 1} of ${CORE} (< ${l.core.f} %)`, { ...m, coreF: m.coreF - 1 }, 3340]);
    if (l.innovation?.c)
      cases.push([l.key, `5.0 C ${m.innC - 1} of ${INNOVATION} (< ${l.innovation.c} %)`, { ...m, innC: m.innC - 1 }, 3340]);
    if (l.innovation?.f)
      cases.push([l.key, `5.0 F ${m.innF - 1} of ${INNOVATION} (< ${l.innovation.f} %)`, { ...m, innF: m.innF - 1 }, 3340]);
    if (last) cases.push([l.key, 'total 3345 (< 3350)', { ...m, total: 3345 }, 3350]);
    else cases.push([l.key, `total ${m.total - 5} (< ${l.minTotal})`, { ...m, total: m.total - 5 }, 3340]);
    if (l.minYearsOperating)
      cases.push([l.key, `${m.years - 1} years operating (< ${l.minYearsOperating})`, { ...m, years: m.years - 1 }, 3340]);
    return cases;
  });
  it.each(below)('%s: missed by %s', (key, _what, profile, l5Total) => {
    const t = withL5Total(l5Total);
    const expected = expectedLevel(t, profile);
    expect(expected).not.toBe(key);
    expect(level(t, profile)).toBe(expected);
    if (key !== 'L1') expect(expected).not.toBeNull();
  });

  it('L5 is reached at 3350 too, and missed at 3345', () => {
    const t = withL5Total(3350);
    expect(level(t, { ...minimal(levels[4]), total: 3350 })).toBe('L5');
    expect(level(t, { ...minimal(levels[4]), total: 3345 })).toBe('L4');
  });

  it('thresholds are exact: 119 of 148 is 80.4 % (L1), 118 is 79.7 % (none)', () => {
    expect(minimal(levels[0]).coreC).toBe(119);
    expect(minimal(levels[0]).coreF).toBe(89);
    expect(minimal(levels[3]).innC).toBe(16);
  });

  it('each level requires the one below: L3 years and totals do not stand alone', () => {
    // meets L4's shares and total but not L3's years (L4 needs 3 years, here 1)
    expect(level(tree, { ...minimal(levels[3]), years: 1 })).toBe('L2');
  });

  it('an unknown start year reaches no level that needs years', () => {
    const r = maturityLevel(tree, { ratings: ratingsFor(minimal(levels[3])), startYear: null, asOfYear: 2026 });
    expect(r.level).toBe('L2');
    expect(r.levels[2].shortfalls).toEqual(['yearsOperating']);
  });

  it('the seed’s own thresholds: a perfect review is L4, L5 is short of its 3380 total', () => {
    const seed = ccCmmOc();
    const r = maturityLevel(seed, {
      ratings: ratingsFor({ coreC: 148, coreF: 148, innC: 20, innF: 20, total: 3360, years: 10 }),
      startYear: 2000,
      asOfYear: 2026,
    });
    expect(r.total).toBe(3360);
    expect(r.level).toBe('L4');
    expect(r.levels[4]).toEqual({ key: 'L5', met: false, shortfalls: ['total'] });
  });

  it('the editor warns that the seed’s L5 total (3380) exceeds the maximum 168 × 20 = 3360', () => {
    const { errors, warnings } = checkRubricTree(ccCmmOc());
    expect(errors).toEqual([]);
    const unreachable = warnings.filter((w) => w.code === 'unreachable_level');
    expect(unreachable).toHaveLength(1);
    expect(unreachable[0].message).toContain('L5');
    expect(unreachable[0].message).toContain('3380');
    expect(unreachable[0].message).toContain('3360');
  });
});

describe('review totals', () => {
  it('top-ten-default: Σ weight × score ÷ 10, 0–100', () => {
    const tree = topTenDefault();
    const keys = criteriaOf(tree).map((x) => x.criterion.key);
    expect(reviewTotal(tree, Object.fromEntries(keys.map((k) => [k, 10]))).total).toBe(100);
    expect(reviewTotal(tree, Object.fromEntries(keys.map((k) => [k, 0]))).total).toBe(0);
    // omnichannel (15) at 7.5 and kpis (15) at 10, the rest 5: 15×0.75 + 15 + 70×0.5 = 61.25
    const ratings: Ratings = Object.fromEntries(keys.map((k) => [k, 5]));
    Object.assign(ratings, { omnichannel: 7.5, kpis: 10 });
    expect(reviewTotal(tree, ratings).total).toBe(61.25);
  });

  it('top-ten-default has weights summing to 100 and no warning', () => {
    const { errors, warnings } = checkRubricTree(topTenDefault());
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(maxTotal(topTenDefault())).toBe(100);
  });

  it('cccs-self-assessment: five domains 12/15/7/12/12, yes-share per domain and overall', () => {
    const tree = cccsSelfAssessment();
    expect(tree.groups.map((g) => g.criteria!.length)).toEqual([12, 15, 7, 12, 12]);
    const strategyYes: Ratings = Object.fromEntries(criteriaOf(tree).map((x) => [x.criterion.key, x.groups[0] === 'strategy']));
    const r = reviewTotal(tree, strategyYes);
    expect(r.groups).toEqual({ definition: 0, customer: 0, strategy: 100, performance: 0, people: 0 });
    expect(r.total).toBe(12.1); // 7 of 58
    expect(checkRubricTree(tree).errors).toEqual([]);
  });

  it('ratings are checked against their criterion: scale step, yes/no, C/F of 0, 5, 10', () => {
    const [scale] = criteriaOf(topTenDefault()).map((x) => x.criterion);
    expect([0, 0.5, 9.5, 10].every((v) => isValidRating(scale, v))).toBe(true);
    expect([-0.5, 10.5, 0.25, '5', true].some((v) => isValidRating(scale, v))).toBe(false);
    const [dual] = criteriaOf(ccCmmOc()).map((x) => x.criterion);
    expect(isValidRating(dual, { c: 5, f: 10 })).toBe(true);
    expect([{ c: 7, f: 10 }, { c: 5 }, { c: 5, f: 5, x: 1 }, 10].some((v) => isValidRating(dual, v))).toBe(false);
    expect(unrated(topTenDefault(), { strategy: 5 })).toHaveLength(9);
  });
});

describe('rubric trees: structural errors name their path', () => {
  const base = () => topTenDefault();
  it.each([
    [
      'a fourth level of groups',
      (t: RubricTree) => {
        t.groups = [
          {
            key: 'a',
            label: { zh: 'a', en: 'a' },
            groups: [
              {
                key: 'b',
                label: { zh: 'b', en: 'b' },
                groups: [
                  {
                    key: 'c',
                    label: { zh: 'c', en: 'c' },
                    groups: [{ key: 'd', label: { zh: 'd', en: 'd' }, criteria: t.groups[0].criteria }],
                  },
                ],
              },
            ],
          },
        ];
      },
      'tree.groups.0.groups.0.groups.0.groups.0',
      'rubric_too_deep',
    ],
    ['a scale without max', (t: RubricTree) => delete t.groups[0].criteria![2].max, 'tree.groups.0.criteria.2.max', 'required'],
    [
      'an unknown type',
      (t: RubricTree) => Object.assign(t.groups[0].criteria![1], { type: 'stars' }),
      'tree.groups.0.criteria.1.type',
      'not_in_options',
    ],
    [
      'a duplicate key',
      (t: RubricTree) => (t.groups[0].criteria![3].key = 'strategy'),
      'tree.groups.0.criteria.3.key',
      'rubric_duplicate_key',
    ],
    [
      'an unknown section',
      (t: RubricTree) => (t.groups[0].criteria![0].sections = ['nope']),
      'tree.groups.0.criteria.0.sections.0',
      'not_in_options',
    ],
    [
      'a step that does not divide the range',
      (t: RubricTree) => (t.groups[0].criteria![0].step = 3),
      'tree.groups.0.criteria.0.step',
      'rubric_scale_step',
    ],
    [
      'a missing English label',
      (t: RubricTree) => (t.groups[0].criteria![0].label = { zh: '战略', en: ' ' }),
      'tree.groups.0.criteria.0.label.en',
      'required',
    ],
    ['an unknown member', (t: RubricTree) => Object.assign(t.groups[0], { colour: 'red' }), 'tree.groups.0.colour', 'unknown_field'],
  ])('%s', (_name, mutate, path, code) => {
    const t = base();
    mutate(t);
    const { errors } = checkRubricTree(t);
    expect(errors).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('weights not summing to 100 are a warning, not an error', () => {
    const t = base();
    t.groups[0].criteria![0].weight = 20;
    const { errors, warnings } = checkRubricTree(t);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ code: 'weights_sum', message: expect.stringContaining('110') })]);
  });

  it('refuses what is not a tree', () => {
    expect(checkRubricTree(null).errors).toEqual([{ path: 'tree', code: 'required' }]);
    expect(checkRubricTree({ scoring: 'weighted', groups: [] }).errors).toContainEqual({ path: 'tree.groups', code: 'required' });
  });
});
