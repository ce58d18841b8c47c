import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  from: string;
  to: string[];
  raw: string;
  /** The decoded Subject header (RFC 2047 words joined). */
  subject: string;
  /** The raw message with quoted-printable undone, for matching body text. */
  text: string;
}

/** Decodes RFC 2047 encoded words; adjacent words are joined as bytes (a character may span two). */
export function decodeSubject(raw: string): string {
  const header = /^Subject:(.*(?:\r?\n[ \t].*)*)/im.exec(raw)?.[1] ?? '';
  const words = [...header.matchAll(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi)];
  if (!words.length) return header.trim();
  const bytes = words.map(([, enc, data]) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64')
      : Buffer.from(
          data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ),
  );
  return Buffer.concat(bytes).toString('utf8');
}

const unQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** A local SMTP server that keeps every message it receives (no network beyond loopback). */
export async function startSmtpCatcher(): Promise<{
  url: string;
  mails: CaughtMail[];
  close(): Promise<void>;
  waitFor(match: (m: CaughtMail) => boolean, ms?: number): Promise<CaughtMail>;
}> {
  const mails: CaughtMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: String(session.envelope.mailFrom && session.envelope.mailFrom.address),
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: decodeSubject(raw),
          text: unQuotedPrintable(raw),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(match, ms = 15_000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const hit = mails.find(match);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching mail within ${ms} ms; got ${mails.length}: ${mails.map((m) => m.subject).join(' | ')}`);
    },
  };
}
