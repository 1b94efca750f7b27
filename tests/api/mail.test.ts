// With SMTP_URL set, invitations and reset links are mailed: to a real SMTP server (smtp-server)
// this test starts, through nodemailer, no mock in between.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { twoProvinceWorld } from '../helpers/fixtures';

interface Received {
  from: string;
  to: string[];
  data: string;
}

describe('mail', () => {
  const inbox: Received[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => (data += chunk));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        done();
      });
    },
  });
  let t: TestApp;
  let w: Awaited<ReturnType<typeof twoProvinceWorld>>;

  beforeAll(async () => {
    await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Torch <torch@test.cn>' });
    w = await twoProvinceWorld(t, 'mail');
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => smtp.close(() => done()));
  });

  /** The text part, undoing quoted-printable soft breaks and escapes. */
  const body = (raw: string) =>
    Buffer.from(
      raw
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, h) => `%${h}`)
        .replace(/%(?![0-9A-F]{2})/g, '%25'),
      'latin1',
    ).toString();

  it('mails the invitation with the same one-time link the answer shows', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/invitations',
      token: w.users.managerA.token,
      payload: { email: 'new.tenant@test.cn', name: '王五', role: 'tenant', tenantId: w.tenants.tenantA.id },
    });
    expect(res.status).toBe(201);
    expect(res.body.mailed).toBe(true);
    const mail = inbox.find((m) => m.to.includes('new.tenant@test.cn'));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('torch@test.cn');
    const text = decodeURIComponent(body(mail!.data));
    expect(text).toContain(res.body.url);
    expect(text).toContain('光谷甲科技有限公司');
  });

  it('mails a reset link', async () => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/users/${w.users.tenantUser.id}/password-reset`,
      token: w.users.managerA.token,
    });
    expect(res.status).toBe(201);
    expect(res.body.mailed).toBe(true);
    const mail = inbox.find((m) => m.to.includes('mail.tenant@test.cn'));
    expect(decodeURIComponent(body(mail!.data))).toContain(res.body.url);
  });
});
