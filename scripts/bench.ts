// `npm run bench`: builds, loads a database of 100,000 roles (the catalogue plus generated ones),
// starts the stack (scripts/stack.ts: Varnish, two instances, Redis) on it and measures with
// autocannon, all in one run so the numbers compare:
//  - the role page, API, widget, badge and listing through the edge, and the role pages, listing,
//    API and widget from one `npm start` with no edge (its byte cache: lib/server/response-cache.ts),
//    each beside a bare node:http server sending the same bytes (the machine's ceiling), and that
//    instance's memory after the run;
//  - the role search (scripts/bench-role-search.ts): the held-out query set, one at a time, at the
//    database and end to end (API and listing) on that instance, warmed by other searches; deep
//    pages; and, first of all, the searches of that instance's first minute.
// Prints a table and writes it to docs/benchmarks.md. Run it on a quiet machine.
// `--jobs` measures the job search and posting figures instead, on DATABASE_URL as loaded
// (scripts/bench-jobs.ts), and only prints its section.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
// @ts-expect-error -- autocannon ships no types; its result is read as below.
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createDatabase } from '@/db/connection';
import { findFreePort, startEmbeddedServer, type EmbeddedServer } from '@/db/embedded-server';
import { importDefaultCatalogue } from '@/db/catalogue/default-catalogue';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed';
import { benchRoleSearch, firstMinute, ROLE_SEARCH_TARGETS } from './bench-role-search';
import { instanceCommand } from './instance-command';

const { values } = parseArgs({
  options: { roles: { type: 'string', default: '100000' }, duration: { type: 'string', default: '8' }, 'no-build': { type: 'boolean' }, jobs: { type: 'boolean' }, 'role-search': { type: 'boolean' }, app: { type: 'string' } },
});
if (values.jobs) {
  if (!process.env.DATABASE_URL) {
    console.error('--jobs measures the database DATABASE_URL names; load it first with npm run db:seed -- --synthetic-postings 1000000');
    process.exit(2);
  }
  const { benchJobs } = await import('./bench-jobs');
  console.log(await benchJobs({ databaseUrl: process.env.DATABASE_URL, appUrl: values.app }));
  process.exit(0);
}
if (values['role-search']) {
  if (!process.env.DATABASE_URL || !values.app) {
    console.error('--role-search measures a running server (--app URL) of the database DATABASE_URL names');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchRoleSearch(values.app), null, 2));
  process.exit(0);
}
const targetRoles = Number(values.roles);
const duration = Number(values.duration);
const CONNECTIONS = 32;

