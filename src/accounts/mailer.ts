// Outgoing mail: SMTP through nodemailer when SMTP_URL is set; otherwise the message is written
// to the log (a laptop install has no mail server; the operator copies the link from the log).
import nodemailer from 'nodemailer';
import type { Logger } from '../lib/log.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export function createMailer(options: { smtpUrl: string | null; from: string; logger: Logger }): Mailer {
  const { smtpUrl, from, logger } = options;
  if (!smtpUrl) {
    return {
      async send(mail) {
        logger.warn(
          { to: mail.to, subject: mail.subject, text: mail.text },
          'mail not sent (SMTP_URL unset); message follows',
        );
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        // never tell the requester whether mail went out: that would leak the account's existence
        logger.error({ err: error, to: mail.to }, 'mail failed');
      }
    },
  };
}

/** A mailer that keeps messages in memory, for tests. */
export function memoryMailer(): Mailer & { sent: Mail[] } {
  const sent: Mail[] = [];
  return {
    sent,
    async send(mail) {
      sent.push(mail);
    },
  };
}
