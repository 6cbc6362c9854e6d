// `npm test`: unit, integration and end-to-end tests against a fresh PostgreSQL database that
// is created for this run and dropped after it. The server is DATABASE_URL's when set (CI uses
// the local one), else an embedded server in a temporary folder. `--only unit|integration|e2e`
// runs one layer; further arguments go to Playwright (`npm run test:e2e -- tests/e2e/listing.spec.ts`).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createDatabase } from '@/db/connection';
import { findFreePort, startEmbeddedServer, type EmbeddedServer } from '@/db/embedded-server';
import { importDefaultCatalogue } from '@/db/catalogue/default-catalogue';
import { importBundledPostings } from '@/db/job-import';
import { runMigrations } from '@/db/migrate';
import { upsertUser } from '@/db/seed/seed';
import { REDIS_CACHE_ARGUMENTS } from '@/lib/server/shared-redis.mjs';
import { testUsers } from './test-users';

const layers = ['unit', 'integration', 'e2e'] as const;
const { values, positionals: playwrightArgs } = parseArgs({ options: { only: { type: 'string' } }, allowPositionals: true });
if (values.only && !layers.includes(values.only as never)) {
  console.error(`--only takes one of: ${layers.join(', ')}`);
  process.exit(2);
}
const selected = values.only ? [values.only] : [...layers];

function run(command: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A server URL with another database name. */
function withDatabaseName(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let embedded: EmbeddedServer | null = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'roleboard-test-'));
  fs.chmodSync(dataDir, 0o755);
  embedded = await startEmbeddedServer({ dataDir: path.join(dataDir, 'pg'), port: await findFreePort(54339), persistent: false });
  serverUrl = embedded.url('postgres');
  console.log(`Using an embedded PostgreSQL on port ${embedded.port}.`);
} else {
  console.log(`Using the PostgreSQL server from DATABASE_URL (${new URL(serverUrl).host}).`);
}

const adminUrl = withDatabaseName(serverUrl, 'postgres');
const databaseName = `roleboard_test_${Date.now()}_${process.pid}`;
const databaseUrl = withDatabaseName(serverUrl, databaseName);
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${databaseName}"`);

let passed = true;
let redis: ChildProcess | null = null;
try {
  const { db, sql } = createDatabase(databaseUrl, { max: 1 });
  await runMigrations(db);
  // The catalogue as a first start loads it: the seed role and the U.S. occupations, two releases each.
  await importDefaultCatalogue(db);
  // The real job postings too, as a first start loads them: the server the e2e tests start finds them there.
  await importBundledPostings(db);
  for (const user of Object.values(testUsers)) await upsertUser(db, user);
  await sql.end();

  // A fresh signing secret per run; `next start` refuses to run without one.
  const testEnv = {
    DATABASE_URL: databaseUrl,
    TEST_ADMIN_DATABASE_URL: adminUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64url'),
  };
  const nodeTest = (folder: string) => {
    const files = fs.readdirSync(folder).filter((file) => file.endsWith('.test.ts')).map((file) => path.join(folder, file));
    return run(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], testEnv);
  };
  if (selected.includes('unit')) passed = nodeTest('tests/unit') && passed;
  if (selected.includes('integration')) passed = nodeTest('tests/integration') && passed;
  if (selected.includes('e2e')) {
    const built = run('npx', ['next', 'build'], testEnv);
    // The stack's tests (tests/e2e/stack.spec.ts) get a Redis of their own, which they may stop.
    const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
    const redisPort = await findFreePort(6390);
    if (redisServer) redis = spawn(redisServer, ['--port', String(redisPort), ...REDIS_CACHE_ARGUMENTS], { stdio: 'ignore' });
    // Job alerts' email goes to an SMTP catcher that tests/e2e/job-alerts.spec.ts starts on this
    // port and reads; until it does, the server's sends fail and are retried.
    const smtpPort = await findFreePort(2525);
    const mailEnv = { ...testEnv, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, TEST_SMTP_PORT: String(smtpPort) };
    const e2eEnv = redisServer ? { ...mailEnv, TEST_REDIS_URL: `redis://127.0.0.1:${redisPort}`, TEST_REDIS_SERVER: redisServer } : mailEnv;
    passed = built && run('npx', ['playwright', 'test', ...playwrightArgs], e2eEnv) && passed;
  }
} finally {
  redis?.kill();
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
  await embedded?.stop();
}
console.log(passed ? '\nAll test layers passed.' : '\nSome tests failed.');
process.exit(passed ? 0 : 1);
