import nodemailer from 'nodemailer';
import type { Config } from '../config.js';

/** One e-mail, in plain text and optionally HTML. */
export interface MailMessage {
  to: string | { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
}

/** Sends e-mail; services receive it, so tests can hand them a fake or a local SMTP server. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string; accepted: string[]; rejected: string[] }>;
  close(): void;
}

const address = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);

/**
 * A mailer over SMTP from SMTP_URL (smtp://user:pass@host:port, smtps://… for implicit TLS;
 * nodemailer's URL query options such as ?pool=true apply), or null when SMTP is not configured.
 */
export function createMailer(smtp: Config['smtp']): Mailer | null {
  if (!smtp) return null;
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(m) {
      const info = await transport.sendMail({ from: smtp.from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) });
      return { messageId: info.messageId, accepted: info.accepted.map(address), rejected: info.rejected.map(address) };
    },
    close: () => transport.close(),
  };
}
