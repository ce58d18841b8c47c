/**
 * Every number the form accepts is bounded by its declaration (issue 10 item 7), and every
 * message's parameters come from the declaration (item 13).
 */
import { message } from '../common/i18n/messages';
import { completeApplication } from '../../test/fixtures/complete-application';
import { checkApplication } from './completeness';
import { computeSection } from './computed-values';
import { validateDraft } from './draft-validation';
import { walkFields } from './expanded-fields';
import { DECIMAL_MAX, numberLimits, type FieldNode, type SectionData } from './field-types';
import { SectionRegistry } from './section-registry';
import { ALL_SECTIONS } from './sections';

const ID = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';

/** A document holding `value` at `path` (list rows as index 0). */
function docWith(path: string, value: unknown): SectionData {
  const parts = path.replace(/\[\]/g, '.0').split('.');
  const root: Record<string, unknown> = {};
  let cur: Record<string, unknown> | unknown[] = root;
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    const next = last ? value : /^\d+$/.test(parts[i + 1]) ? [] : {};
    if (Array.isArray(cur)) cur[Number(p)] = next;
    else cur[p] = next;
    if (!last) cur = next as Record<string, unknown>;
  });
  return root;
}

const numberFields: Array<[string, string, FieldNode & { type: 'int' | 'decimal' | 'percent' }]> = [];
for (const def of ALL_SECTIONS) {
  walkFields(def.fields, (f, path) => {
    if (f.type === 'int' || f.type === 'decimal' || f.type === 'percent') numberFields.push([def.key, path, f]);
  });
}

describe('number fields', () => {
  it('there are some', () => expect(numberFields.length).toBeGreaterThan(20));

  it.each(numberFields)('%s.%s has a finite maximum, accepts it and refuses more', (key, path, f) => {
    const def = ALL_SECTIONS.find((d) => d.key === key)!;
    const { max } = numberLimits(f);
    expect(Number.isFinite(max)).toBe(true);
    expect(max).toBeLessThanOrEqual(Math.max(DECIMAL_MAX, 10_000_000_000));
    const dataPath = path.replace(/\[\]/g, '.0');
    expect(validateDraft(def, docWith(path, max))).toEqual([]);
    for (const bad of [max + 1, 1e308, Number('9007199254740993')]) {
      expect(validateDraft(def, docWith(path, bad))).toContainEqual({ path: dataPath, code: 'too_large', params: { max } });
    }
  });

  it('a KPI actual of 1e308 is refused by completeness, naming the field and the limit', () => {
    const app = completeApplication({ orgChart: [ID], layoutPhotos: [ID] }) as Record<string, SectionData>;
    (app.kpis as { operations: { aht: { actual: number } } }).operations.aht.actual = 1e308;
    const issues = checkApplication(SectionRegistry.of(ALL_SECTIONS), app);
    expect(issues).toContainEqual({ section: 'kpis', path: 'operations.aht.actual', code: 'too_large', params: { max: 1_000_000 } });
  });

  it('computed values stay finite at the extremes', () => {
    const kpis = ALL_SECTIONS.find((d) => d.key === 'kpis')!;
    const data = docWith('operations.aht', { target: 0.01, actual: 1_000_000 });
    const ctx = { section: () => ({}) };
    expect(computeSection(kpis, data, ctx)).toMatchObject({ operations: { aht: { met: false, gapPct: -9999999900 } } });
    const broken = { ...kpis, compute: () => ({ a: Infinity, b: [NaN, 1] }) };
    expect(computeSection(broken, {}, ctx)).toEqual({ a: null, b: [null, 1] });
  });
});

describe('message parameters come from the declaration', () => {
  const people = ALL_SECTIONS.find((d) => d.key === 'people')!;

  it('a yes/no detail over its length names the limit, in Chinese and English', () => {
    const [issue] = validateDraft(people, { satisfactionSurvey: { answer: true, detail: '字'.repeat(1001) } });
    expect(issue).toEqual({ path: 'satisfactionSurvey.detail', code: 'too_long', params: { max: 1000 } });
    expect(message(issue.code, 'zh', issue.params)).toBe('最多 1000 个字');
    expect(message(issue.code, 'en', issue.params)).toBe('must be at most 1000 characters');
  });

  it('a declared detailMax is the one reported', () => {
    const def = {
      key: 'x',
      order: 99,
      part: 0 as const,
      title: { zh: 'x', en: 'x' },
      fields: [{ type: 'yesno' as const, key: 'q', label: { zh: 'q', en: 'q' }, detailMax: 5 }],
    };
    expect(validateDraft(def, { q: { detail: '123456' } })).toEqual([{ path: 'q.detail', code: 'too_long', params: { max: 5 } }]);
  });
});
