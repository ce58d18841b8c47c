/**
 * The one catalogue of user-facing message texts, Chinese first. Error details carry a `code` and
 * `params`; the text is chosen here by the request's language (Accept-Language: en → English).
 */
export type Lang = 'zh' | 'en';
type Params = Record<string, unknown>;
type Text = (p: Params) => string;

const mb = (v: unknown): string => String(Math.round((Number(v) / 1024 / 1024) * 10) / 10);
const list = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

/** What a value of each format looks like (`invalid` with `params.format`: src/form/value-rules.ts). */
const FORMATS: Record<string, { zh: string; en: string } | undefined> = {
  email: { zh: '邮箱格式不正确', en: 'is not a valid e-mail address' },
  url: {
    zh: '网址格式不正确，例如 www.example.com 或 https://www.example.com',
    en: 'is not a web address such as www.example.com or https://www.example.com',
  },
  phone: { zh: '电话号码只能包含数字、空格和 + - ( )，5–30 位', en: 'may hold digits, spaces and + - ( ) only, 5–30 characters' },
  mobile: {
    zh: '请填写 11 位手机号（如 139 1234 5678）；境外号码以 + 和国家或地区代码开头',
    en: 'must be an 11-digit mobile number (e.g. 139 1234 5678); a number outside mainland China starts with + and its country code',
  },
  postcode: { zh: '邮政编码为 6 位数字', en: 'must be 6 digits' },
  date: { zh: '请输入有效日期（年-月-日）', en: 'must be a real date (YYYY-MM-DD)' },
};

