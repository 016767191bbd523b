import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { AppError } from '../http/errors.ts';
import type { TLogger } from '../log.ts';

export type TMail = Readonly<{
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The reader's language, for the message's Content-Language. */
  lang: 'en' | 'zh';
}>;

export type TMailer = Readonly<{
  /** How messages leave: over SMTP, or into the development outbox folder. */
  mode: 'smtp' | 'outbox' | 'disabled';
  send: (mail: TMail) => Promise<void>;
  close: () => void;
}>;

export type TMailConfig = Readonly<{
  env: 'development' | 'production' | 'test';
  smtpUrl: string | undefined;
  mailFrom: string;
  dataDir: string;
}>;

const LINK = /https?:\/\/\S+/g;

/** SMTP errors quote the rejected recipient: keep addresses out of the log. */
export const maskAddresses = (text: string): string =>
  text.replace(/[^\s<>@"',;]+@[^\s<>"',;]+/g, '<address>');

const message = (from: string, m: TMail) => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  headers: { 'Content-Language': m.lang === 'zh' ? 'zh-CN' : 'en' },
});

/**
 * Sends e-mail through nodemailer over SMTP_URL. Without it, development and tests write each message
 * as an .eml file under `<data>/outbox/` and print its subject and links to the console; production
 * refuses to pretend it sent anything.
 */
export const createMailer = (config: TMailConfig, log: TLogger): TMailer => {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return Object.freeze({
      mode: 'smtp' as const,
      send: async (m: TMail) => {
        try {
          await transport.sendMail(message(config.mailFrom, m));
        } catch (err) {
          // The address is personal data: log the failure, not the recipient.
          log.error('mail not sent', { reason: maskAddresses((err as Error).message) });
          throw new AppError('UNAVAILABLE', 'The message could not be sent', { cause: err });
        }
      },
      close: () => transport.close(),
    });
  }
  if (config.env === 'production') {
    return Object.freeze({
      mode: 'disabled' as const,
      send: async () => {
        throw new AppError('UNAVAILABLE', 'E-mail is not configured (set SMTP_URL)');
      },
      close: () => {},
    });
  }
  const outbox = join(config.dataDir, 'outbox');
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return Object.freeze({
    mode: 'outbox' as const,
    send: async (m: TMail) => {
      const info = await builder.sendMail(message(config.mailFrom, m));
      mkdirSync(outbox, { recursive: true });
      const file = join(
        outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      const links = m.text.match(LINK) ?? [];
      if (config.env !== 'test')
        process.stdout.write(`[outbox] "${m.subject}" → ${file}\n${links.map((l) => `  ${l}\n`).join('')}`);
    },
    close: () => {},
  });
};
