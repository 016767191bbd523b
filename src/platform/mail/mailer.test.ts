import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TTestSmtp } from '../../../test/smtp.ts';
import { createLogger } from '../log.ts';
import { createMailer } from './mailer.ts';

const log = createLogger('silent');
let smtp: TTestSmtp;
let dir: string;
beforeAll(async () => {
  smtp = await startTestSmtp();
  dir = mkdtempSync(join(tmpdir(), 'ecosphere-mail-'));
});
afterAll(async () => {
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = { env: 'test' as const, mailFrom: 'Ecosphere <no-reply@ecosphere.test>', dataDir: '' };

describe('createMailer', () => {
  it('delivers over SMTP, Chinese intact, in the reader’s language', async () => {
    const mailer = createMailer({ ...base, smtpUrl: smtp.url, dataDir: dir }, log);
    expect(mailer.mode).toBe('smtp');
    await mailer.send({
      to: 'lin@example.org',
      subject: '请验证您的电子邮箱',
      text: '点击链接完成验证：http://localhost:3000/zh/verify/abc',
      lang: 'zh',
    });
    const [mail] = await smtp.waitFor(1);
    expect(mail?.subject).toBe('请验证您的电子邮箱');
    expect(mail?.text).toContain('点击链接完成验证：http://localhost:3000/zh/verify/abc');
    expect(mail?.headers.get('content-language')).toBe('zh-CN');
    expect(mail?.from?.text).toContain('no-reply@ecosphere.test');
    mailer.close();
  });

  it('without SMTP in development, writes the message to the outbox folder', async () => {
    const mailer = createMailer({ ...base, smtpUrl: undefined, dataDir: dir, env: 'development' }, log);
    expect(mailer.mode).toBe('outbox');
    await mailer.send({
      to: 'ada@example.org',
      subject: 'Verify your e-mail',
      text: 'Open http://x/en/verify/1',
      lang: 'en',
    });
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', files[0] as string)));
    expect(parsed.subject).toBe('Verify your e-mail');
    expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toBe('ada@example.org');
  });

  it('in production without SMTP, refuses to send rather than pretend', async () => {
    const mailer = createMailer({ ...base, smtpUrl: undefined, env: 'production' }, log);
    await expect(mailer.send({ to: 'a@b.c', subject: 's', text: 't', lang: 'en' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });

  it('reports an unreachable SMTP server as unavailable', async () => {
    const mailer = createMailer({ ...base, smtpUrl: 'smtp://127.0.0.1:1', dataDir: dir }, log);
    await expect(mailer.send({ to: 'a@b.c', subject: 's', text: 't', lang: 'en' })).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
  });
});
