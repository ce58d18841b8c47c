import type { GroupField } from '../../field-types';
import { selfAssessmentSection } from './selfAssessment.section';
import { SELF_ASSESSMENT } from './self-assessment-questions';

type Share = { yes: number; total: number; pct: number };
const compute = (data: object) => selfAssessmentSection.compute!(data as never, { section: () => ({}) }) as Record<string, Share>;
const allYes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, true]));

describe('self-assessment descriptor', () => {
  it('is an optional extra outside the numbered parts', () => {
    expect(selfAssessmentSection).toMatchObject({ key: 'selfAssessment', order: 13, part: 0, optional: true });
  });

  it('has the five domains with 12, 15, 7 (counted once), 12 and 12 questions', () => {
    expect(SELF_ASSESSMENT.map((d) => `${d.key}:${d.questions.length}`)).toEqual([
      'definition:12',
      'customer:15',
      'strategy:7',
      'performance:12',
      'people:12',
    ]);
    expect(selfAssessmentSection.fields.map((g) => `${g.key}:${(g as GroupField).fields.length}`)).toEqual([
      'definition:12',
      'customer:15',
      'strategy:7',
      'performance:12',
      'people:12',
    ]);
  });

  it('declares each domain as an optional group of optional checkboxes q1..qN', () => {
    for (const g of selfAssessmentSection.fields) {
      expect(g).toMatchObject({ type: 'group', optional: true });
      (g as GroupField).fields.forEach((f, i) => expect(f).toMatchObject({ type: 'boolean', key: `q${i + 1}`, optional: true }));
    }
  });

  it('labels each question in both languages, from the seed', () => {
    const definition = selfAssessmentSection.fields[0] as GroupField;
    expect(definition.label).toEqual({ zh: '定位和方向', en: 'Definition & Direction' });
    expect(definition.fields[0].label.zh).toBe('您的企业高层领导是否积极参与客户联络中心的关键战略决策并提供全力支持？');
    for (const d of SELF_ASSESSMENT) {
      for (const q of d.questions) {
        expect(q.zh).toContain('是否');
        expect(q.en).toMatch(/^[A-Z].*\?$/);
      }
    }
  });

  it('keeps the seed’s bullet lists as help text', () => {
    const strategy = selfAssessmentSection.fields.find((g) => g.key === 'strategy') as GroupField;
    expect(strategy.fields[1].help?.zh).toBe('客户需求；竞争环境；产业变革；自身资源优劣势；风险预估及应对');
    expect(strategy.fields[1].help?.en).toContain('competitive environment');
  });
});

describe('self-assessment compute', () => {
  it('computes the yes-share per domain and overall, unanswered counting as not yes', () => {
    const result = compute({ definition: { q1: true, q2: true, q3: false }, people: allYes(12) });
    expect(result.definition).toEqual({ yes: 2, total: 12, pct: 16.7 });
    expect(result.people).toEqual({ yes: 12, total: 12, pct: 100 });
    expect(result.customer).toEqual({ yes: 0, total: 15, pct: 0 });
    expect(result.overall).toEqual({ yes: 14, total: 58, pct: 24.1 });
  });

  it('gives zeros for an untouched checklist', () => {
    expect(compute({})).toEqual({
      definition: { yes: 0, total: 12, pct: 0 },
      customer: { yes: 0, total: 15, pct: 0 },
      strategy: { yes: 0, total: 7, pct: 0 },
      performance: { yes: 0, total: 12, pct: 0 },
      people: { yes: 0, total: 12, pct: 0 },
      overall: { yes: 0, total: 58, pct: 0 },
    });
  });

  it('gives 100 % for an all-yes checklist', () => {
    const data = Object.fromEntries(SELF_ASSESSMENT.map((d) => [d.key, allYes(d.questions.length)]));
    expect(compute(data).overall).toEqual({ yes: 58, total: 58, pct: 100 });
  });

  it('counts only true as yes, and ignores keys that are not questions', () => {
    const result = compute({ strategy: { q1: 'true', q2: 1, q3: true, q8: true, extra: true } });
    expect(result.strategy).toEqual({ yes: 1, total: 7, pct: 14.3 });
  });
});