export const MESSAGES: Record<string, { zh: Text; en: Text }> = {
  required: {
    zh: (p) => (p.min && Number(p.min) > 1 ? `至少需要 ${p.min} 项` : '必填'),
    en: (p) => (p.min && Number(p.min) > 1 ? `at least ${p.min} required` : 'required'),
  },
  invalid: {
    zh: (p) => FORMATS[String(p.format)]?.zh ?? '格式不正确',
    en: (p) => FORMATS[String(p.format)]?.en ?? 'is not valid',
  },
  unknown_field: { zh: () => '不是表单中的字段', en: () => 'is not a field of this form' },
  read_only: { zh: () => '由系统计算，不能填写', en: () => 'is computed by the server and read-only' },
  too_long: { zh: (p) => `最多 ${p.max} 个字`, en: (p) => `must be at most ${p.max} characters` },
  too_short: { zh: (p) => `至少 ${p.min} 个字符`, en: (p) => `must be at least ${p.min} characters` },
  too_small: {
    zh: (p) => (p.exclusive ? `必须大于 ${p.min ?? 0}` : `不能小于 ${p.min ?? 0}`),
    en: (p) => (p.exclusive ? `must be greater than ${p.min ?? 0}` : `must be at least ${p.min ?? 0}`),
  },
  too_large: { zh: (p) => `不能大于 ${p.max}`, en: (p) => `must be at most ${p.max}` },
  not_integer: { zh: () => '必须是整数', en: () => 'must be a whole number' },
  too_many_decimals: { zh: (p) => `最多 ${p.max} 位小数`, en: (p) => `at most ${p.max} decimal places` },
  not_in_options: { zh: (p) => `只能是：${list(p.options)}`, en: (p) => `must be one of: ${list(p.options)}` },
  duplicate: { zh: () => '选项重复', en: () => 'contains duplicates' },
  pick3: { zh: (p) => `请恰好选择 3 项（已选 ${p.count}）`, en: (p) => `choose exactly 3 (chosen: ${p.count})` },
  too_many: { zh: (p) => `最多 ${p.max} 项`, en: (p) => `at most ${p.max} items` },
  other_required: { zh: () => '选择了“其他”，请说明', en: () => '“Other” is chosen: please specify' },
  other_not_allowed: { zh: () => '未选择“其他”时不能填写', en: () => 'only allowed when “Other” is chosen' },
  exclusive: {
    zh: (p) => `“${list(p.codes)}”不能与其他选项同时选择`,
    en: (p) => `“${list(p.codes)}” cannot be combined with other choices`,
  },
  detail_required: { zh: () => '选择“是”时请说明', en: () => 'please give details when the answer is yes' },
  sum_100: { zh: (p) => `合计应为 100%（当前 ${p.sum}%）`, en: (p) => `must add up to 100% (now ${p.sum}%)` },
  must_be_true: { zh: () => '必须同意', en: () => 'must be accepted' },
  exceeds: { zh: (p) => `不能超过 ${p.max}`, en: (p) => `must not exceed ${p.max}` },
  future_date: { zh: () => '不能是将来的日期', en: () => 'must not be in the future' },
  attachment_kind: { zh: (p) => `附件类型应为 ${p.kind}`, en: (p) => `attachment must be of kind ${p.kind}` },
  attachment_missing: { zh: () => '引用的附件不存在或已删除', en: () => 'refers to an attachment that does not exist or was deleted' },
  incomplete: { zh: () => '申报表尚未填写完整', en: () => 'the application is not complete' },
  deadline_passed: { zh: (p) => `已过截止时间（${p.deadline}）`, en: (p) => `the deadline (${p.deadline}) has passed` },
  wrong_state: { zh: (p) => `当前状态为“${p.state}”，不能执行此操作`, en: (p) => `not possible while the application is ${p.state}` },
  stale_version: { zh: () => '内容已被他人修改，请先查看最新版本', en: () => 'changed by someone else since you loaded it' },
  if_match_required: { zh: () => '缺少 If-Match 请求头', en: () => 'the If-Match header is required' },
  duplicate_application: {
    zh: () => '本单位在该奖项类别已有申报',
    en: () => 'your organisation already has an application in this category',
  },
  email_taken: { zh: () => '该邮箱已注册', en: () => 'this e-mail is already registered' },
  bad_credentials: { zh: () => '邮箱或密码错误', en: () => 'wrong e-mail or password' },
  control_chars: { zh: () => '不能包含控制字符', en: () => 'must not contain control characters' },
  password_blank: { zh: () => '密码不能只由空格组成', en: () => 'must not consist of spaces only' },
  password_common: { zh: () => '该密码过于常见或容易猜到，请换一个', en: () => 'is too common or too easy to guess: choose another' },
  reset_token_invalid: { zh: () => '重设链接无效或已过期', en: () => 'the reset link is invalid or has expired' },
  invalid_uscc: { zh: () => '统一社会信用代码不正确', en: () => 'is not a valid Unified Social Credit Code' },
  invitation_invalid: { zh: () => '邀请无效或已过期', en: () => 'the invitation is invalid or has expired' },
  invitee_not_applicant: {
    zh: () => '该邮箱属于评审、工作人员或管理员账号，不能加入申报单位',
    en: () => 'this e-mail belongs to a judge, staff or admin account, which cannot join an applicant organisation',
  },
  not_applicant: {
    zh: () => '评审、工作人员和管理员账号不能加入申报单位，也不能代为申报',
    en: () => 'judge, staff and admin accounts cannot join an applicant organisation or act for one',
  },
  role_has_memberships: {
    zh: (p) => `该用户是申报单位（${list(p.organisations)}）的成员，不能改为评审、工作人员或管理员；这些角色请使用单独的账号`,
    en: (p) =>
      `this user is a member of the applicant organisation(s) ${list(p.organisations)} and cannot become a judge, staff or admin; use a separate account for those roles`,
  },
  invitation_email: { zh: () => '该邀请发给了另一个邮箱', en: () => 'the invitation was sent to another e-mail address' },
  too_deep: { zh: (p) => `嵌套层级过深（最多 ${p.max} 层）`, en: (p) => `is nested too deeply (at most ${p.max} levels)` },
  nul_character: { zh: () => '含有不允许的空字符（U+0000）', en: () => 'contains a NUL character (U+0000), which is not allowed' },
  lone_surrogate: { zh: () => '含有无效的 Unicode 字符（不成对的代理项）', en: () => 'contains invalid Unicode (an unpaired surrogate)' },
  not_finite: { zh: () => '必须是有限的数值', en: () => 'must be a finite number' },
  invalid_instant: {
    zh: () => '必须是带时区的 ISO-8601 时间，例如 2026-12-31T23:59:59+08:00（时区偏移在 ±14:00 以内，日期真实存在）',
    en: () => 'must be an ISO-8601 time with an offset, e.g. 2026-12-31T23:59:59+08:00 (offset within ±14:00, a real calendar date)',
  },
  malformed_url: { zh: () => '请求地址的编码不正确', en: () => 'the request URL is not correctly encoded' },
  precondition_failed: { zh: () => 'If-Match 条件不成立', en: () => 'the If-Match condition does not hold' },
  range_not_satisfiable: { zh: () => '请求的范围无效', en: () => 'the requested range cannot be served' },
  malformed_json: { zh: () => '请求体不是合法的 JSON', en: () => 'the request body is not valid JSON' },
  not_found: { zh: () => '未找到', en: () => 'not found' },
  unauthorized: { zh: () => '请先登录', en: () => 'sign in first' },
  forbidden: { zh: () => '无权执行此操作', en: () => 'you may not do this' },
  too_many_requests: { zh: () => '请求过于频繁，请稍后再试', en: () => 'too many requests, try again later' },
  unsupported_media_type: { zh: () => '不支持的内容类型', en: () => 'unsupported content type' },
  body_type: { zh: (p) => `请求体的类型应为 ${list(p.allowed)}`, en: (p) => `the request body must be ${list(p.allowed)}` },
  cross_site_request: {
    zh: () => '请求来自其他网站，已拒绝；请在本站页面上操作',
    en: () => 'refused: the request came from another site; use this site’s own pages',
  },
  payload_too_large: { zh: () => '请求内容过大', en: () => 'the request is too large' },
  file_too_large: { zh: (p) => `文件超过 ${mb(p.limit)} MB 的上限`, en: (p) => `the file exceeds the ${mb(p.limit)} MB limit` },
  quota_exceeded: {
    zh: (p) => `本申报的附件合计不能超过 ${mb(p.limit)} MB`,
    en: (p) => `this application's attachments may not exceed ${mb(p.limit)} MB in all`,
  },
  file_type: {
    zh: (p) => `文件内容不是允许的类型（${list(p.types ?? p.allowed)}）`,
    en: (p) => `the file's content is not an allowed type (${list(p.types ?? p.allowed)})`,
  },
  file_damaged: {
    zh: (p) => `文件内容不是完整有效的 ${p.type}（已损坏，或只是开头像 ${p.type}）`,
    en: (p) => `the file is not a complete, valid ${p.type} (damaged, or only its first bytes look like one)`,
  },
  file_too_complex: {
    zh: () => '文件结构过于复杂，无法检查，请另存为较简单的 PDF 后再上传',
    en: () => 'the file is too complex to check; save it as a simpler PDF and upload it again',
  },
  image_too_large: {
    zh: (p) => `图片像素过多（${p.width} × ${p.height}），最多 ${Math.round(Number(p.limit) / 1e6)} 百万像素`,
    en: (p) => `the image has too many pixels (${p.width} × ${p.height}); at most ${Math.round(Number(p.limit) / 1e6)} megapixels`,
  },
  too_many_receipts: {
    zh: (p) => `每份申报最多保留 ${p.max} 份盖章回执，请先删除不需要的`,
    en: (p) => `at most ${p.max} stamped receipts per application: remove one you no longer need first`,
  },
  file_required: { zh: () => '请选择要上传的文件', en: () => 'choose a file to upload' },
  kind_first: { zh: () => '请在文件之前提供 kind 字段', en: () => 'send the kind field before the file' },
  one_file: { zh: () => '每次只能上传一个文件', en: () => 'one file per request' },
  empty_file: { zh: () => '文件为空', en: () => 'the file is empty' },
  not_multipart: { zh: () => '请以 multipart/form-data 上传', en: () => 'upload as multipart/form-data' },
  category_not_in_cycle: { zh: () => '该类别不属于此评选周期', en: () => 'the category does not belong to this cycle' },
  cycle_not_open: { zh: () => '该评选周期当前不接受申报', en: () => 'this award cycle is not open for applications' },
  deadline_order: { zh: () => '截止时间必须晚于开始时间', en: () => 'the deadline must be after the opening time' },
  no_organisation: { zh: () => '请指定申报单位', en: () => 'choose the organisation that applies' },
  only_when_recommended: { zh: () => '仅在“推荐”申报时填写', en: () => 'only for recommended nominations' },
  dossier_failed: {
    zh: (p) => `申报材料生成失败${p.reason ? `（${p.reason}）` : ''}，可以重新生成`,
    en: (p) => `the dossier could not be produced${p.reason ? ` (${p.reason})` : ''}; it can be produced again`,
  },
  dossier_not_failed: {
    zh: (p) => `申报材料当前为“${p.status ?? ''}”，无需重新生成`,
    en: (p) => `the dossier is ${p.status ?? ''}; only a failed one can be produced again`,
  },
  // judging (issue 14)
  rubric_key: {
    zh: () => '键只能由字母、数字、点、下划线和连字符组成（最多 64 个字符）',
    en: () => 'a key is letters, digits, dots, underscores and hyphens (at most 64 characters)',
  },
  rubric_duplicate_key: { zh: (p) => `键“${p.key}”在评分表中重复`, en: (p) => `the key “${p.key}” is used twice in the rubric` },
  rubric_weight: { zh: () => '权重应为 0 到 1000 之间的数', en: () => 'the weight must be a number from 0 to 1000' },
  rubric_scale_order: { zh: () => '最高分必须大于最低分', en: () => 'the maximum must be above the minimum' },
  rubric_scale_step: { zh: () => '步长必须能整除分值范围', en: () => 'the step must divide the range evenly' },
  rubric_scale_only: { zh: () => '只有量表评分项有最低分、最高分和步长', en: () => 'only scale criteria have min, max and step' },
  rubric_too_deep: { zh: (p) => `分组最多 ${p.max} 层`, en: (p) => `groups nest at most ${p.max} levels deep` },
  rubric_empty_group: { zh: () => '分组中没有评分项', en: () => 'the group holds no criteria' },
  rubric_percent: { zh: () => '应为 0 到 100 之间的百分比', en: () => 'must be a percentage from 0 to 100' },
  rubric_yes_share_only: {
    zh: () => '按“是”的比例计分时，所有评分项都必须是“是/否”题',
    en: () => 'scored as a yes-share, every criterion must be yes/no',
  },
  rubric_source: {
    zh: () => '请提供预设（preset）或评分表（tree）其中之一',
    en: () => 'give either a preset or a tree, not both and not neither',
  },
  round_wrong_state: {
    zh: (p) => `评审轮次当前为“${p.state}”，不能执行此操作`,
    en: (p) => `not possible while the round is ${p.state}`,
  },
  round_order: { zh: () => '结束时间必须晚于开始时间', en: () => 'the round must close after it opens' },
  rubric_in_use: {
    zh: (p) => `评审轮次“${p.round}”已开始使用此评分表，不能再修改；可导出后作为新的评分表导入再修改`,
    en: (p) =>
      `the round “${p.round}” has opened with this rubric, so it can no longer change; export it and import it as a new rubric to edit`,
  },
  judge_has_assignments: {
    zh: (p) => `该评委在本轮还有 ${p.count} 份分配的申报，请先移除或改派这些分配`,
    en: (p) => `this judge still has ${p.count} entries assigned in this round; remove or reassign them first`,
  },
  no_previous_round: {
    zh: () => '这是本周期的第一轮，没有上一轮的晋级名单',
    en: () => 'this is the cycle’s first round: there is no previous round to take advancers from',
  },
  no_confirmed_advancers: {
    zh: () => '上一轮尚无经确认的晋级名单；请先确认上一轮的晋级结果',
    en: () => 'the previous round has no confirmed advancers yet; confirm its advancement first',
  },
  no_entrants: { zh: () => '没有可进入本轮评审的申报', en: () => 'no application can enter this round' },
  entrant_not_accepted: {
    zh: (p) => `申报 ${p.entryCode} 当前为“${p.state}”，不能进入评审`,
    en: (p) => `application ${p.entryCode} is ${p.state} and cannot enter the round`,
  },
  not_judge: { zh: () => '只能把评审账号加入评审组', en: () => 'only judge accounts can join a panel' },
  judge_email_taken: {
    zh: () => '该邮箱已有账号；评审账号需使用单独的邮箱，请联系工作人员',
    en: () => 'this e-mail already has an account; a judge account needs an e-mail of its own: ask the staff',
  },
  confidentiality_required: {
    zh: () => '请先接受本周期的保密条款',
    en: () => 'accept this cycle’s confidentiality terms first',
  },
  conflict_declared: {
    zh: () => '评审本人申报的利益冲突不能撤销',
    en: () => 'a conflict the judge declared cannot be dismissed',
  },
  conflict_dismissed: { zh: () => '该利益冲突已被撤销', en: () => 'this conflict has already been dismissed' },
  not_entrant: {
    zh: () => '该单位没有参加本周期的评审',
    en: () => 'this organisation has no entry in a review round of yours',
  },
  other_cycle: {
    zh: () => '该申报不属于所选评选周期，未处理',
    en: () => 'this entry belongs to another award cycle and was left as it is',
  },
  demote_self: {
    zh: () => '不能更改自己的管理员角色，请由另一位管理员操作',
    en: () => 'you cannot change your own admin role; ask another admin',
  },
  disable_self: { zh: () => '不能停用自己的账号', en: () => 'you cannot disable your own account' },
  last_admin: {
    zh: () => '这是最后一位启用中的管理员，不能降级或停用；请先指定另一位管理员',
    en: () => 'this is the last enabled admin and cannot be demoted or disabled; make another account admin first',
  },
  deadline_after_submissions: {
    zh: (p) => `已有 ${p.submitted} 份申报提交，截止时间只能延后，不能早于当前的 ${p.current}`,
    en: (p) => `${p.submitted} entries have been submitted: the deadline may only move later than ${p.current}, not earlier`,
  },
  opening_after_entries: {
    zh: (p) => `已有 ${p.entries} 份申报，开始时间只能提前，不能推后`,
    en: (p) => `${p.entries} entries exist: the opening may only move earlier, not later`,
  },
  // assignments and reviews (issue 14)
  not_in_round: { zh: () => '该申报不在本轮评审中', en: () => 'this application is not an entry of the round' },
  not_on_panel: { zh: () => '该评委不在本轮评审组中', en: () => 'this judge is not on the round’s panel' },
  already_assigned: { zh: () => '该评委已分配到这份申报', en: () => 'this judge is already assigned to this entry' },
  judge_conflicted: {
    zh: () => '该评委与申报单位存在利益冲突，不能分配',
    en: () => 'this judge has a conflict of interest with the entrant and cannot be assigned',
  },
  judge_at_capacity: {
    zh: (p) => `该评委已达评审上限（${p.count}/${p.capacity}）`,
    en: (p) => `this judge is at capacity (${p.count} of ${p.capacity})`,
  },
  fixed_pair_conflicted: {
    zh: () => '一份已提交的评审与利益冲突并存，请人工处理',
    en: () => 'a submitted review stands against a conflict of interest; resolve it by hand',
  },
  fixed_pairs_exceed_reviews: {
    zh: () => '已提交的评审多于每份申报所需的评审数',
    en: () => 'more reviews were submitted than the round needs for this entry',
  },
  fixed_pairs_exceed_capacity: {
    zh: () => '该评委已提交的评审超过其评审上限',
    en: () => 'this judge has submitted more reviews than their capacity',
  },
  rating_unknown: { zh: () => '评分表中没有这一项', en: () => 'is not a criterion of the rubric' },
  rating_type: {
    zh: (p) => (p.type === 'yesno' ? '应为是或否' : p.type === 'dual_rate' ? '应为 { c, f }，各为 0、5 或 10' : '应为数字'),
    en: (p) =>
      p.type === 'yesno' ? 'must be true or false' : p.type === 'dual_rate' ? 'must be { c, f }, each 0, 5 or 10' : 'must be a number',
  },
  rating_scale: {
    zh: (p) => `应为 ${p.min} 到 ${p.max} 之间、步长 ${p.step} 的分值`,
    en: (p) => `must be from ${p.min} to ${p.max} in steps of ${p.step}`,
  },
  unrated: { zh: () => '尚未评分', en: () => 'not rated yet' },
  comment_required: { zh: () => '极端分值需要填写评语', en: () => 'a rating at an extreme needs a comment' },
  review_incomplete: {
    zh: () => '评审尚未完成：还有未评分的项或需要填写的评语',
    en: () => 'the review is not complete: criteria are unrated or comments are missing',
  },
  review_submitted: { zh: () => '评审已提交', en: () => 'the review is already submitted' },
  internal: { zh: () => '服务器内部错误，请稍后再试', en: () => 'internal error, please try again later' },
};

export function message(code: string, lang: Lang, params: Params = {}): string {
  const m = MESSAGES[code];
  return m ? m[lang](params) : code;
}

export function langOf(acceptLanguage: string | undefined): Lang {
  return acceptLanguage && /^\s*en\b/i.test(acceptLanguage) ? 'en' : 'zh';
}
