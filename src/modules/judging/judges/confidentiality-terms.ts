/**
 * The confidentiality terms a judge accepts per cycle before seeing any entry. Changing the text
 * means a new version; an acceptance records the version and the SHA-256 of the text accepted.
 */
import { createHash } from 'node:crypto';

export const CONFIDENTIALITY_TERMS = {
  version: '2026-1',
  zh: [
    '本人作为中国十佳呼叫中心评选的评审，承诺：',
    '1. 对评审中接触到的全部申报材料、数据、评分与评审意见严格保密，不以任何形式复制、传播或用于评审以外的目的；',
    '2. 评审结果正式公布前，不向任何单位或个人透露评审过程、评分及结果；',
    '3. 如与任何参评单位存在任职、咨询、竞争、亲属或其他利益关系，主动申报并回避该单位的评审；',
    '4. 独立、公正地评审，不接受参评单位的任何馈赠或请托。',
  ].join('\n'),
  en: [
    'As a judge of the China Top Ten Contact Center Award, I undertake to:',
    '1. keep every application, figure, score and comment I see in the review strictly confidential, and not copy, pass on or use any of it for anything but the review;',
    '2. disclose nothing of the review, its scores or its results to anyone before the results are officially published;',
    '3. declare any employment, consulting, competing, family or other interest in an entrant and stay out of its review;',
    '4. judge independently and fairly, and accept no gift or request from any entrant.',
  ].join('\n'),
};

export const confidentialityTextSha256 = (): string =>
  createHash('sha256').update(`${CONFIDENTIALITY_TERMS.zh}\n\n${CONFIDENTIALITY_TERMS.en}`, 'utf8').digest('hex');
