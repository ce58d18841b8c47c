/**
 * The three preset rubrics of shared/spec/workflow-and-judging.md § Rubrics, as data. Staff start
 * from one (`POST /api/rubrics { name, preset }`) and may export, edit and import the JSON.
 */
import { SELF_ASSESSMENT } from '../../../form/sections/selfAssessment/self-assessment-questions';
import type { Bilingual, Criterion, MaturityModel, RubricGroup, RubricTree } from './rubric-tree';

export type PresetKey = 'top-ten-default' | 'cc-cmm-oc' | 'cccs-self-assessment';
export const PRESET_KEYS: readonly PresetKey[] = ['top-ten-default', 'cc-cmm-oc', 'cccs-self-assessment'];

export const PRESET_NAMES: Record<PresetKey, Bilingual> = {
  'top-ten-default': { zh: '十佳评审默认评分表', en: 'Top Ten default rubric' },
  'cc-cmm-oc': { zh: 'CC-CMM-OC 运营机构能力成熟度', en: 'CC-CMM-OC operation-centre capability maturity' },
  'cccs-self-assessment': { zh: 'CCCS 客户联络中心自评', en: 'CCCS contact-centre self-assessment' },
};

// --- Preset 1: top-ten-default ------------------------------------------------------------

/** One criterion per form section, scale 0–10 step 0.5; weights sum to 100. */
const TOP_TEN: Array<[key: string, weight: number, zh: string, en: string, guidanceZh: string, guidanceEn: string]> = [
  [
    'strategy',
    10,
    '战略与文化',
    'Strategy and culture',
    '使命、愿景与战略目标是否清晰并落地',
    'Are mission, vision and goals clear and carried out?',
  ],
  [
    'recruitment',
    8,
    '招聘与甄选',
    'Recruitment',
    '招聘渠道、甄选方法与新员工质量',
    'Channels, selection methods and the quality of new hires',
  ],
  [
    'training',
    10,
    '培训与发展',
    'Training and development',
    '培训体系、时长与效果评估',
    'Training system, hours and how results are measured',
  ],
  [
    'people',
    10,
    '员工管理与激励',
    'People management',
    '绩效、激励、流失与员工满意度',
    'Performance, incentives, attrition and staff satisfaction',
  ],
  [
    'omnichannel',
    15,
    '全渠道服务',
    'Omnichannel service',
    '渠道覆盖、协同与一致的客户体验',
    'Channel coverage, coordination and a consistent experience',
  ],
  [
    'satisfaction',
    12,
    '客户满意度',
    'Customer satisfaction',
    '满意度测量方法、结果与改进',
    'How satisfaction is measured, its results and improvement',
  ],
  ['kpis', 15, '关键绩效指标', 'Key performance indicators', '指标的完整性、水平与趋势', 'Completeness, level and trend of the KPIs'],
  ['technology', 10, '技术应用', 'Technology', '系统、智能化应用与成效', 'Systems, AI applications and their effect'],
  ['environment', 5, '工作环境', 'Working environment', '场地、设施与员工关怀', 'Site, facilities and care for staff'],
  ['highlights', 5, '亮点与创新', 'Highlights and innovation', '独特做法与可推广的经验', 'Distinctive practices worth sharing'],
];

export function topTenDefault(): RubricTree {
  return {
    scoring: 'weighted',
    groups: [
      {
        key: 'top_ten',
        label: { zh: '十佳评审', en: 'Top Ten review' },
        criteria: TOP_TEN.map(([key, weight, zh, en, gZh, gEn]) => ({
          key,
          label: { zh, en },
          guidance: { zh: gZh, en: gEn },
          weight,
          type: 'scale',
          min: 0,
          max: 10,
          step: 0.5,
          sections: [key],
        })),
      },
    ],
  };
}

// --- Preset 2: cc-cmm-oc --------------------------------------------------------------------

