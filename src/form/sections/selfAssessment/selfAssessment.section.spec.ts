import { selfAssessmentSection } from './selfAssessment.section';
import { SELF_ASSESSMENT } from './self-assessment-questions';

describe('self-assessment', () => {
  it('has the five domains with 12, 15, 7 (counted once), 12 and 12 questions', () => {
    expect(SELF_ASSESSMENT.map((d) => `${d.key}:${d.questions.length}`)).toEqual(['definition:12', 'customer:15', 'strategy:7', 'performance:12', 'people:12']);
  });

  it('computes the yes-share per domain and overall, unanswered counting as not yes', () => {
    const data = { definition: { q1: true, q2: true, q3: false }, people: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`q${i + 1}`, true])) };
    const result = selfAssessmentSection.compute!(data, { section: () => ({}) }) as Record<string, { yes: number; total: number; pct: number }>;
    expect(result.definition).toEqual({ yes: 2, total: 12, pct: 16.7 });
    expect(result.people).toEqual({ yes: 12, total: 12, pct: 100 });
    expect(result.customer).toEqual({ yes: 0, total: 15, pct: 0 });
    expect(result.overall).toEqual({ yes: 14, total: 58, pct: 24.1 });
  });
});
