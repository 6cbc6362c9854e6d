// `npm run dev` / `npm start`: makes sure a database is there (DATABASE_URL, or the embedded
// server on .data/pg), migrates it, seeds it when empty, then runs Next.js until it exits.
// Ctrl-C or SIGTERM stops Next.js first, then PostgreSQL.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sql as drizzleSql } from 'drizzle-orm';
import { createDatabase } from '@/db/connection';
import { withDatabaseUrl } from '@/db/embedded-server';
import { runMigrations } from '@/db/migrate';
import { seedDatabase, upsertUser } from '@/db/seed/seed';
import { users } from '@/db/schema';
import { env } from '@/lib/env';

const nextArgs = process.argv.slice(2);
const portFlag = nextArgs.findIndex((arg) => arg === '-p' || arg === '--port');
const port = (portFlag >= 0 ? nextArgs[portFlag + 1] : undefined) ?? process.env.PORT ?? '3000';
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const development = nextArgs[0] === 'dev';

/** Production must be given a secret; development keeps a generated one in .data/auth-secret. */
function resolveAuthSecret() {
  if (process.env.AUTH_SECRET || !development) {
    try {
      return env.AUTH_SECRET();
    } catch (error) {
      console.error(`${(error as Error).message}. Generate one with: openssl rand -base64 33`);
      process.exit(1);
    }
  }
  const file = path.resolve('.data/auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
const authSecret = resolveAuthSecret();
let admin: ReturnType<typeof env.ADMIN_ACCOUNT>;
try {
  admin = env.ADMIN_ACCOUNT();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

async function prepare(url: string) {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    const [{ count }] = (await db.execute<{ count: number }>(drizzleSql`select count(*)::int as count from roles`)) as unknown as [
      { count: number },
    ];
    if (count === 0) {
      await seedDatabase(db);
      console.log('Seeded the empty database with the sample roles.');
    }
    if (admin) await upsertUser(db, { ...admin, role: 'admin', name: 'Administrator' });
    else if (development) await createFirstDevelopmentAdmin(db);
  } finally {
    await sql.end();
  }
}

/** A fresh development database gets one admin, whose generated password is shown once. */
async function createFirstDevelopmentAdmin(db: ReturnType<typeof createDatabase>['db']) {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return;
  const email = 'admin@roleboard.local';
  const password = randomBytes(12).toString('base64url');
  await upsertUser(db, { email, password, role: 'admin', name: 'Development admin' });
  console.log(`Created a development admin. Sign in at /login as ${email} with password: ${password}`);
  console.log('(Shown only this once. `npm run user:create` makes more users or resets this one.)');
}

const exitCode = await withDatabaseUrl(async (url, source) => {
  await prepare(url);
  console.log(`Database: ${source}`);
  console.log(`Roleboard: http://localhost:${port}`);
  const child = spawn(process.execPath, [nextBin, ...nextArgs], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, PORT: port, AUTH_SECRET: authSecret },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 0 : 1))));
});
process.exit(exitCode);
