/**
 * The CCCS self-assessment checklist (shared/seeds/cccs-self-assessment.txt): five domains of yes/no
 * questions. The seed prints the Strategy domain twice; it is counted once. Bullet lists of the
 * seed become the question's help text.
 */
export interface Question {
  zh: string;
  en: string;
  /** The seed's bullet list under the question, zh and en. */
  help?: { zh: string; en: string };
}

export interface Domain {
  key: 'definition' | 'customer' | 'strategy' | 'performance' | 'people';
  zh: string;
  en: string;
  questions: Question[];
}

const CC = '您的客户联络中心';

export const SELF_ASSESSMENT: Domain[] = [
  {
    key: 'definition',
    zh: '定位和方向',
    en: 'Definition & Direction',
    questions: [
      {
        zh: '您的企业高层领导是否积极参与客户联络中心的关键战略决策并提供全力支持？',
        en: 'Do your company’s senior leaders take an active part in the contact center’s key strategic decisions and give it their full support?',
      },
      {
        zh: '您的企业高层领导是否完全理解和充分重视客户联络中心对企业所贡献的价值？',
        en: 'Do your company’s senior leaders fully understand and value the contribution the contact center makes to the company?',
      },
      {
        zh: `${CC}在企业中是否具有清晰明确的组织定位？`,
        en: 'Does your contact center have a clear, well-defined organisational position within the company?',
      },
      {
        zh: `${CC}在企业中是否具有清晰明确的职能定位？`,
        en: 'Does your contact center have a clear, well-defined functional role within the company?',
      },
      {
        zh: '客户联络中心管理者是否认同并支持企业对该中心的组织定位和职能定位？',
        en: 'Do the contact center’s managers accept and support the organisational position and functional role the company has given it?',
      },
      {
        zh: '企业其他相关部门是否认同和支持客户联络中心的组织定位和职能定位？',
        en: 'Do the company’s other relevant departments accept and support the contact center’s organisational position and functional role?',
      },
      {
        zh: `${CC}是否具有本部门的价值观、远景、使命及近远期战略目标？`,
        en: 'Does your contact center have its own values, vision, mission and short- and long-term strategic goals?',
      },
      {
        zh: `${CC}是否具备双向的、畅通的沟通机制，以便于全体员工正确理解本部门的价值观、远景、使命及近远期战略目标？`,
        en: 'Does your contact center have open two-way communication, so that all staff correctly understand its values, vision, mission and short- and long-term strategic goals?',
      },
      {
        zh: '您认为客户联络中心的战略目标是否支持企业整体战略目标的达成？',
        en: 'In your view, do the contact center’s strategic goals support the achievement of the company’s overall strategic goals?',
      },
      {
        zh: `${CC}的管理工作是否协同有效，并与该客户联络中心的战略目标相符？`,
        en: 'Is your contact center’s management work coordinated and effective, and consistent with the contact center’s strategic goals?',
      },
      {
        zh: `${CC}是否具备清晰明确的战略行动计划，以全面支持和保障战略目标的达成？`,
        en: 'Does your contact center have a clear strategic action plan that fully supports and secures the achievement of its strategic goals?',
      },
      {
        zh: `${CC}是否能遵守职业行为规范和相关法律法规，是否能保障员工的一切合法权益，积极参与社会公益活动？`,
        en: 'Does your contact center comply with codes of professional conduct and the relevant laws and regulations, safeguard all its employees’ lawful rights and interests, and take an active part in public-welfare activities?',
      },
    ],
  },
  {
    key: 'customer',
    zh: '客户',
    en: 'Customer',
    questions: [
      {
        zh: `${CC}是否明确该中心的服务对象，包括内部客户和外部客户？`,
        en: 'Has your contact center clearly defined whom it serves, including internal and external customers?',
      },
      { zh: `${CC}是否对客户群体及其需求进行细分？`, en: 'Does your contact center segment its customer groups and their needs?' },
      {
        zh: `${CC}是否具有多样化的手段进行客户需求的收集与分析？`,
        en: 'Does your contact center use a variety of means to collect and analyse customer needs?',
      },
      {
        zh: `${CC}是否能针对不同客户群体的不同需求制定不同的服务策略？`,
        en: 'Can your contact center set different service strategies for the different needs of different customer groups?',
      },
      {
        zh: '您的企业或客户联络中心是否具有保证客户服务体验一致性的机制或手段？',
        en: 'Does your company or contact center have mechanisms or means that ensure a consistent customer service experience?',
      },
      {
        zh: `${CC}是否具备定期或即时的客户满意度调查机制？`,
        en: 'Does your contact center have a periodic or real-time customer satisfaction survey mechanism?',
      },
      {
        zh: `${CC}是否把客户满意度调查结果作为整体绩效考核体系的组成部分？`,
        en: 'Does your contact center make customer satisfaction survey results part of its overall performance appraisal system?',
      },
      {
        zh: `${CC}是否定期将客户满意度指标与行业竞争对手的相关指标相比较？`,
        en: 'Does your contact center regularly compare its customer satisfaction indicators with those of its competitors in the industry?',
      },
      {
        zh: `${CC}是否利用客户满意度结果进行根源分析，以促进运营管理的持续提升与改进？`,
        en: 'Does your contact center use customer satisfaction results for root-cause analysis, to drive continuous improvement of operations management?',
      },
      {
        zh: `${CC}是否具有固定的客户投诉处理及投诉记录分析反馈机制？`,
        en: 'Does your contact center have an established mechanism for handling customer complaints and for analysing complaint records and feeding the results back?',
      },
      {
        zh: `${CC}是否具备客户投诉信息利用与分析机制，以促进全面运营管理的持续提升与改进？`,
        en: 'Does your contact center have a mechanism for using and analysing complaint information, to drive continuous improvement of operations management as a whole?',
      },
      {
        zh: `${CC}是否主动参与或主导实施客户忠诚与挽留计划？`,
        en: 'Does your contact center take part in, or lead, customer loyalty and retention programmes?',
      },
      { zh: `${CC}是否具有辅助营销的职能？`, en: 'Does your contact center have a marketing-support function?' },
      {
        zh: `${CC}是否具备客户信息的深层挖掘与分析机制，以发现销售机会开展主动营销？`,
        en: 'Does your contact center mine and analyse customer information in depth to find sales opportunities for proactive marketing?',
      },
      {
        zh: `${CC}是否已经成为企业的主要营销渠道之一？`,
        en: 'Has your contact center become one of the company’s main marketing channels?',
      },
    ],
  },
  {
    key: 'strategy',
    zh: '策略',
    en: 'Strategy',
    questions: [
      {
        zh: `${CC}是否具有清晰、严谨的服务策略制定的步骤？`,
        en: 'Does your contact center have clear, rigorous steps for setting its service strategy?',
      },
      {
        zh: `${CC}在进行服务策略制定时，是否全面考虑到了以下因素？`,
        en: 'When setting its service strategy, does your contact center fully consider the following factors?',
        help: {
          zh: '客户需求；竞争环境；产业变革；自身资源优劣势；风险预估及应对',
          en: 'customer needs; competitive environment; industry change; own resource strengths and weaknesses; risk assessment and response',
        },
      },
      {
        zh: `${CC}在进行客户服务策略制定时是否包括下列所有或大部分内容？`,
        en: 'When setting its customer service strategy, does your contact center cover all or most of the following?',
        help: {
          zh: '客户群及需求细分；主要服务类型；服务手段或方式；服务时间(营业时间)；服务水平和处理周期目标；路由分配原则；人力及技术资源需求；知识与信息管理；客户价值深层挖掘',
          en: 'customer groups and segmentation of their needs; main service types; service means or modes; service hours (business hours); service-level and turnaround-time targets; routing principles; staffing and technology resource needs; knowledge and information management; in-depth mining of customer value',
        },
      },
      {
        zh: `${CC}是否具有清晰、严谨的年度运营计划制定的步骤？`,
        en: 'Does your contact center have clear, rigorous steps for drawing up its annual operating plan?',
      },
      {
        zh: `${CC}在进行年度运营计划制定时是否包括下列所有或大部分内容？`,
        en: 'When drawing up its annual operating plan, does your contact center cover all or most of the following?',
        help: {
          zh: '运营目标；SWOT 分析；年度运营策略；组织架构设计；组织架构及岗位职责描述；人才的招聘与培养计划；关键流程设计；资源需求(预算、技术系统及工具等)',
          en: 'operating goals; SWOT analysis; annual operating strategy; organisation design; organisation structure and job descriptions; talent recruitment and development plan; key process design; resource needs (budget, technology systems, tools, etc.)',
        },
      },
      {
        zh: `${CC}是否定期地对所制定的服务策略及年度运营计划进行分析与审核？`,
        en: 'Does your contact center regularly analyse and review its service strategy and annual operating plan?',
      },
      {
        zh: `${CC}是否根据分析及审核的结果，对客户服务策略及年度运营计划进行相应的调整与改进，以适应客户及市场的变化？`,
        en: 'Does your contact center adjust and improve its customer service strategy and annual operating plan according to the results of those reviews, to keep pace with changes in customers and the market?',
      },
    ],
  },
  {
    key: 'performance',
    zh: '绩效',
    en: 'Performance',
    questions: [
      {
        zh: `${CC}是否具备完整的、全面涵盖财务、客户、员工及运营四个方面的绩效管理体系？`,
        en: 'Does your contact center have a complete performance management system covering all four areas: finance, customers, employees and operations?',
      },
      {
        zh: `${CC}是否根据绩效管理体系设定了相应的关键绩效指标（KPIs）？`,
        en: 'Has your contact center set key performance indicators (KPIs) in line with its performance management system?',
      },
      {
        zh: `${CC}的关键绩效指标是否具有明确的定义及计算方法？`,
        en: 'Do your contact center’s KPIs have clear definitions and calculation methods?',
      },
      {
        zh: `${CC}是否具备全部或大部分反映客户绩效的 KPI？`,
        en: 'Does your contact center have all or most of the KPIs that reflect customer performance?',
        help: { zh: '客户综合满意度；客户服务满意度', en: 'overall customer satisfaction; customer service satisfaction' },
      },
      {
        zh: `${CC}是否具备全部或大部分反映财务绩效的 KPI？`,
        en: 'Does your contact center have all or most of the KPIs that reflect financial performance?',
        help: {
          zh: '单呼成本；单呼价值；辅助营销收入比；主动营销收入比；预算执行准确率；投资回报率',
          en: 'cost per contact; value per contact; assisted-sales revenue ratio; proactive-sales revenue ratio; budget execution accuracy; return on investment',
        },
      },
      {
        zh: `${CC}是否具备全部或大部分反映运营绩效的 KPI？`,
        en: 'Does your contact center have all or most of the KPIs that reflect operational performance?',
        help: {
          zh: '业务量预测准确率；人员排班准确率；服务水平；电话放弃率；平均应答速度；平均通话时长；话后处理时长；通话质量监控；一次问题解决率；坐席利用率；坐席生产率；坐席占用率；自助服务比例；电话转接率；非实时业务处理准时率；业务差错率',
          en: 'volume forecast accuracy; staff scheduling accuracy; service level; call abandonment rate; average speed of answer; average talk time; after-call work time; call quality monitoring; first-contact resolution; agent utilisation; agent productivity; agent occupancy; self-service ratio; call transfer rate; on-time rate for non-real-time work; error rate',
        },
      },
      {
        zh: `${CC}是否具备全部或大部分反映员工绩效的 KPI？`,
        en: 'Does your contact center have all or most of the KPIs that reflect employee performance?',
        help: {
          zh: '员工流失率；员工满意度；人均员工建议案(年度)；人均年度培训时长；人均年度培训预算；内部员工提升率',
          en: 'staff attrition; staff satisfaction; staff suggestions per head (annual); annual training hours per head; annual training budget per head; internal promotion rate',
        },
      },
      {
        zh: `${CC}是否具备定期进行相关绩效数据的收集、整理、分析，以跟踪日常运营状况和整体绩效达成情况？`,
        en: 'Does your contact center regularly collect, organise and analyse performance data to track day-to-day operations and overall performance?',
      },
      {
        zh: `${CC}所收集和使用的数据和信息（管理报表、绩效考核、质量监控、客户资料、行业及对比数据信息等）是否完整、及时、可靠、准确和安全？`,
        en: 'Are the data and information your contact center collects and uses (management reports, performance appraisals, quality monitoring, customer records, industry and benchmark data, etc.) complete, timely, reliable, accurate and secure?',
      },
      {
        zh: `${CC}是否具备完善的、涵盖客户联络中心整体、各相关部门及个人的绩效考核方案？`,
        en: 'Does your contact center have a complete performance appraisal scheme covering the contact center as a whole, each relevant team and each individual?',
      },
      {
        zh: `${CC}的绩效考核结果是否运用于以下几个方面？`,
        en: 'Are your contact center’s appraisal results applied to the following?',
        help: {
          zh: '员工激励；员工发展；运营管理的持续改进',
          en: 'staff motivation; staff development; continuous improvement of operations management',
        },
      },
      {
        zh: `${CC}是否定期对绩效管理体系进行评估，以有效地支持运营管理目标的达成？`,
        en: 'Does your contact center regularly evaluate its performance management system, so that it effectively supports the achievement of operational goals?',
      },
    ],
  },
  {
    key: 'people',
    zh: '人员',
    en: 'People',
    questions: [
      {
        zh: `${CC}是否具备清晰明确的组织架构及各个岗位的职责？`,
        en: 'Does your contact center have a clear organisation structure and clearly defined duties for every role?',
      },
      {
        zh: `${CC}是否具备各岗位人员的素质与技能要求？`,
        en: 'Has your contact center defined the qualities and skills required of the staff in each role?',
      },
      {
        zh: `${CC}是否确定了各级岗位的合理人员配比？`,
        en: 'Has your contact center set appropriate staffing ratios for roles at every level?',
      },
      {
        zh: `${CC}是否具备固定的人员招聘和选拔流程？`,
        en: 'Does your contact center have an established staff recruitment and selection process?',
      },
      {
        zh: `${CC}是否具备完善的岗前及在岗培训体系？`,
        en: 'Does your contact center have a complete pre-job and on-the-job training system?',
      },
      {
        zh: `${CC}是否具备员工个人职业生涯发展规划？`,
        en: 'Does your contact center have individual career development plans for its employees?',
      },
      { zh: `${CC}是否具备管理梯队培养计划？`, en: 'Does your contact center have a management succession (talent pipeline) programme?' },
      {
        zh: `${CC}是否具有定期的员工调查反馈制度，以获取员工满意度、需求及其它有价值的信息等？`,
        en: 'Does your contact center have a regular staff survey and feedback system, to learn about staff satisfaction, needs and other valuable information?',
      },
      {
        zh: `${CC}是否具备员工流失跟踪、调查、分析和改进机制？`,
        en: 'Does your contact center have mechanisms to track, investigate and analyse staff attrition and act on the findings?',
      },
      {
        zh: `${CC}是否具有系统的多样化的员工激励手段，以提高员工积极性和主动性和创造性？`,
        en: 'Does your contact center have systematic and varied means of motivating staff, to raise their enthusiasm, initiative and creativity?',
      },
      {
        zh: `${CC}是否具有有效手段和方法以培养员工的团队、创新、主动和自我管理精神？`,
        en: 'Does your contact center have effective means and methods to foster teamwork, innovation, initiative and self-management among its staff?',
      },
      {
        zh: `${CC}高层领导是否注重该机构文化的建设和培育，并形成了正向、积极的文化氛围？`,
        en: 'Do your contact center’s senior leaders focus on building and nurturing its culture, and has a positive culture taken shape?',
      },
    ],
  },
];
