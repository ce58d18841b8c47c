import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** SMTP through nodemailer (SMTP_URL); without it, in development, messages are logged instead. */
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
      this.logger.log(`(no SMTP_URL) mail to ${mail.to.join(', ')}: ${mail.subject}\n${mail.text}`);
      return;
    }
    await this.transport.sendMail({ from: this.config.mailFrom, ...mail });
  }
}
