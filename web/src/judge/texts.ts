/**
 * The judges' page strings, Chinese first, English second — the catalogue of web/src/i18n.ts
 * continued for the pages only judges open (their own chunk). Same placeholders, same switch.
 */
import { format, useT } from '../i18n';

const TEXTS = {
  // invitation
  inviteTitle: ['接受评审邀请', 'Accept the judging invitation'],
  inviteHelp: ['设置您的姓名和密码，即可进入评审平台。', 'Set your name and a password to enter the judging platform.'],
  inviteAccept: ['接受邀请', 'Accept the invitation'],
  inviteInvalid: ['邀请链接无效或已使用。', 'This invitation link is not valid or was used already.'],
  // home
  myReviews: ['我的评审任务', 'My reviews'],
  noOpenCycles: ['当前没有开放的评选周期。', 'There is no open award cycle now.'],
  confidentiality: ['保密承诺', 'Confidentiality terms'],
  termsVersion: ['版本 {v}', 'Version {v}'],
  acceptTerms: ['我已阅读并接受保密承诺', 'I have read and accept the terms'],
  acceptedAt: ['已于 {time} 接受', 'Accepted on {time}'],
  conflicts: ['利益冲突申报', 'Conflicts of interest'],
  conflictsHelp: [
    '如您与以下申报单位存在利益关系，请选择关系类型并申报；申报后您不会被分配评审该单位的申报。',
    'If you have an interest in one of these entrants, choose the kind and declare it; you will not be assigned its entry.',
  ],
  conflictsLocked: ['接受保密承诺后可查看申报单位并申报利益冲突。', 'Accept the terms to see the entrants and declare conflicts.'],
  noEntrants: ['本周期暂无申报单位。', 'No entrants in this cycle yet.'],
  organisation: ['申报单位', 'Organisation'],
  kind: ['关系类型', 'Kind'],
  note: ['说明（选填）', 'Note (optional)'],
  declare: ['申报', 'Declare'],
  declared: ['已申报的利益冲突', 'Declared conflicts'],
  declaredOne: ['已申报', 'Declared'],
  noneDeclared: ['尚未申报利益冲突。', 'No conflict declared yet.'],
  removedAssignments: ['已移除 {n} 项相关评审任务', '{n} related assignments removed'],
  kindEmployment: ['任职关系', 'Employment'],
  kindConsulting: ['咨询服务关系', 'Consulting'],
  kindCompetitor: ['竞争关系', 'Competitor'],
  kindFamily: ['亲属关系', 'Family'],
  kindOther: ['其他', 'Other'],
  chooseKind: ['请选择关系类型', 'Choose a kind'],
  assignments: ['评审任务', 'Assignments'],
  // profile
  profile: ['评审资料', 'My profile'],
  industries: ['擅长行业', 'Industries of expertise'],
  employer: ['工作单位', 'Employer'],
  employerUscc: ['工作单位统一社会信用代码', 'Employer’s unified social credit code'],
  group: ['所属集团', 'Group'],
  capacity: ['每轮最多评审数量', 'Entries at most per round'],
  save: ['保存', 'Save'],
  saved: ['已保存', 'Saved'],
  loadFailed: ['加载失败', 'Could not load'],
} as const;

export type JudgeTextKey = keyof typeof TEXTS;

export function useJudgeT() {
  const base = useT();
  const j = (key: JudgeTextKey, vars?: Record<string, string | number>) => format(TEXTS[key][base.lang === 'zh' ? 0 : 1], vars);
  return { ...base, j };
}
