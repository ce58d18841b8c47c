/**
 * Part 2 §9 呼叫中心系统技术管理及应急管理 — Technology and business continuity.
 * Each system is a yes/no with optional detail; other technology and BCP need detail when yes.
 */
import { essay, HAVE_WORDS, yesno } from '../../field-builders';
import type { SectionDefinition } from '../../field-types';

const SYSTEMS: Array<[key: string, zh: string, en: string]> = [
  ['dedicatedPlatform', '独立呼叫中心系统应用平台', 'Dedicated (on-premises) contact-center platform'],
  ['cloudPlatform', '云端呼叫中心系统应用平台', 'Cloud contact-center platform'],
  ['cti', 'CTI中间件', 'CTI middleware'],
  ['ivr', 'IVR(交互语音应答)', 'IVR (interactive voice response)'],
  ['iva', 'IVA(交互虚拟助理)', 'IVA (interactive virtual assistant)'],
  ['chatbot', 'Chatbot(聊天机器人)', 'Chatbot'],
  ['dialer', 'Dialer(外呼系统)', 'Dialer (outbound system)'],
  ['webChat', 'WEB Chat', 'Web chat'],
  ['callRecording', 'CM(呼叫监控及录音系统)', 'Call monitoring and recording'],
  ['aiQualityInspection', '智能质检系统', 'AI quality inspection'],
  ['wfm', 'WFM(排班管理系统)', 'WFM (workforce management)'],
  ['emailManagement', 'ERMS/EMS', 'E-mail response management (ERMS/EMS)'],
  ['eLearning', '电子培训系统', 'E-learning system'],
  ['disasterRecovery', '灾备中心', 'Disaster-recovery site'],
];

export const technologySection: SectionDefinition = {
  key: 'technology',
  order: 9,
  part: 2,
  title: { zh: '呼叫中心系统技术管理及应急管理', en: 'Technology and contingency management' },
  fields: [
    ...SYSTEMS.map(([key, zh, en]) => yesno(key, zh, en, { answerWords: HAVE_WORDS })),
    yesno('otherTech', '其他技术/应用系统', 'Other technology or applications', { detailWhenYes: true, answerWords: HAVE_WORDS }),
    yesno('bcp', '业务延续计划(BCP)及流程', 'Business continuity plan (BCP) and process', { detailWhenYes: true, answerWords: HAVE_WORDS }),
    essay('newTech', '未来1-3年部署了哪些新的应用技术', 'New technology to be deployed in the next 1–3 years'),
    essay(
      'newTechImpact',
      '对提高客户体验/降低成本/提高生产率/提高员工满意度的影响',
      'Its impact on customer experience, cost, productivity and staff satisfaction',
    ),
  ],
};
