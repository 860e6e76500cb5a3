import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';

export interface MailAttachment { filename: string; content: Buffer | string; contentType: string }
/** A calendar invitation: sent as a text/calendar alternative and as an .ics attachment (RFC 6047 iMIP). */
export interface MailCalendarEvent { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; filename: string; content: string }
export interface Mail { to: string; subject: string; text: string; attachments?: MailAttachment[]; icalEvent?: MailCalendarEvent }
export interface Mailer { send(mail: Mail): Promise<void> }

/**
 * SMTP when configured; otherwise every mail is written as an .eml file to the outbox folder,
 * where a developer can open it (development and tests).
 */
export function createMailer(opts: { smtpUrl?: string; outboxDir: string; from: string }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return { async send(mail) { await transport.sendMail({ from: opts.from, ...mail }); } };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const dir = resolve(opts.outboxDir);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: opts.from, ...mail });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = mail.to.replace(/[^a-zA-Z0-9@._-]/g, '_');
      await writeFile(join(dir, `${stamp}-${safeTo}-${Math.random().toString(36).slice(2, 8)}.eml`), info.message as Buffer);
    },
  };
}
