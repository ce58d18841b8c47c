/**
 * Part 1 — 基本信息 Basics (`shared/spec/application-form.md` § Part 1).
 */
import { attachment, choice, decimal, email, group, int, multi, OTHER, opt, percent, phone, text, url, year } from '../../field-builders';
import type { FieldIssue, FieldNode, SectionData, SectionDefinition } from '../../field-types';
import { getPath, isBlank, num, sumTo100 } from '../../rule-helpers';

export const EDUCATION_KEYS = ['bachelorPlus', 'associate', 'vocational', 'highSchoolOrBelow'] as const;
export const AGE_KEYS = ['under25', 'from25to35', 'from35to50', 'over50'] as const;
export const SEAT_TYPES = ['fullTime', 'partTime', 'remote'] as const;
export const CONTACT_MIX_ROWS = ['voice', 'email', 'ivr', 'bot', 'other'] as const;

/** The channel codes; `omnichannel.nonVoiceChannels` reuses them minus `voice`. */
export const CHANNEL_OPTIONS = [
  opt('voice', '电话', 'Voice'),
  opt('email', '邮件', 'Email'),
  opt('sms', '短信', 'SMS'),
  opt('wechat', '微信', 'WeChat'),
  opt('web_chat', '在线客服', 'Web chat'),
  opt('app', 'APP', 'App'),
  opt('social_media', '社交媒体', 'Social media'),
  opt('video', '视频', 'Video'),
  OTHER,
];

const education = (optional = false): FieldNode =>
  group(
    'education',
    '学历分布',
    'Education',
    [
      percent('bachelorPlus', '本科及以上 (%)', "Bachelor's or above (%)"),
      percent('associate', '大专 (%)', 'Associate degree (%)'),
      percent('vocational', '中专 (%)', 'Vocational school (%)'),
      percent('highSchoolOrBelow', '高中及以下 (%)', 'High school or below (%)'),
    ],
    { optional },
  );

const seatRow = (key: string, zh: string, en: string, educationOptional = false): FieldNode =>
  group(key, zh, en, [int('headcount', '总人数 (人)', 'Headcount'), education(educationOptional)]);

const mixRow = (key: string, zh: string, en: string): FieldNode =>
  group(key, zh, en, [percent('inboundPct', '呼入 (占%)', 'Inbound (%)'), percent('outboundPct', '呼出 (占%)', 'Outbound (%)')]);

