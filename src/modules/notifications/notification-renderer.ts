import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Mail } from '../../infra/mail/mailer';
import { NOTIFICATION_TEXTS } from './notification-texts';

const TEMPLATE_PATH = join(__dirname, '..', '..', '..', '..', 'templates', 'email', 'notification.hbs');
let compiled: Handlebars.TemplateDelegate | undefined;

/** templates/ lives beside src/ and beside dist/ alike: look one level up when running compiled. */
function template(): Handlebars.TemplateDelegate {
  if (!compiled) {
    const path = [TEMPLATE_PATH, join(__dirname, '..', '..', '..', 'templates', 'email', 'notification.hbs')].find((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
    if (!path) throw new Error('templates/email/notification.hbs not found');
    compiled = Handlebars.compile(readFileSync(path, 'utf8'), { strict: true });
  }
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