if (!values['no-build'] && spawnSync('npx', ['next', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

// A database of its own, dropped afterwards.
let embedded: EmbeddedServer | null = null;
let serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  const dataDir = fs.mkdtempSync(`${os.tmpdir()}/roleboard-bench-`);
  fs.chmodSync(dataDir, 0o755);
  embedded = await startEmbeddedServer({ dataDir: `${dataDir}/pg`, port: await findFreePort(54349), persistent: false });
  serverUrl = embedded.url('postgres');
}
const databaseName = `roleboard_bench_${Date.now()}`;
const adminUrl = Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString();
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${databaseName}"`);

const port = await findFreePort(3400);
const singlePort = await findFreePort(port + 10);
const stack = { process: null as ReturnType<typeof spawn> | null, single: null as ReturnType<typeof spawn> | null };
/** What the issue asks of one instance without an edge (issue 23). */
const SINGLE_TARGETS = { ratio: 0.5, p99Ms: 20, rssMb: 256 };
try {
  const started = performance.now();
  const { db, sql } = createDatabase(databaseUrl, { max: 1 });
  await runMigrations(db);
  const { created } = await importDefaultCatalogue(db);
  await seedDatabase(db, { synthetic: Math.max(0, targetRoles - created - 1) });
  const [{ count }] = (await sql<{ count: number }[]>`select count(*)::int as count from roles where status = 'published'`) as unknown as [{ count: number }];
  await sql.end();
  console.log(`Loaded ${count.toLocaleString('en-US')} roles in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

  stack.process = spawn(process.execPath, ['--import', 'tsx', 'scripts/stack.ts', '--port', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123', REDIS_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
    // A group of its own, so that the end of the run stops its instances too, whatever stack.ts does.
    detached: true,
  });
  const edge = `http://127.0.0.1:${port}`;
  await waitFor(`${edge}/api/health`);
  // A new instance's first minute of searches, before anything else reaches it: the stack's first
  // instance (the edge rows below are answered by Varnish once warm). Not the one-instance server
  // measured next, so that its memory is of pages alone until its own searches.
  const firstSearches = await firstMinute(`http://127.0.0.1:${port + 1}`);
  // One `npm start` as most sites run it: no edge, no Redis, caches in the process.
  const instance = instanceCommand('-p', String(singlePort), '-H', '127.0.0.1');
  stack.single = spawn(instance.program, instance.arguments, {
    env: { ...process.env, ...instance.environment, DATABASE_URL: databaseUrl, AUTH_SECRET: process.env.AUTH_SECRET ?? 'bench-secret-bench-secret-bench-secret-0123', REDIS_URL: '', PURGE_URLS: '', SITE_URL: `http://127.0.0.1:${singlePort}` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const single = `http://127.0.0.1:${singlePort}`;
  await waitFor(`${single}/api/health`);

  const rows: string[][] = [];
  const targets = [
    ['role page', '/roles/software-developers'],
    ['API', '/api/v1/roles/software-developers'],
    ['widget', '/embed/software-developers'],
    ['badge', '/api/v1/roles/software-developers/badge.svg'],
    ['listing', '/'],
  ] as const;
  for (const [name, path] of targets) {
    const { run, bareRun } = await measureAgainstBare(edge, path);
    rows.push([name, 'edge', fmt(run.rps), `${run.p50} ms`, `${run.p99} ms`, fmt(bareRun.rps), (run.rps / bareRun.rps).toFixed(2)]);
  }

  const singleRows: string[][] = [];
  const singleTargets = [
    ['role page', '/roles/backend-software-engineer'],
    ['role page', '/roles/software-developers'],
    ['listing', '/'],
    ['API', '/api/v1/roles/software-developers'],
    ['widget', '/embed/software-developers'],
  ] as const;
  for (const [name, path] of singleTargets) {
    const { run, bareRun, sample } = await measureAgainstBare(single, path);
    const ratio = run.rps / bareRun.rps;
    const met = ratio >= SINGLE_TARGETS.ratio && run.p99 <= SINGLE_TARGETS.p99Ms ? 'yes' : 'no';
    singleRows.push([`${name} \`${path}\` (${(sample.body.length / 1024).toFixed(0)} kB sent)`, fmt(run.rps), `${run.p50} ms`, `${run.p99} ms`, fmt(bareRun.rps), `${bareRun.p99} ms`, ratio.toFixed(2), met]);
  }
  const singleRssMb = residentMegabytes(stack.single.pid!);
  const loadAfterPages = os.loadavg().map((load) => load.toFixed(2)).join(', ');
  // Said at once: the search measurements that follow take minutes.
  console.log(`One instance, no edge (RSS ${singleRssMb} MB, load average ${loadAfterPages}):\n${singleRows.map((row) => row.join(' | ')).join('\n')}`);

  // The data layer runs here too, on the bench's database (the react-server condition lets it load).
  process.env.DATABASE_URL = databaseUrl;
  const search = await benchRoleSearch(single);
  // The listing's searches also built the job-title classifier's model (lib/jobs/title-classifier-thread.ts), which the instance keeps.
  const singleRssAfterSearchMb = residentMegabytes(stack.single.pid!);
  const met = (value: string, target: number) => (Number(value) <= target ? 'met' : '**missed**');
  const report = [
    `# Benchmarks`,
    '',
    `Latest \`npm run bench\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}): ${count.toLocaleString('en-US')} roles,`,
    `autocannon with ${CONNECTIONS} connections for ${duration} s per line, the stack (Varnish → 2 instances, Redis, PostgreSQL).`,
    `"bare" is a node:http server sending the same bytes in the same run: the ratio is to it.`,
    '',
    '| target | through | req/s | p50 | p99 | bare req/s | ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `## One instance, no edge`,
    '',
    `One \`npm start\` (no Varnish, no Redis), pages already cached, ${CONNECTIONS} connections, gzip; "bare" sends this instance's bytes.`,
    `Targets: ≥ ${SINGLE_TARGETS.ratio} × bare and p99 ≤ ${SINGLE_TARGETS.p99Ms} ms; ≤ ${SINGLE_TARGETS.rssMb} MB resident after the run.`,
    '',
    '| target | req/s | p50 | p99 | bare req/s | bare p99 | ratio | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...singleRows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `The instance's memory after these runs: ${singleRssMb} MB resident (target ≤ ${SINGLE_TARGETS.rssMb} MB); after the search measurements below (its caches holding what they answered, and the job-title classifier's model the listing's searches built): ${singleRssAfterSearchMb} MB (target ≤ ${SINGLE_TARGETS.rssMb} MB). Load average then: ${loadAfterPages}.`,
    '',
    `## Search at ${count.toLocaleString('en-US')} roles`,
    '',
    `The held-out query set (tests/fixtures/role-search-queries.txt: ${search.queries} searches written before any tuning and never tuned on: words and titles`,
    `people search for, broad words of thousands of roles, prefixes, misspellings and letters matching nothing, with filters, states and`,
    `sorts), each once, one at a time, on the one instance above after ${search.warmUp} other searches; nothing of it cached.`,
    '',
    '| measured | p50 | p95 | p99 | max | target |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| the data layer's query (listPublishedRoles: page and bounded count) | ${search.db.p50} ms | ${search.db.p95} ms | ${search.db.p99} ms | ${search.db.max} ms | |`,
    `| GET /api/v1/roles | ${search.api.p50} ms | ${search.api.p95} ms | ${search.api.p99} ms | ${search.api.max} ms | p50 ≤ ${ROLE_SEARCH_TARGETS.p50Ms} ms: ${met(search.api.p50, ROLE_SEARCH_TARGETS.p50Ms)}; p99 ≤ ${ROLE_SEARCH_TARGETS.apiP99Ms} ms: ${met(search.api.p99, ROLE_SEARCH_TARGETS.apiP99Ms)} |`,
    `| the listing, GET /?… (the whole page) | ${search.listing.p50} ms | ${search.listing.p95} ms | ${search.listing.p99} ms | ${search.listing.max} ms | p99 ≤ ${ROLE_SEARCH_TARGETS.listingP99Ms} ms: ${met(search.listing.p99, ROLE_SEARCH_TARGETS.listingP99Ms)} |`,
    `| deep pages: pages 2–50 of broad views by salary (cursors), at the database | ${search.deep.p50} ms | ${search.deep.p95} ms | ${search.deep.p99} ms | ${search.deep.max} ms | |`,
    '',
    `Slowest (API, listing): ${search.slowest.map((slow) => `\`${slow.query}\` ${slow.apiMs}, ${slow.listingMs} ms`).join('; ')}.`,
    '',
    `A new instance's first minute after it answered /api/health, before anything else (the stack's first instance; searches of the warm-up's list, API and listing in turn, one at a time):`,
    '',
    '| seconds after start | searches | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...firstSearches.map((slice) => `| ${slice.seconds} | ${slice.count} | ${slice.p50} ms | ${slice.p95} ms | ${slice.p99} ms | ${slice.max} ms |`),
    '',
  ].join('\n');
  console.log(`\n${report}`);
  fs.mkdirSync('docs', { recursive: true });
  // The search quality section (`npm run search-quality`) and the job postings one (`--jobs`) that
  // follows it are measured elsewhere: kept as they are.
  const previous = fs.existsSync('docs/benchmarks.md') ? fs.readFileSync('docs/benchmarks.md', 'utf8') : '';
  const searchQuality = previous.indexOf('\n## Search quality');
  fs.writeFileSync('docs/benchmarks.md', searchQuality === -1 ? report : `${report}${previous.slice(searchQuality)}`);
} finally {
  stack.single?.kill('SIGTERM');
  await new Promise((resolve) => (stack.single && stack.single.exitCode === null ? stack.single.once('exit', resolve) : resolve(null)));
  await stopGroup(stack.process);
  await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
  await admin.end();
  await embedded?.stop();
}
process.exit(0);

/** Stops a process and everything in its group (the stack's instances, Varnish, Redis): SIGTERM, then SIGKILL after 20 s. */
async function stopGroup(child: ReturnType<typeof spawn> | null) {
  if (!child?.pid) return;
  const signalGroup = (signal: NodeJS.Signals | 0) => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  if (!signalGroup('SIGTERM')) return;
  for (let waited = 0; waited < 20_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!signalGroup(0)) return; // 0 only asks whether the group is still there
  }
  signalGroup('SIGKILL');
}

/** A process's resident memory in MB (Linux: /proc), or '?' elsewhere. */
function residentMegabytes(pid: number) {
  const status = fs.existsSync(`/proc/${pid}/status`) ? fs.readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  const kilobytes = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kilobytes ? String(Math.round(Number(kilobytes) / 1024)) : '?';
}

function fmt(value: number) {
  return Math.round(value).toLocaleString('en-US');
}

async function waitFor(url: string) {
  for (let tries = 0; tries < 600; tries += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not come up`);
}

async function measure(url: string) {
  const result: { requests: { average: number }; latency: { p50: number; p99: number } } = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    headers: { 'accept-encoding': 'gzip' },
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

function rawGet(url: string) {
  return new Promise<{ body: Buffer; headers: Record<string, string> }>((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const headers: Record<string, string> = {};
          for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary']) {
            const value = response.headers[name];
            if (typeof value === 'string') headers[name] = value;
          }
          resolve({ body: Buffer.concat(chunks), headers });
        });
      })
      .on('error', reject);
  });
}

async function bareServer(body: Buffer, headers: Record<string, string>) {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { ...headers, 'Content-Length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Warms `path` on `origin`, copies the bytes it sends (gzip where it compresses, the headers that
 * matter) into a bare node:http server, and measures both in turn. */
async function measureAgainstBare(origin: string, path: string) {
  for (let i = 0; i < 3; i += 1) await (await fetch(origin + path)).arrayBuffer();
  const sample = await rawGet(origin + path);
  const bare = await bareServer(sample.body, sample.headers);
  const bareRun = await measure(bare.url + path);
  const run = await measure(origin + path);
  await bare.close();
  return { run, bareRun, sample };
}