export const basicsSection: SectionDefinition = {
  key: 'basics',
  order: 1,
  part: 1,
  identifying: ['enterprise', 'contact', 'center.name', 'center.address'],
  names: ['enterprise.name', 'center.name'],
  dossier: ['distribution-charts'],
  title: { zh: '基本信息', en: 'Basic information' },
  fields: [
    group('enterprise', '企业基本信息', 'Company', [
      text('name', '企业名称', 'Company name'),
      phone('phone', '企业总机', 'Main phone'),
      url('website', '企业网址', 'Website', { optional: true }),
      text('address', '企业地址', 'Address'),
      text('wechatAccount', '企业公众号', 'WeChat official account', { optional: true }),
    ]),
    group('contact', '填表人信息', 'Form filler', [
      text('name', '填表人姓名', 'Name'),
      text('department', '部门', 'Department'),
      text('title', '职位', 'Title'),
      email('email', '邮件', 'Email'),
      phone('phone', '固定电话', 'Landline', { optional: true }),
      phone('mobile', '手机', 'Mobile', { mobile: true }),
      text('imAccount', '微信/钉钉', 'WeChat/DingTalk', { optional: true }),
    ]),
    group('center', '呼叫中心现况', 'Contact center', [
      text('name', '呼叫中心名称', 'Contact-center name'),
      text('address', '呼叫中心地址', 'Address'),
      year('startYear', '开始运营年份', 'Year operations began'),
      choice('operationMode', '运营模式', 'Operation mode', [
        opt('inbound_only', '仅运营呼入服务', 'Inbound only'),
        opt('outbound_only', '仅运营呼出服务', 'Outbound only'),
        opt('separate_groups', '呼入/呼出分组运营', 'Inbound and outbound in separate groups'),
        opt('blended', '呼入/呼出混合运营', 'Blended inbound and outbound'),
      ]),
      multi('businessTypes', '客服主要业务', 'Main business', [
        opt('customer_service', '客户服务', 'Customer service'),
        opt('sales', '销售', 'Sales'),
        opt('service_desk', '服务台', 'Service desk'),
        OTHER,
      ]),
      choice('industry', '从事行业', 'Industry', [
        opt('telecom', '通信', 'Telecommunications'),
        opt('finance', '金融', 'Finance'),
        opt('it_internet', 'IT与互联网', 'IT and internet'),
        opt('consumer_goods', '消费品', 'Consumer goods'),
        opt('government_utilities', '政府与公用事业', 'Government and utilities'),
        opt('healthcare', '医疗卫生', 'Healthcare'),
        opt('manufacturing', '制造', 'Manufacturing'),
        opt('energy', '能源', 'Energy'),
        opt('transportation', '交通运输', 'Transportation'),
        opt('travel', '旅游服务', 'Travel services'),
        opt('ecommerce_retail', '电商零售', 'E-commerce and retail'),
        OTHER,
      ]),
      choice('serviceHours', '服务时间', 'Service hours', [opt('24x7', '7*24小时', '24×7'), OTHER]),
      multi('channels', '服务渠道', 'Channels', CHANNEL_OPTIONS),
    ]),
    group('staffing', '人员情况', 'Staffing', [
      group('seats', '座席员数', 'Agents', [
        seatRow('fullTime', '全职座席', 'Full-time agents'),
        seatRow('partTime', '兼职座席', 'Part-time agents'),
        seatRow('remote', '远程客户代表', 'Remote agents', true),
      ]),
      group('ageDistribution', '员工年龄分布 (%)', 'Age distribution (%)', [
        percent('under25', '25岁以下', 'Under 25'),
        percent('from25to35', '25-35岁', '25–35'),
        percent('from35to50', '35-50岁', '35–50'),
        percent('over50', '50岁以上', 'Over 50'),
      ]),
    ]),
    group('facility', '场地', 'Facility', [
      int('physicalSeats', '物理坐席数 (个)', 'Physical seats'),
      decimal('areaSqm', '呼叫中心总面积 (平米)', 'Total floor area (m²)', {
        positive: true,
        max: 1_000_000,
        unit: { zh: '平米', en: 'm²' },
      }),
    ]),
    group('contactMix', '呼叫种类百分比 (以呼叫数为基数)', 'Contact mix (% of contacts)', [
      mixRow('voice', '人工电话', 'Agent-handled calls'),
      mixRow('email', '邮件', 'Email'),
      mixRow('ivr', 'IVR', 'IVR'),
      mixRow('bot', '机器人服务', 'Bot service'),
      mixRow('other', '其他', 'Other'),
    ]),
    int('annualInteractions', '年度总交互量 (个)', 'Annual interactions', { max: 10_000_000_000 }), // the largest centers handle billions
    attachment('orgChart', '组织架构图', 'Organisation chart', 'org_chart', { min: 1, max: 10 }),
  ],

  waivedPaths(data) {
    // A seat type with no people needs no education breakdown.
    return SEAT_TYPES.filter((t) => num(data, `staffing.seats.${t}.headcount`) === 0).map((t) => `staffing.seats.${t}.education`);
  },

  sealRules(data: SectionData): FieldIssue[] {
    const issues: FieldIssue[] = [];
    for (const t of SEAT_TYPES) {
      const row = `staffing.seats.${t}.education`;
      const entered = EDUCATION_KEYS.some((k) => !isBlank(getPath(data, `${row}.${k}`)));
      if (entered) issues.push(...sumTo100(data, row, EDUCATION_KEYS));
    }
    issues.push(...sumTo100(data, 'staffing.ageDistribution', AGE_KEYS));

    const mode = getPath(data, 'center.operationMode');
    for (const column of ['inboundPct', 'outboundPct'] as const) {
      const values = CONTACT_MIX_ROWS.map((r) => num(data, `contactMix.${r}.${column}`));
      if (values.some((v) => v === undefined)) continue; // reported as required
      const sum = Math.round(values.reduce<number>((a, b) => a + (b as number), 0) * 10) / 10;
      const idleDirection = (mode === 'inbound_only' && column === 'outboundPct') || (mode === 'outbound_only' && column === 'inboundPct');
      if (idleDirection && sum === 0) continue;
      if (Math.abs(sum - 100) > 0.1 + 1e-9) issues.push({ path: `contactMix.${column}`, code: 'sum_100', params: { sum } });
    }

    const headcounts = SEAT_TYPES.map((t) => num(data, `staffing.seats.${t}.headcount`));
    if (headcounts.every((h) => h !== undefined) && headcounts.reduce<number>((a, b) => a + (b as number), 0) < 1) {
      issues.push({ path: 'staffing.seats', code: 'too_small', params: { min: 1, what: 'headcount' } });
    }
    const seats = num(data, 'facility.physicalSeats');
    if (seats !== undefined && seats < 1) issues.push({ path: 'facility.physicalSeats', code: 'too_small', params: { min: 1 } });
    return issues;
  },
};
