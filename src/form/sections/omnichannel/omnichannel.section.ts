/**
 * Part 2 §6 流程管理 — Process and omnichannel management (`shared/spec/application-form.md` § `omnichannel`).
 */
import { bool, choice, essay, group, HAVE_WORDS, multi, OTHER, opt, yesno } from '../../field-builders';
import type { FieldIssue, SectionData, SectionDefinition } from '../../field-types';
import { getPath, isBlank } from '../../rule-helpers';
import { CHANNEL_OPTIONS } from '../basics/basics.section';

export const omnichannelSection: SectionDefinition = {
  key: 'omnichannel',
  order: 6,
  part: 2,
  title: { zh: '流程管理', en: 'Process management' },
  fields: [
    group(
      'certifications',
      '管理认证 (COPC, ISO9001, ISO27001, ISO10002 …)',
      'Management certifications (COPC, ISO 9001, ISO 27001, ISO 10002 …)',
      [
        // A yes/no question: absent must not silently read as "no".
        bool('answer', '是否获取管理认证', 'Does the center hold management certifications?', { mustAnswer: true }),
        // Only asked when the answer is yes: the seal rule below requires it then.
        multi(
          'items',
          '已获取的认证',
          'Certifications held',
          [
            opt('copc', 'COPC', 'COPC'),
            opt('iso9001', 'ISO9001', 'ISO 9001'),
            opt('iso27001', 'ISO27001', 'ISO 27001'),
            opt('iso10002', 'ISO10002', 'ISO 10002'),
            opt('cc_cmm', 'CC-CMM', 'CC-CMM'),
            OTHER,
          ],
          { optional: true },
        ),
      ],
    ),
    yesno(
      'dedicatedTeam',
      '是否有专门的部门/团队/人员负责全渠道客户服务管理',
      'Is there a dedicated department/team/person for omnichannel service management?',
      { detailWhenYes: true, answerWords: HAVE_WORDS },
    ),
    essay('voiceVsNonVoice', '语音和非语音交互之间的区别', 'Differences between voice and non-voice interactions'),
    group('nonVoiceChannels', '使用哪些非语音渠道', 'Non-voice channels used', [
      multi(
        'items',
        '非语音渠道',
        'Channels',
        CHANNEL_OPTIONS.filter((o) => o.code !== 'voice'),
      ),
      essay('detail', '说明', 'Description'),
    ]),
    essay('nonVoiceRationale', '使用这些非语音渠道的理由', 'Why these non-voice channels'),
    choice('nonVoiceDirection', '非语音渠道用于', 'Non-voice channels are used for', [
      opt('inbound', '呼入', 'Inbound'),
      opt('outbound', '呼出', 'Outbound'),
      opt('both', '两者', 'Both'),
    ]),
    essay('customerEducation', '如何教育/鼓励客户使用全渠道', 'How customers are educated/encouraged to use all channels'),
    essay(
      'platformChallenges',
      '全渠道平台开发和部署需要克服的挑战',
      'Challenges overcome in developing and deploying the omnichannel platform',
    ),
    essay('successMeasures', '如何判断全渠道客服的成功与否', 'How omnichannel service success is judged'),
    essay('successCases', '全渠道客服管理的成功案例', 'Omnichannel service success stories'),
    essay('qualityManagement', '全渠道客服的质量管理体系及流程', 'Omnichannel quality management system and process'),
  ],

  sealRules(data: SectionData): FieldIssue[] {
    if (getPath(data, 'certifications.answer') === true && isBlank(getPath(data, 'certifications.items'))) {
      return [{ path: 'certifications.items', code: 'required' }];
    }
    return [];
  },
};
