import { describe, expect, it } from 'vitest';
import { describeRubricPath } from './rubric-paths';

const TEXT: Record<string, [string, string]> = {
  group: ['分组', 'Group'],
  criterion: ['评分项', 'Criterion'],
  levels: ['等级', 'Levels'],
  max: ['最高分', 'Maximum'],
  labelEn: ['英文名称', 'Name (English)'],
  guidanceZh: ['评分说明（中文）', 'Guidance (Chinese)'],
  maturity: ['成熟度等级', 'Maturity levels'],
  coreF: ['核心项 F ≥（%）', 'Core F ≥ (%)'],
  coreGroups: ['核心项分组', 'Core groups'],
  innovationGroups: ['创新项分组', 'Innovation groups'],
  sections: ['评审时参阅的申报内容', 'Form sections to read'],
  scoring: ['计分方式', 'Scoring'],
  rubricName: ['评分表名称', 'Rubric name'],
  tree: ['评分表', 'Rubric'],
};
const sOf = (lang: 'zh' | 'en') => (k: string) => TEXT[k]?.[lang === 'zh' ? 0 : 1] ?? k;

const tree = {
  scoring: 'weighted',
  groups: [
    {
      key: 'top',
      label: { zh: '十佳评审', en: 'Top Ten review' },
      criteria: [{ key: 'strategy', label: { zh: '战略与文化', en: 'Strategy and culture' } }, { key: 'nolabel' }],
    },
  ],
};

describe('naming a rubric error path by the editor’s labels', () => {
  it('walks groups and criteria by their labels, in the page’s language', () => {
    expect(describeRubricPath(tree, 'tree.groups.0.criteria.0.max', 'zh', sOf('zh') as never)).toBe(
      '分组「十佳评审」 › 评分项「战略与文化」 › 最高分',
    );
    expect(describeRubricPath(tree, 'tree.groups.0.criteria.0.label.en', 'en', sOf('en') as never)).toBe(
      'Group “Top Ten review” › Criterion “Strategy and culture” › Name (English)',
    );
  });

  it('names a criterion’s guidance by its language', () => {
    expect(describeRubricPath(tree, 'tree.groups.0.criteria.0.guidance.zh', 'zh', sOf('zh') as never)).toBe(
      '分组「十佳评审」 › 评分项「战略与文化」 › 评分说明（中文）',
    );
  });

  it('names a maturity level by its label and its thresholds by what they are', () => {
    const cc = { ...tree, maturity: { levels: [{ key: 'L1', label: { zh: '应用级', en: 'Applied' } }] } };
    expect(describeRubricPath(cc, 'tree.maturity.levels.0.core.f', 'zh', sOf('zh') as never)).toBe(
      '成熟度等级 › 等级「应用级」 › 核心项 F ≥（%）',
    );
  });

  it('names a core or innovation group entry by the key that was sent', () => {
    const cc = { ...tree, maturity: { coreGroups: ['g1', 'gone'], innovationGroups: [], levels: [] } };
    expect(describeRubricPath(cc, 'tree.maturity.coreGroups.1', 'zh', sOf('zh') as never)).toBe('成熟度等级 › 核心项分组「gone」');
    expect(describeRubricPath(cc, 'tree.maturity.innovationGroups', 'en', sOf('en') as never)).toBe('Maturity levels › Innovation groups');
  });

  it('falls back to the key, then the position; list members by number', () => {
    expect(describeRubricPath(tree, 'tree.groups.0.criteria.1.sections.2', 'zh', sOf('zh') as never)).toBe(
      '分组「十佳评审」 › 评分项「nolabel」 › 评审时参阅的申报内容 › #3',
    );
    expect(describeRubricPath(tree, 'tree.groups.3.key', 'en', sOf('en') as never)).toBe('Group “#4” › key');
    expect(describeRubricPath(tree, 'tree.scoring', 'zh', sOf('zh') as never)).toBe('计分方式');
    expect(describeRubricPath(tree, 'name', 'zh', sOf('zh') as never)).toBe('评分表名称');
    expect(describeRubricPath(tree, 'tree', 'en', sOf('en') as never)).toBe('Rubric');
  });
});
