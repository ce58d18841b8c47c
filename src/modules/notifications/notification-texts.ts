/** What each notification says, Chinese first. Values come from the outbox row's payload. */
type P = Record<string, unknown>;
interface Text {
  title: (p: P) => string;
  lines: (p: P) => string[];
}

export const NOTIFICATION_TEXTS: Record<string, { zh: Text; en: Text }> = {
  sealed: {
    zh: {
      title: (p) => `申报已封存：${p.entryCode}`,
      lines: (p) => [`您的申报已封存，封存指纹 SHA-256：${p.sha256}。`, '请下载申报书，打印回执页并加盖公章后上传扫描件，然后提交。'],
    },
    en: {
      title: (p) => `Application sealed: ${p.entryCode}`,
      lines: (p) => [
        `Your application is sealed; its SHA-256 is ${p.sha256}.`,
        'Download the dossier, print the receipt page, stamp it with the company seal, upload the scan and submit.',
      ],
    },
  },
  submitted: {
    zh: { title: (p) => `申报已提交：${p.entryCode}`, lines: () => ['您的申报已提交，组委会将进行形式审查。'] },
    en: {
      title: (p) => `Application submitted: ${p.entryCode}`,
      lines: () => ['Your application has been submitted and will be screened by the organisers.'],
    },
  },
  returned: {
    zh: { title: (p) => `申报被退回修改：${p.entryCode}`, lines: (p) => [`退回原因：${p.reason}`, '请修改后重新封存并提交。'] },
    en: {
      title: (p) => `Application returned: ${p.entryCode}`,
      lines: (p) => [`Reason: ${p.reason}`, 'Please revise it, seal it again and submit.'],
    },
  },
  accepted: {
    zh: { title: (p) => `申报已受理：${p.entryCode}`, lines: () => ['您的申报已通过形式审查，进入评审。'] },
    en: {
      title: (p) => `Application accepted: ${p.entryCode}`,
      lines: () => ['Your application passed screening and goes to the judges.'],
    },
  },
  rejected: {
    zh: { title: (p) => `申报未被受理：${p.entryCode}`, lines: (p) => [p.reason ? `原因：${p.reason}` : '您的申报未通过形式审查。'] },
    en: {
      title: (p) => `Application not accepted: ${p.entryCode}`,
      lines: (p) => [p.reason ? `Reason: ${p.reason}` : 'Your application did not pass screening.'],
    },
  },
  invitation: {
    zh: {
      title: (p) => `${p.inviter} 邀请您加入“${p.organisation}”`,
      lines: (p) => [
        `${p.inviter} 邀请您作为“${p.organisation}”的成员，在中国十佳呼叫中心奖申报平台共同填写申报。`,
        `请在 14 天内打开以下链接接受邀请：${p.link}`,
        '该链接仅可使用一次；如您不认识邀请人，请忽略本邮件。',
      ],
    },
    en: {
      title: (p) => `${p.inviter} invites you to join ${p.organisation}`,
      lines: (p) => [
        `${p.inviter} invites you to join ${p.organisation} on the Top-Ten Contact Center Award platform and work on its applications.`,
        `Open this link within 14 days to accept: ${p.link}`,
        'The link works once; if you do not know the sender, ignore this mail.',
      ],
    },
  },
  password_reset: {
    zh: {
      title: () => '重设密码',
      lines: (p) => [`请在 1 小时内打开以下链接设置新密码：${p.link}`, '如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。'],
    },
    en: {
      title: () => 'Reset your password',
      lines: (p) => [
        `Open this link within one hour to set a new password: ${p.link}`,
        'If you did not ask for this, ignore this mail; your password stays as it is.',
      ],
    },
  },
  judge_invitation: {
    zh: {
      title: () => '邀请您担任中国十佳呼叫中心评选评审',
      lines: (p) => [`${p.name}，您好：`, `请在 ${p.days} 天内打开以下链接，设置密码并创建评审账号：${p.link}`],
    },
    en: {
      title: () => 'Invitation to judge the China Top Ten Contact Center Award',
      lines: (p) => [`Dear ${p.name},`, `Open this link within ${p.days} days to set a password and create your judge account: ${p.link}`],
    },
  },
  review_reminder: {
    zh: {
      title: (p) => `评审提醒：${p.round} 还有 ${p.pending} 份评审未提交`,
      lines: (p) => [`${p.cycle} · ${p.round} 将于 ${p.closesAt} 截止。`, `您还有 ${p.pending} 份评审未提交，请登录平台完成评分并提交。`],
    },
    en: {
      title: (p) => `Reminder: ${p.pending} review(s) still to submit in ${p.round}`,
      lines: (p) => [
        `${p.cycle} · ${p.round} closes at ${p.closesAt}.`,
        `You have ${p.pending} review(s) not yet submitted; please sign in, score and submit them.`,
      ],
    },
  },
  deadline_3d: {
    zh: {
      title: (p) => `距申报截止还有 3 天：${p.entryCode}`,
      lines: (p) => [`截止时间：${p.deadline}。您的申报仍是草稿，请尽快完成、封存并提交。`],
    },
    en: {
      title: (p) => `3 days to the deadline: ${p.entryCode}`,
      lines: (p) => [`Deadline: ${p.deadline}. Your application is still a draft: complete, seal and submit it soon.`],
    },
  },
  deadline_24h: {
    zh: { title: (p) => `距申报截止不足 24 小时：${p.entryCode}`, lines: (p) => [`截止时间：${p.deadline}。您的申报仍是草稿。`] },
    en: {
      title: (p) => `Less than 24 hours to the deadline: ${p.entryCode}`,
      lines: (p) => [`Deadline: ${p.deadline}. Your application is still a draft.`],
    },
  },
};
