/**
 * Part 3 单位回执 — the receipt page printed from the sealed dossier, stamped with the company
 * seal. The stamped scan is uploaded after sealing, so it is not required to seal (only to submit).
 */
import { attachment, bool, email, phone, postcode, text } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

export const receiptSection: SectionDefinition = {
  key: 'receipt',
  order: 12,
  part: 3,
  title: { zh: '单位回执', en: 'Receipt' },
  identifying: ['*'],
  names: ['unitName'],
  fields: [
    text('unitName', '单位名称', 'Organisation name'),
    text('address', '地址', 'Address'),
    postcode('postcode', '邮编', 'Postcode'),
    phone('phone', '电话', 'Phone'),
    phone('fax', '传真', 'Fax', { optional: true }),
    text('contactPerson', '联系人', 'Contact person'),
    email('email', '电子邮件', 'E-mail'),
    text('unitOpinion', '单位意见', 'Opinion of the organisation', { max: 1000 }),
    bool(
      'consent',
      '本单位同意参加本届表彰活动，并证明以上所填各项内容属实',
      'We agree to take part in this award and certify that everything above is true',
      { mustBeTrue: true },
    ),
    attachment('stampedReceipt', '公章（加盖公章的回执扫描件）', 'Stamped receipt (scan bearing the company seal)', 'stamped_receipt', {
      afterSeal: true,
      max: 5,
    }),
  ],
};
