// `npm test`: unit tests (no database, in parallel), then integration and end-to-end tests against
// a fresh PostgreSQL database that is created for this run and dropped after it. The server is
// DATABASE_URL's when set (CI uses the local one), else an embedded server in a temporary folder.
// `--only unit|integration|e2e` runs one layer; further arguments name the files to run
// (`npm run test:e2e -- tests/e2e/listing.spec.ts`; for e2e, anything Playwright takes). `--soak`
// (`npm run test:soak`) runs the long specs at full length (tests/e2e/support/soak.ts).
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
import { SOAK_SPECS } from '../tests/e2e/support/soak';

const layers = ['unit', 'integration', 'e2e'] as const;
const { values, positionals: fileArgs } = parseArgs({ options: { only: { type: 'string' }, soak: { type: 'boolean' } }, allowPositionals: true });
if (values.only && !layers.includes(values.only as never)) {
  console.error(`--only takes one of: ${layers.join(', ')}`);
  process.exit(2);
}
const selected = values.soak ? ['e2e'] : values.only ? [values.only] : [...layers];
const playwrightArgs = values.soak ? [...SOAK_SPECS.map((spec) => `tests/e2e/${spec}`), ...fileArgs] : fileArgs;

function run(command: string, args: string[], env: Record<string, string> = {}, { unset = [] }: { unset?: string[] } = {}) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of unset) delete childEnv[name];
  const result = spawnSync(command, args, { stdio: 'inherit', env: childEnv });
  return result.status === 0;
}

/** The given files, or every test file in the folder. */
function testFiles(folder: string) {
  return fileArgs.length > 0 ? fileArgs : fs.readdirSync(folder).filter((file) => file.endsWith('.test.ts')).map((file) => path.join(folder, file));
}

const NODE_TEST = ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=spec'];

/** How many test files run at once (node:test's own default, one fewer than the cores, is one here). */
const PARALLEL_FILES = Math.max(2, os.availableParallelism());

let passed = true;
// Unit tests need no database: they run first, in parallel, before one is made.
if (selected.includes('unit')) {
  passed = run(process.execPath, [...NODE_TEST, `--test-concurrency=${PARALLEL_FILES}`, ...testFiles('tests/unit')], {}, { unset: ['DATABASE_URL', 'TEST_ADMIN_DATABASE_URL'] });
}
if (!selected.some((layer) => layer !== 'unit')) {
  console.log(passed ? '\nAll test layers passed.' : '\nSome tests failed.');
  process.exit(passed ? 0 : 1);
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
const loadedDatabase = `${databaseName}_loaded`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${databaseName}"`);

/** Integration test files of over a minute (it loads the catalogue into empty databases eight times): started first, so that the others run beside it. */
const LONGEST = ['tests/integration/migrations-and-seed.test.ts'];

/**
 * The integration tests, PARALLEL_FILES files at a time, each file on a copy of the run's database
 * made for it (PostgreSQL copies a template database in about a second) and dropped after: no file
 * sees another's rows, and the end-to-end tests after them start from the database as loaded. A
 * file's output is printed whole when it ends.
 */
async function integrationTests(testEnv: Record<string, string>) {
  const files = testFiles('tests/integration').sort((a, b) => Number(LONGEST.includes(b)) - Number(LONGEST.includes(a)));
  console.log(`\n$ node --test: ${files.length} integration test files, ${PARALLEL_FILES} at a time, each on its own copy of the database`);
  let next = 0;
  let allPassed = true;
  const runFiles = async () => {
    for (let index = next++; index < files.length; index = next++) {
      const copy = `${databaseName}_${index}`;
      await admin.unsafe(`create database "${copy}" template "${databaseName}"`);
      try {
        const { ok, output } = await runCollecting(process.execPath, [...NODE_TEST, files[index]!], { ...testEnv, DATABASE_URL: withDatabaseName(serverUrl!, copy) });
        process.stdout.write(output);
        allPassed &&= ok;
      } finally {
        await admin.unsafe(`drop database if exists "${copy}" with (force)`);
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_FILES }, runFiles));
  return allPassed;
}

/** Runs a command with its output kept, not shown: whether it passed, and what it printed. */
function runCollecting(command: string, args: string[], env: Record<string, string>) {
  return new Promise<{ ok: boolean; output: string }>((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}

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
  if (selected.includes('integration')) passed = (await integrationTests(testEnv)) && passed;
  if (selected.includes('e2e')) {
    // The e2e tests that run a server of their own copy the database as loaded; the run's database
    // itself cannot be copied while the e2e server is connected to it.
    await admin.unsafe(`create database "${loadedDatabase}" template "${databaseName}"`);
    const built = run('npx', ['next', 'build'], testEnv);
    // The stack's tests (tests/e2e/stack.spec.ts) get a Redis of their own, which they may stop.
    const redisServer = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
    const redisPort = await findFreePort(6390);
    if (redisServer) redis = spawn(redisServer, ['--port', String(redisPort), ...REDIS_CACHE_ARGUMENTS], { stdio: 'ignore' });
    // Job alerts' email goes to an SMTP catcher that tests/e2e/job-alerts.spec.ts starts on this
    // port and reads; until it does, the server's sends fail and are retried.
    const smtpPort = await findFreePort(2525);
    const mailEnv = { ...testEnv, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, TEST_SMTP_PORT: String(smtpPort) };
    const e2eEnv = {
      ...(redisServer ? { ...mailEnv, TEST_REDIS_URL: `redis://127.0.0.1:${redisPort}`, TEST_REDIS_SERVER: redisServer } : mailEnv),
      TEST_LOADED_DATABASE: loadedDatabase,
      ...(values.soak && { SOAK: '1' }),
    };
    passed = built && run('npx', ['playwright', 'test', ...playwrightArgs], e2eEnv) && passed;
  }
} finally {
  redis?.kill();
  await admin.unsafe(`drop database if exists "${loadedDatabase}"`);
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
  await embedded?.stop();
}
console.log(passed ? '\nAll test layers passed.' : '\nSome tests failed.');
process.exit(passed ? 0 : 1);
