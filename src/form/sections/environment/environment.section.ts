/** Part 2 §10 呼叫中心环境建设及管理 — Workplace environment. */
import { attachment, bool, date, essay, group, HAVE_OR_NOT_WORDS, HAVE_WORDS, yesno } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

const FACILITIES: Array<[key: string, zh: string, en: string]> = [
  ['prepRoom', '准备室', 'Preparation room'],
  ['trainingRoom', '培训室', 'Training room'],
  ['breakRoom', '休息室', 'Break room'],
  ['canteen', '餐厅', 'Canteen'],
  ['recreationRoom', '娱乐室', 'Recreation room'],
  ['gym', '健身房', 'Gym'],
  ['outdoorSpace', '户外活动空间', 'Outdoor space'],
  ['parking', '停车位', 'Parking'],
  ['medicalRoom', '医疗室', 'Medical room'],
  ['shower', '浴室淋浴', 'Showers'],
  ['childcare', '托儿护理中心', 'Childcare'],
];

const ERGONOMICS: Array<[key: string, zh: string, en: string]> = [
  ['pc', 'PC', 'PCs'],
  ['chairs', '座椅', 'Chairs'],
  ['desks', '桌子', 'Desks'],
  ['headsets', '耳麦', 'Headsets'],
];

const checkboxes = (rows: Array<[string, string, string]>) => rows.map(([key, zh, en]) => bool(key, zh, en));

export const environmentSection: SectionDefinition = {
  key: 'environment',
  order: 10,
  part: 2,
  title: { zh: '呼叫中心环境建设及管理', en: 'Workplace environment' },
  fields: [
    yesno('envSafetyCertification', '环境管理及职业安全的评选/认证', 'Environmental and occupational-safety awards or certification', {
      detailWhenYes: true,
      answerWords: HAVE_OR_NOT_WORDS,
    }),
    yesno('infoSecCertification', '信息安全管理认证(如ISO27001)', 'Information-security certification (e.g. ISO 27001)', {
      detailWhenYes: true,
      answerWords: HAVE_OR_NOT_WORDS,
    }),
    yesno('noiseControl', '噪音控制', 'Noise control', { detailWhenYes: true, answerWords: HAVE_OR_NOT_WORDS }),
    yesno('lightingMonitoring', '监控灯光照明度及舒适度', 'Lighting level and comfort monitored', {
      detailWhenYes: true,
      answerWords: HAVE_OR_NOT_WORDS,
    }),
    essay('layoutDescription', '呼叫中心的布局', 'Layout of the contact center'),
    attachment('layoutPhotos', '布局图片', 'Layout photos', 'layout_photo', { min: 1, max: 20 }),
    group('facilities', '配套设施', 'Facilities', [
      ...checkboxes(FACILITIES),
      yesno('other', '其它', 'Other', { detailWhenYes: true, answerWords: HAVE_WORDS }),
    ]),
    group('ergonomics', '人体工程学', 'Ergonomics', [
      ...checkboxes(ERGONOMICS),
      yesno('other', '其它', 'Other', { detailWhenYes: true, answerWords: HAVE_WORDS }),
    ]),
    essay('ohsFeedback', '如何收集员工对职业健康与环境安全的建议', 'How staff suggestions on occupational health and safety are collected'),
    group('lastOhsReview', '最近一次检讨职业健康与安全', 'Latest occupational health and safety review', [
      date('date', '日期', 'Date'),
      essay('summary', '内容', 'Summary'),
    ]),
  ],
};
