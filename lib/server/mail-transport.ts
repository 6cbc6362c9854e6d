// How the mail worker's jobs send: nodemailer over SMTP (SMTP_URL; in development and tests a
// local catcher, lib/server/mail-catcher.ts), from MAIL_FROM, with links on the public origin.
import nodemailer from 'nodemailer';

export type MailOptions = {
  /** The public origin, for the links in the emails. */
  siteUrl: string;
  secret: string;
  smtpUrl: string;
  mailFrom: string;
};

/** Nodemailer's SMTP transport, with timeouts short enough for a job (its defaults wait minutes). */
export function createMailTransport(smtpUrl: string) {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
}
