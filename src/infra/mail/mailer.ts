import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/**
 * SMTP through nodemailer (SMTP_URL). Without it, in development and tests only, messages are
 * logged instead; production refuses to start without SMTP_URL (app-config.ts), and this class
 * refuses to log there anyway, because mails carry secrets (password-reset links).
 */
@Injectable()
export class Mailer {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.smtpUrl) this.transport = createTransport(config.smtpUrl);
  }

  async send(mail: Mail): Promise<void> {
    if (!mail.to.length) return;
    if (!this.transport) {
      if (this.config.nodeEnv === 'production') throw new Error('no SMTP_URL: mail is not sent and never logged in production');
      this.logger.log(`(no SMTP_URL) mail to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text}`);
      return;
    }
    await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
  }
}
