import { highlightsSection } from './highlights.section';

const field = (key: string) => highlightsSection.fields.find((f) => f.key === key)!;

describe('highlights descriptor', () => {
  it('is §11 of part 2', () => {
    expect(highlightsSection).toMatchObject({ key: 'highlights', order: 11, part: 2 });
  });

  it('declares the spec keys', () => {
    expect(highlightsSection.fields.map((f) => `${f.key}:${f.type}`)).toEqual([
      'bestPractices:essay',
      'finalsPresentation:essay',
      'summaryMaterials:attachment',
    ]);
  });

  it('allows 5000 characters of best practices, the default for the presentation', () => {
    expect(field('bestPractices')).toMatchObject({ max: 5000 });
    expect(field('finalsPresentation')).not.toHaveProperty('max');
  });

  it('requires both essays, but recommends rather than requires the summary materials', () => {
    expect(field('bestPractices').optional).toBeFalsy();
    expect(field('finalsPresentation').optional).toBeFalsy();
    expect(field('summaryMaterials')).toMatchObject({ kind: 'supporting_doc', optional: true });
    expect(field('summaryMaterials').help?.zh).toContain('评委');
  });

  it('has no cross-field rules', () => {
    expect(highlightsSection.sealRules).toBeUndefined();
    expect(highlightsSection.waivedPaths).toBeUndefined();
    expect(highlightsSection.compute).toBeUndefined();
  });
});
