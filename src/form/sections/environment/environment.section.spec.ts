import type { FieldNode, GroupField } from '../../field-types';
import { environmentSection } from './environment.section';

/** `path:type`, `?` when optional, `+detail` when a yes needs detail. */
const shape = (fields: FieldNode[], prefix = ''): string[] =>
  fields.flatMap((f) => {
    const path = prefix + f.key;
    const self = `${path}:${f.type}${f.optional ? '?' : ''}${f.type === 'yesno' && f.detailWhenYes ? '+detail' : ''}`;
    return f.type === 'group' ? [self, ...shape(f.fields, `${path}.`)] : [self];
  });
const field = (key: string) => environmentSection.fields.find((f) => f.key === key)!;

describe('environment descriptor', () => {
  it('is §10 of part 2', () => {
    expect(environmentSection).toMatchObject({ key: 'environment', order: 10, part: 2 });
  });

  it('declares the spec table: yes/no with detail, layout, facilities, ergonomics, OHS', () => {
    expect(shape(environmentSection.fields)).toEqual([
      'envSafetyCertification:yesno+detail',
      'infoSecCertification:yesno+detail',
      'noiseControl:yesno+detail',
      'lightingMonitoring:yesno+detail',
      'layoutDescription:essay',
      'layoutPhotos:attachment',
      'facilities:group',
      ...[
        'prepRoom',
        'trainingRoom',
        'breakRoom',
        'canteen',
        'recreationRoom',
        'gym',
        'outdoorSpace',
        'parking',
        'medicalRoom',
        'shower',
        'childcare',
      ].map((k) => `facilities.${k}:boolean`),
      'facilities.other:yesno+detail',
      'ergonomics:group',
      ...['pc', 'chairs', 'desks', 'headsets'].map((k) => `ergonomics.${k}:boolean`),
      'ergonomics.other:yesno+detail',
      'ohsFeedback:essay',
      'lastOhsReview:group',
      'lastOhsReview.date:date',
      'lastOhsReview.summary:essay',
    ]);
  });

  it('needs at least one layout photo at seal', () => {
    expect(field('layoutPhotos')).toMatchObject({ kind: 'layout_photo', min: 1 });
    expect(field('layoutPhotos').optional).toBeFalsy();
  });

  it('makes facilities and ergonomics plain checkboxes: absent means "no", never missing', () => {
    for (const g of ['facilities', 'ergonomics']) {
      for (const f of (field(g) as GroupField).fields.filter((x) => x.type === 'boolean')) {
        expect(f).not.toHaveProperty('mustAnswer');
        expect(f).not.toHaveProperty('mustBeTrue');
      }
    }
  });

  it('labels facilities as the spec does', () => {
    expect((field('facilities') as GroupField).fields.map((f) => f.label.zh)).toEqual([
      '准备室',
      '培训室',
      '休息室',
      '餐厅',
      '娱乐室',
      '健身房',
      '户外活动空间',
      '停车位',
      '医疗室',
      '浴室淋浴',
      '托儿护理中心',
      '其它',
    ]);
    expect((field('ergonomics') as GroupField).fields.map((f) => f.label.zh)).toEqual(['PC', '座椅', '桌子', '耳麦', '其它']);
  });

  it('has no cross-field rules', () => {
    expect(environmentSection.sealRules).toBeUndefined();
    expect(environmentSection.waivedPaths).toBeUndefined();
    expect(environmentSection.compute).toBeUndefined();
  });
});
