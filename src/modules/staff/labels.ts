/** Chinese-first labels of what the staff console prints (exports, dashboard); the pages' own are in web/src/i18n.ts. */
import type { Label } from '../../form/field-types';

export const STATE_LABELS: Record<string, Label> = {
  draft: { zh: '草稿', en: 'Draft' },
  sealed: { zh: '已封存', en: 'Sealed' },
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '未受理', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  in_review: { zh: '评审中', en: 'In review' },
  finalist: { zh: '入围', en: 'Finalist' },
  awarded: { zh: '获奖', en: 'Awarded' },
  not_awarded: { zh: '未获奖', en: 'Not awarded' },
};

export const RECEIPT_LABELS: Record<string, Label> = {
  matched: { zh: '一致', en: 'Matched' },
  different: { zh: '不一致', en: 'Different' },
  unreadable: { zh: '无法识别', en: 'Unreadable' },
  pending: { zh: '待核验', en: 'Pending' },
};
