// Environment variables, validated with zod the first time each is read.
import { z } from 'zod';
import { passwordSchema } from './password-policy';

const databaseUrl = z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' });
const authSecret = z.string({ error: 'AUTH_SECRET is required in production' }).min(32, 'AUTH_SECRET must be at least 32 characters');
const adminAccount = z
  .object({ email: z.email('ADMIN_EMAIL must be an email address'), password: passwordSchema })
  .optional();
const siteUrl = z.url({ protocol: /^https?$/, error: 'SITE_URL must be an http(s) URL' });
const dailyPostingLimit = z.coerce.number({ error: 'EMPLOYER_DAILY_POSTINGS must be a whole number' }).int('EMPLOYER_DAILY_POSTINGS must be a whole number').min(1).max(10_000);
const smtpUrl = z.url({ protocol: /^smtps?$/, error: 'SMTP_URL must be an smtp:// or smtps:// URL (smtps://user:pass@host:465)' }).optional();
const responseCacheMegabytes = z.coerce.number({ error: 'RESPONSE_CACHE_MB must be a whole number' }).int('RESPONSE_CACHE_MB must be a whole number').min(0).max(65_536);
const shutdownGraceSeconds = z.coerce.number({ error: 'SHUTDOWN_GRACE_SECONDS must be a whole number' }).int('SHUTDOWN_GRACE_SECONDS must be a whole number').min(0).max(3_600);
const mailFrom = z.string().trim().min(3).max(320).regex(/^[^\r\n]+$/, 'MAIL_FROM must be one line');

function read<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`Invalid ${name}: ${result.error.issues.map((issue) => issue.message).join('; ')}`);
  }
  return result.data;
}

export const env = {
  /** The launcher (scripts/serve.ts) sets it to the embedded server's when it is not given. */
  DATABASE_URL: () => read('DATABASE_URL', databaseUrl, process.env.DATABASE_URL),
  /** Signs session cookies. `npm run dev` generates one into .data/auth-secret; production must set it. */
  AUTH_SECRET: () => read('AUTH_SECRET', authSecret, process.env.AUTH_SECRET),
  /** ADMIN_EMAIL + ADMIN_PASSWORD: the seed creates or updates this admin. Both or neither. */
  ADMIN_ACCOUNT: () =>
    read(
      'ADMIN_EMAIL/ADMIN_PASSWORD',
      adminAccount,
      process.env.ADMIN_EMAIL || process.env.ADMIN_PASSWORD
        ? { email: process.env.ADMIN_EMAIL ?? '', password: process.env.ADMIN_PASSWORD ?? '' }
        : undefined,
    ),
  /** How many new postings one employer may create in 24 hours (a spam guard; editors are not limited). */
  EMPLOYER_DAILY_POSTINGS: () => read('EMPLOYER_DAILY_POSTINGS', dailyPostingLimit, process.env.EMPLOYER_DAILY_POSTINGS ?? 10),
  /**
   * The SMTP server job alerts are sent through. Without it alerts are off in production; `npm run
   * dev` starts a local catcher and sets it (scripts/serve.ts).
   */
  SMTP_URL: () => read('SMTP_URL', smtpUrl, process.env.SMTP_URL || undefined),
  /** The From of alert emails, e.g. `Roleboard <alerts@example.org>`. */
  MAIL_FROM: () => read('MAIL_FROM', mailFrom, process.env.MAIL_FROM ?? 'Roleboard job alerts <alerts@roleboard.invalid>'),
  /** The HTTP front's byte cache of public responses (lib/server/response-cache.ts), in MB; 0 turns it off. */
  RESPONSE_CACHE_MB: () => read('RESPONSE_CACHE_MB', responseCacheMegabytes, process.env.RESPONSE_CACHE_MB || 64),
  /**
   * Once a stop signal comes, how long requests in flight may take to finish before their
   * connections are closed: below the orchestrator's own grace (Kubernetes' is 30 s).
   */
  SHUTDOWN_GRACE_SECONDS: () => read('SHUTDOWN_GRACE_SECONDS', shutdownGraceSeconds, process.env.SHUTDOWN_GRACE_SECONDS || 10),
  /** The public origin used for canonical URLs, sitemaps and JSON-LD. */
  SITE_URL: () =>
    read('SITE_URL', siteUrl, process.env.SITE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, ''),
};
