// Mail for one-time links, through the SMTP server SMTP_URL names (nodemailer). Without it no
// mail goes out and the inviter copies the link the answer shows once.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Null when SMTP_URL is not set. */
    mailer: Mailer | null;
  }
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}

export default fp(
  async (app: FastifyInstance, opts: { smtpUrl?: string; mailFrom?: string }) => {
    app.decorate(
      'mailer',
      opts.smtpUrl
        ? smtpMailer(opts.smtpUrl, opts.mailFrom ?? 'Torch Incubator Platform <no-reply@localhost>')
        : null,
    );
  },
  { name: 'mail' },
);
