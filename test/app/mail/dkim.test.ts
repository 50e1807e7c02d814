/**
 * DKIM and the mail settings: with a key configured, what the SMTP server receives carries a
 * DKIM-Signature that an independent verifier (mailauth, given the public key as its DNS answer)
 * finds valid; bad settings are refused naming the variable.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startSmtp, type TestSmtp } from '../../support/smtp.ts';
import { makeArticle } from '../../support/articles.ts';
import { composeMail, mailConfig, smtpMailer } from '../../../src/app/index.ts';

const { dkimVerify } = createRequire(import.meta.url)('mailauth/lib/dkim/verify.js') as {
  dkimVerify(raw: string, o: { resolver: (name: string, type: string) => Promise<string[][]> }): Promise<{ results: { status: { result: string } }[] }>;
};

let smtp: TestSmtp;
const dir = mkdtempSync(join(tmpdir(), 'mizan-dkim-'));
before(async () => (smtp = await startSmtp()));
after(async () => {
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

test('with a DKIM key the message is signed, and the signature verifies', async () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'dkim.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const config = mailConfig({ MIZAN_SMTP_URL: smtp.url, MIZAN_MAIL_FROM: 'معهد <alerts@mizan.test>', MIZAN_DKIM_DOMAIN: 'mizan.test', MIZAN_DKIM_SELECTOR: 'mail', MIZAN_DKIM_KEY_FILE: keyFile })!;
  const mailer = smtpMailer(config.smtpUrl, { dkim: config.dkim });
  try {
    const article = makeArticle({ title: 'تحليل موقّع' });
    await mailer.send(composeMail({ from: config.from, domain: config.domain, baseUrl: 'https://mizan.test' }, { kind: 'alert', lang: 'ar', messageId: 'alert.s.a', to: { email: 'reader@example.org', manageToken: 'm', unsubscribeToken: 'u' }, articles: [article] }));
  } finally {
    mailer.close();
  }
  const raw = smtp.received.at(-1)!.raw;
  assert.match(raw, /^DKIM-Signature: .*d=mizan\.test/im);
  const p = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const result = await dkimVerify(raw, {
    resolver: async (name, type) => {
      if (name === 'mail._domainkey.mizan.test' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${p}`]];
      throw Object.assign(new Error(`no ${type} ${name}`), { code: 'ENOTFOUND' });
    },
  });
  assert.equal(result.results[0]?.status.result, 'pass');
});

test('mail settings: off without a URL; a bad one is refused naming the variable', () => {
  assert.equal(mailConfig({}), undefined);
  assert.throws(() => mailConfig({ MIZAN_SMTP_URL: 'http://x' , MIZAN_MAIL_FROM: 'a@b.org' }), /MIZAN_SMTP_URL must start with smtp/);
  assert.throws(() => mailConfig({ MIZAN_SMTP_URL: 'smtp://h:25' }), /MIZAN_MAIL_FROM is required/);
  assert.throws(() => mailConfig({ MIZAN_SMTP_URL: 'smtp://h:25', MIZAN_MAIL_FROM: 'x <a@b.org>\r\nBcc: c@d.org' }), /one line/);
  assert.throws(() => mailConfig({ MIZAN_SMTP_URL: 'smtp://h:25', MIZAN_MAIL_FROM: 'a@b.org', MIZAN_DKIM_DOMAIN: 'b.org' }), /DKIM needs all of/);
  assert.throws(() => mailConfig({ MIZAN_SMTP_URL: 'smtp://h:25', MIZAN_MAIL_FROM: 'a@b.org', MIZAN_MAIL_RATE: '-3' }), /MIZAN_MAIL_RATE must be a positive number/);
  assert.equal(mailConfig({ MIZAN_SMTP_URL: 'smtp://h:25', MIZAN_MAIL_FROM: 'Institute <alerts@Example.ORG>' })!.domain, 'example.org');
});
