import { receiptSection } from './receipt.section';

const field = (key: string) => receiptSection.fields.find((f) => f.key === key)!;

describe('receipt descriptor', () => {
  it('is part 3, after the management sections', () => {
    expect(receiptSection).toMatchObject({ key: 'receipt', order: 12, part: 3 });
  });

  it('declares the spec keys with their types', () => {
    expect(receiptSection.fields.map((f) => `${f.key}:${f.type}${f.optional ? '?' : ''}`)).toEqual([
      'unitName:text',
      'address:text',
      'postcode:postcode',
      'phone:phone',
      'fax:phone?',
      'contactPerson:text',
      'email:email',
      'unitOpinion:text',
      'consent:boolean',
      'stampedReceipt:attachment',
    ]);
  });

  it('allows a 1000-character opinion on one line', () => {
    expect(field('unitOpinion')).toMatchObject({ type: 'text', max: 1000 });
  });

  it('needs the consent ticked to seal, worded as the seed does', () => {
    expect(field('consent')).toMatchObject({ mustBeTrue: true, label: { zh: '本单位同意参加本届表彰活动，并证明以上所填各项内容属实' } });
  });

  it('takes the stamped receipt after sealing, since it is printed from the sealed dossier', () => {
    expect(field('stampedReceipt')).toMatchObject({ kind: 'stamped_receipt', afterSeal: true });
    // afterSeal, not optional: it is still required to submit
    expect(field('stampedReceipt').optional).toBeFalsy();
  });

  it('has no cross-field rules', () => {
    expect(receiptSection.sealRules).toBeUndefined();
    expect(receiptSection.waivedPaths).toBeUndefined();
    expect(receiptSection.compute).toBeUndefined();
  });
});