/**
 * Domains, subdomains and item numbers of CC-CMM-OC 2011 (shared/seeds/cc-cmm-2011.txt). The
 * standard's item texts are copyrighted: items are labelled by number, and the subdomain titles
 * are our own paraphrases. Staff holding a licence import the texts as a rubric JSON.
 */
type Sub = [code: string, zh: string, en: string, first: number, last: number] | [code: string, zh: string, en: string, Sub[]];
const CC_CMM: Array<[code: string, zh: string, en: string, Sub[]]> = [
  [
    '1.0',
    '设计与规划',
    'Design and planning',
    [
      ['1.1', '组织文化与战略方向', 'Culture and strategic direction', 1, 5],
      ['1.2', '管理体系建设', 'Management system', 6, 10],
      ['1.3', '工作环境管理', 'Workplace environment', 11, 14],
      ['1.4', '信息系统管理', 'Information systems', 15, 19],
      ['1.5', '应急与业务连续性', 'Emergencies and continuity', 20, 24],
      ['1.6', '安全保障管理', 'Security', 25, 35],
      ['1.7', '持续改进机制', 'Continuous improvement', 36, 38],
    ],
  ],
  [
    '2.0',
    '运营与管理',
    'Operations and management',
    [
      [
        '2.1',
        '流程',
        'Processes',
        [
          ['2.1.1', '流程体系设计', 'Process design', 39, 43],
          ['2.1.2', '业务类流程', 'Business processes', 44, 46],
          ['2.1.3', '管理类流程', 'Management processes', 47, 61],
          ['2.1.4', '流程执行、监控与优化', 'Running, controlling and improving processes', 62, 67],
        ],
      ],
      [
        '2.2',
        '人员',
        'People',
        [
          ['2.2.1', '入职与离职管理', 'Joining and leaving', 68, 77],
          ['2.2.2', '培训与员工支持', 'Training and support', 78, 84],
          ['2.2.3', '内部沟通与协作', 'Communication and coordination', 85, 89],
          ['2.2.4', '考核与激励机制', 'Appraisal and incentives', 90, 93],
          ['2.2.5', '员工满意度调研', 'Staff satisfaction surveys', 94, 96],
        ],
      ],
      ['2.3', '技术支撑', 'Technology', 97, 104],
    ],
  ],
  [
    '3.0',
    '数据与绩效',
    'Data and performance',
    [
      ['3.1', '绩效管理体系建立', 'Building the performance system', 105, 108],
      ['3.2', '绩效数据质量原则（CRUCIAL）', 'Performance data principles (CRUCIAL)', 109, 115],
      ['3.3', '绩效指标设置', 'Performance indicators', 116, 124],
      ['3.4', '绩效成果', 'Performance results', 125, 128],
    ],
  ],
  [
    '4.0',
    '客户体验',
    'Customer experience',
    [
      [
        '4.1',
        '下游客户',
        'Downstream customers',
        [
          ['4.1.1', '下游客户信息管理', 'Downstream customer information', 129, 132],
          ['4.1.2', '下游客户满意度评估', 'Downstream customer satisfaction', 133, 140],
        ],
      ],
      [
        '4.2',
        '上游客户',
        'Upstream clients',
        [
          ['4.2.1', '上游客户沟通管理', 'Communication with upstream clients', 141, 145],
          ['4.2.2', '上游客户满意度评估与提升', 'Upstream client satisfaction and its improvement', 146, 148],
        ],
      ],
    ],
  ],
  [
    '5.0',
    '创新与提高',
    'Innovation and improvement',
    [
      ['5.1', '战略与流程创新', 'Strategy and process innovation', 149, 153],
      ['5.2', '系统与工具创新', 'Systems and tools innovation', 154, 156],
      ['5.3', '新服务与方案的开发实施', 'Developing and delivering new services', 157, 161],
      ['5.4', '客户生命周期管理', 'Customer life-cycle management', 162, 165],
      ['5.5', '客户价值挖掘', 'Customer value', 166, 168],
    ],
  ],
];

