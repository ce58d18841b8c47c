import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { templatesDir } from '../../common/templates/templates-dir';
import type { Mail } from '../../infra/mail/mailer';
import { NOTIFICATION_TEXTS } from './notification-texts';

let compiled: Handlebars.TemplateDelegate | undefined;

function template(): Handlebars.TemplateDelegate {
  compiled ??= Handlebars.compile(readFileSync(join(templatesDir(), 'email', 'notification.hbs'), 'utf8'), { strict: true });
  return compiled;
}

/** Subject, text and HTML of one notification; user text is escaped by Handlebars ({{ }}). */
export function renderNotification(kind: string, payload: Record<string, unknown>, to: string[]): Mail {
  const texts = NOTIFICATION_TEXTS[kind];
  if (!texts) throw new Error(`no texts for notification kind ${kind}`);
  const zh = { title: texts.zh.title(payload), lines: texts.zh.lines(payload) };
  const en = { title: texts.en.title(payload), lines: texts.en.lines(payload) };
  const subject = `${zh.title} / ${en.title}`;
  return {
    to,
    subject,
    text: [zh.title, ...zh.lines, '', en.title, ...en.lines].join('\n'),
    html: template()({ subject, zh, en, cycle: String(payload.cycle ?? ''), entryCode: String(payload.entryCode ?? '') }),
  };
}
