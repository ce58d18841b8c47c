/**
 * Every page string, Chinese first, English second, in one catalogue. Field labels and options
 * are not here: they come with the form descriptor (GET /api/form), declared once on the server.
 */
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

const TEXTS = {
  appTitle: ['中国十佳呼叫中心奖 · 申报平台', 'Top-Ten Contact Center Award · Applications'],
  login: ['登录', 'Sign in'],
  logout: ['退出', 'Sign out'],
  register: ['注册', 'Register'],
  email: ['邮箱', 'E-mail'],
  password: ['密码', 'Password'],
  name: ['姓名', 'Name'],
  organisationName: ['单位名称', 'Organisation'],
  noAccount: ['还没有账号？注册', 'No account yet? Register'],
  haveAccount: ['已有账号？登录', 'Have an account? Sign in'],
  myApplications: ['我的申报', 'My applications'],
  newApplication: ['新建申报', 'New application'],
  cycle: ['评选周期', 'Award cycle'],
  category: ['参评类别', 'Category'],
  create: ['创建', 'Create'],
  open: ['打开', 'Open'],
  state: ['状态', 'State'],
  deadline: ['截止时间', 'Deadline'],
  remaining: ['剩余', 'left'],
  closed: ['已截止', 'closed'],
  completeness: ['完整度', 'Completeness'],
  sections: ['填报章节', 'Sections'],
  saved: ['已保存', 'Saved'],
  saving: ['保存中…', 'Saving…'],
  offline: ['离线，已暂存', 'Offline, kept on this device'],
  invalid: ['有字段未通过校验', 'Some fields need attention'],
  total: ['合计', 'Total'],
  picked: ['已选', 'Chosen'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  detail: ['说明', 'Details'],
  addRow: ['添加一行', 'Add a row'],
  removeRow: ['删除此行', 'Remove row'],
  upload: ['上传文件', 'Upload a file'],
  remove: ['删除', 'Delete'],
  clear: ['清除', 'Clear'],
  preview: ['预览', 'Preview'],
  missing: ['待完善项目', 'Still missing'],
  allComplete: ['所有必填项已完成', 'Everything required is filled in'],
  conflictTitle: ['他人已修改此章节', 'Someone else changed this section'],
  conflictHelp: ['请逐项选择保留哪一个版本。', 'Choose, field by field, which version to keep.'],
  theirs: ['对方的版本', 'Their version'],
  mine: ['我的版本', 'My version'],
  keepSelected: ['保存所选', 'Save my choices'],
  review: ['检查并封存', 'Review and seal'],
  consent: [
    '我确认以上所填内容属实，同意封存并生成申报材料。',
    'I confirm the entries are true and agree to seal them and produce the dossier.',
  ],
  seal: ['封存', 'Seal'],
  sealed: ['已封存', 'Sealed'],
  rendering: ['正在生成申报材料 PDF…', 'Producing the dossier PDF…'],
  downloadDossier: ['下载申报材料 (PDF)', 'Download the dossier (PDF)'],
  receiptSteps: [
    '请打印申报材料中的“单位回执”页，加盖单位公章后扫描或拍照上传，然后提交。',
    'Print the receipt page of the dossier, stamp it with the company seal, scan or photograph it, upload it, then submit.',
  ],
  uploadReceipt: ['上传盖章回执', 'Upload the stamped receipt'],
  submit: ['提交', 'Submit'],
  unseal: ['解除封存并修改', 'Unseal to edit'],
  timeline: ['进度', 'Progress'],
  returnedReason: ['退回原因', 'Reason for return'],
  members: ['单位成员', 'Members'],
  owner: ['负责人', 'Owner'],
  member: ['成员', 'Member'],
  invite: ['邀请同事', 'Invite a colleague'],
  invitationLink: ['邀请链接（请发送给同事，仅可使用一次）', 'Invitation link (send it to your colleague; it works once)'],
  acceptInvitation: ['接受邀请', 'Accept the invitation'],
  language: ['English', '中文'],
  error: ['出错了', 'Something went wrong'],
  countdown: ['剩余 {d} 天 {h} 小时', '{d} d {h} h left'],
  countdownHours: ['剩余 {h} 小时 {m} 分', '{h} h {m} min left'],
  deadlineIn: ['截止 {when}（{zone}）', 'Deadline {when} ({zone})'],
  returnedTitle: ['申报已被退回，请修改后重新封存提交', 'Your entry was returned: edit it, then seal and submit again'],
  dossierMissing: ['申报材料暂不可用，请稍后再试。', 'The dossier is not available yet; try again later.'],
  dossierFailed: [
    '申报材料生成失败。请重新生成；如仍失败，请联系组委会。',
    'The dossier could not be produced. Try again; if it fails again, please contact the organisers.',
  ],
  dossierFailedReason: ['原因：{reason}', 'Reason: {reason}'],
  dossierRetry: ['重新生成', 'Try again'],
  uploadFailed: ['上传失败', 'Upload failed'],
  fileOf: ['{name}（{size}）', '{name} ({size})'],
  goToField: ['前往该项', 'Go to this field'],
  manyMissing: ['还有 {n} 项需要完善，请在“待完善项目”中逐项处理。', '{n} items still need attention: see “Still missing”.'],
  showMissing: ['查看待完善项目', 'Show what is missing'],
  // the stamped receipt: what happens, before it can happen (draft), and the submitted entry
  receiptLater: ['盖章回执在封存后上传', 'The stamped receipt comes after sealing'],
  receiptLaterSteps: [
    '封存后：① 下载申报材料 PDF，打印最后的“单位回执”页；② 加盖单位公章并注明日期；③ 扫描或拍照后在“检查并封存”页上传；④ 提交。',
    'After sealing: ① download the dossier PDF and print its last page, the receipt; ② stamp it with the company seal and date it; ③ scan or photograph it and upload it on “Review and seal”; ④ submit.',
  ],
  submittedTitle: ['申报已提交', 'Your entry has been submitted'],
  submittedAt: ['提交时间', 'Submitted at'],
  entryCode: ['申报编号', 'Entry code'],
  nextSteps: [
    '组委会将对申报材料进行形式审查，受理或退回修改时会以邮件通知。受理后进入评审，无需再做任何操作。',
    'The organisers will screen the entry and e-mail you when it is accepted or returned for changes. Once accepted it goes to the judges; there is nothing more to do.',
  ],
  duplicateEntry: ['创建失败', 'Could not create the entry'],
  nomination: ['参评方式', 'Entry by'],
  nominationSelf: ['自荐', 'Self-nomination'],
  nominationRecommended: ['推荐', 'Recommended by another unit'],
  recommenderName: ['推荐单位', 'Recommending unit'],
  recommenderContact: ['推荐单位联系方式', 'Recommender’s contact'],
  kpiIndicator: ['指标', 'Indicator'],
  kpiTarget: ['目标', 'Target'],
  kpiActual: ['过去12个月的达成情况', 'Actual (past 12 months)'],
  kpiMet: ['是否达标', 'Met'],
  kpiGap: ['差距', 'Gap'],
  kpiMetYes: ['达标', 'Met'],
  kpiMetNo: ['未达标', 'Not met'],
  invitationsPending: ['待接受的邀请', 'Pending invitations'],
  inviteByEmail: ['通过邮件邀请', 'Invite by e-mail'],
  invitationSent: ['邀请邮件已发送至 {email}', 'An invitation was e-mailed to {email}'],
  revoke: ['撤销', 'Revoke'],
  revokeConfirm: ['撤销发给 {email} 的邀请？', 'Revoke the invitation to {email}?'],
  invitedAt: ['邀请时间', 'Invited'],
  expiresAt: ['有效期至', 'Valid until'],
  noPending: ['没有待接受的邀请', 'No pending invitations'],
  cancel: ['取消', 'Cancel'],
  // inline validation (mirrors the server's draft rules; the server still decides)
  vTooLong: ['最多 {n} 个字', 'At most {n} characters'],
  vInteger: ['请输入整数', 'Enter a whole number'],
  vMin: ['不能小于 {n}', 'Must be at least {n}'],
  vPositive: ['必须大于 {n}', 'Must be greater than {n}'],
  vMax: ['不能大于 {n}', 'Must be at most {n}'],
  vDecimals: ['最多 {n} 位小数', 'At most {n} decimal places'],
  vYear: ['请输入 {min}–{max} 之间的年份', 'Enter a year from {min} to {max}'],
  vDate: ['请输入有效日期（年-月-日）', 'Enter a real date (YYYY-MM-DD)'],
  vFutureDate: ['日期不能晚于今天', 'The date cannot be in the future'],
  vEmail: ['邮箱格式不正确', 'Not a valid e-mail address'],
  vUrl: [
    '网址格式不正确，例如 www.example.com 或 https://www.example.com',
    'Enter a web address such as www.example.com or https://www.example.com',
  ],
  vPhone: ['电话号码只能包含数字、空格和 + - ( )，5–30 位', 'Digits, spaces and + - ( ) only, 5–30 characters'],
  vMobile: [
    '请填写 11 位手机号（如 139 1234 5678）；境外号码以 + 和国家或地区代码开头',
    'Enter an 11-digit mobile number (e.g. 139 1234 5678); a number outside mainland China starts with + and its country code',
  ],
  vPostcode: ['邮政编码为 6 位数字', 'A postcode is 6 digits'],
  vOptions: ['请从列表中选择', 'Choose from the list'],
  vDuplicate: ['选项重复', 'Chosen twice'],
  vTooMany: ['最多 {n} 项', 'At most {n} items'],
  vUscc: ['统一社会信用代码不正确', 'Not a valid Unified Social Credit Code'],
  vInvalid: ['格式不正确', 'Not valid'],
  vExclusive: ['“{option}”不能与其他选项同时选择', '"{option}" cannot be combined with other options'],
  // the shell: navigation per role and the page for what a role may not see
  menu: ['菜单', 'Menu'],
  navigation: ['主导航', 'Main navigation'],
  navDashboard: ['评选概览', 'Dashboard'],
  navCycles: ['评选周期', 'Award cycles'],
  navEntries: ['申报列表', 'Entries'],
  navOrganisations: ['申报单位', 'Organisations'],
  navUsers: ['用户管理', 'Users'],
  navAudit: ['审计日志', 'Audit log'],
  navRounds: ['评审轮次', 'Rounds'],
  navRubrics: ['评分细则', 'Rubrics'],
  navJudges: ['评审专家', 'Judges'],
  navAssignments: ['评审任务', 'Assignments'],
  navMyReviews: ['我的评审任务', 'My reviews'],
  navJudgeProfile: ['评审资料', 'My profile'],
  notFoundTitle: ['页面不存在', 'Page not found'],
  notFoundText: ['您访问的页面不存在，或您无权查看。', 'This page does not exist, or you may not see it.'],
  backHome: ['返回首页', 'Back to the start page'],
  assignmentsEmpty: ['评审任务分配后将显示在这里。', 'Your review assignments will be listed here once they are made.'],
} as const;

export type TextKey = keyof typeof TEXTS;

/** Time zones by the names people use; the countdown never shows an IANA key. */
export const ZONE_NAMES: Record<string, [string, string]> = {
  'Asia/Shanghai': ['北京时间', 'China Standard Time'],
  'Asia/Chongqing': ['北京时间', 'China Standard Time'],
  'Asia/Urumqi': ['乌鲁木齐时间', 'Xinjiang Time'],
  'Asia/Hong_Kong': ['香港时间', 'Hong Kong Time'],
  'Asia/Macau': ['澳门时间', 'Macao Time'],
  'Asia/Taipei': ['台北时间', 'Taipei Time'],
  'Asia/Singapore': ['新加坡时间', 'Singapore Time'],
  'Asia/Tokyo': ['东京时间', 'Japan Standard Time'],
  UTC: ['协调世界时', 'Coordinated Universal Time'],
};

export const STATE_LABELS: Record<string, [string, string]> = {
  draft: ['草稿', 'Draft'],
  sealed: ['已封存', 'Sealed'],
  submitted: ['已提交', 'Submitted'],
  accepted: ['已受理', 'Accepted'],
  rejected: ['未受理', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
  in_review: ['评审中', 'In review'],
  finalist: ['入围', 'Finalist'],
  awarded: ['获奖', 'Awarded'],
  not_awarded: ['未获奖', 'Not awarded'],
};

/** Fills `{name}` placeholders of a catalogue text. */
export const format = (text: string, vars?: Record<string, string | number>) =>
  vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

export function useT() {
  const { lang } = useContext(LangContext);
  const t = (key: TextKey, vars?: Record<string, string | number>) => format(TEXTS[key][lang === 'zh' ? 0 : 1], vars);
  const label = (l: { zh: string; en: string } | undefined) => (l ? (lang === 'zh' ? l.zh : l.en) : '');
  const state = (s: string) => STATE_LABELS[s]?.[lang === 'zh' ? 0 : 1] ?? s;
  return { t, label, state, lang };
}