export const CC_CMM_ITEM_COUNT = 168;

const SEED_ITEM_GUIDANCE: Bilingual = {
  zh: '10 分完全符合，5 分部分符合，0 分不符合。C：方法合规；F：执行到位。',
  en: '10 fully meets, 5 partly, 0 not. C: method compliance; F: execution.',
};

/** Maturity levels and their thresholds, as printed in the seed (L5's 3380 exceeds 168 × 20 = 3360). */
export const CC_CMM_MATURITY: MaturityModel = {
  coreGroups: ['cc_1.0', 'cc_2.0', 'cc_3.0', 'cc_4.0'],
  innovationGroups: ['cc_5.0'],
  levels: [
    { key: 'L1', label: { zh: '应用级', en: 'Applied' }, core: { c: 80, f: 60 }, minTotal: 2250 },
    { key: 'L2', label: { zh: '专业级', en: 'Professional' }, core: { c: 90, f: 70 }, minTotal: 2500 },
    { key: 'L3', label: { zh: '标杆级', en: 'Benchmark' }, core: { c: 100, f: 80 }, minTotal: 2750, minYearsOperating: 2 },
    {
      key: 'L4',
      label: { zh: '精益级', en: 'Lean' },
      core: { c: 100, f: 90 },
      innovation: { c: 80, f: 70 },
      minTotal: 3200,
      minYearsOperating: 3,
    },
    {
      key: 'L5',
      label: { zh: '卓越级', en: 'Excellent' },
      core: { c: 100, f: 100 },
      innovation: { c: 100, f: 90 },
      minTotal: 3380,
      minYearsOperating: 5,
    },
  ],
};

function item(n: number): Criterion {
  return {
    key: `item_${n}`,
    label: { zh: `条目 ${n}`, en: `Item ${n}` },
    guidance: SEED_ITEM_GUIDANCE,
    weight: 1,
    type: 'dual_rate',
    sections: [],
  };
}

function ccGroup(sub: Sub): RubricGroup {
  const [code, zh, en] = sub;
  const label = { zh: `${code} ${zh}`, en: `${code} ${en}` };
  if (Array.isArray(sub[3])) return { key: `cc_${code}`, label, groups: sub[3].map(ccGroup) };
  const [first, last] = [sub[3], sub[4] as number];
  return { key: `cc_${code}`, label, criteria: Array.from({ length: last - first + 1 }, (_, i) => item(first + i)) };
}

export function ccCmmOc(): RubricTree {
  return {
    scoring: 'points',
    groups: CC_CMM.map(([code, zh, en, subs]) => ({
      key: `cc_${code}`,
      label: { zh: `${code} ${zh}`, en: `${code} ${en}` },
      groups: subs.map(ccGroup),
    })),
    maturity: structuredClone(CC_CMM_MATURITY),
  };
}

// --- Preset 3: cccs-self-assessment ---------------------------------------------------------

/** The checklist the applicants' optional selfAssessment section asks (src/form/sections/selfAssessment). */
export function cccsSelfAssessment(): RubricTree {
  return {
    scoring: 'yes_share',
    groups: SELF_ASSESSMENT.map((d) => ({
      key: d.key,
      label: { zh: d.zh, en: d.en },
      criteria: d.questions.map((q, i) => ({
        key: `${d.key}_q${i + 1}`,
        label: { zh: q.zh, en: q.en },
        ...(q.help ? { guidance: q.help } : {}),
        weight: 1,
        type: 'yesno' as const,
        sections: ['selfAssessment'],
      })),
    })),
  };
}

export function presetTree(key: PresetKey): RubricTree {
  if (key === 'top-ten-default') return topTenDefault();
  if (key === 'cc-cmm-oc') return ccCmmOc();
  return cccsSelfAssessment();
}
