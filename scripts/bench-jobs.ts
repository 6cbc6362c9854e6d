// `npm run bench -- --jobs`: the job search and the role page's posting figures at scale (issue
// 21.9), measured on DATABASE_URL as it is (load it first: `npm run db:seed -- --synthetic-postings
// 1000000`). With `--app URL`, also GET /api/v1/jobs end to end on a running server of that
// database. Queries are made from words of the role titles with a fixed seed, crossed with filters
// and sorts at random: nothing here was picked to suit the indexes. Prints a Markdown section.
import os from 'node:os';
import postgres from 'postgres';
import { findUsState, usStates } from '@/lib/us-states';
import type { JobSearch } from '@/lib/jobs/job-search';
import { percentiles } from './bench-role-search';

const QUERY_COUNT = 240;
const IMPORT_COUNT = 100_000;
const SEED = 2112;

/** mulberry32: a small seeded generator, so every run measures the same queries. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Query = { search: JobSearch; params: Record<string, string> };

export async function benchJobs({ databaseUrl, appUrl }: { databaseUrl: string; appUrl?: string }) {
  process.env.DATABASE_URL = databaseUrl;
  const { searchJobPostings, getRolePostingFigures } = await import('@/db/job-reads');
  const { closeDatabase } = await import('@/db/client');
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [{ count }] = (await sql<{ count: number }[]>`select count(*)::int as count from job_postings`) as unknown as [{ count: number }];
  const roles = await sql<{ id: number; slug: string; title: string }[]>`select id, slug, title from roles where status = 'published' and soc_code is not null order by id`;
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = [...new Set(roles.flatMap((role) => role.title.toLowerCase().split(/[^a-z]+/)).filter((word) => word.length >= 4 && !['and', 'other', 'except', 'workers'].includes(word)))];
  const filters: (() => Query)[] = [
    () => ({ search: {}, params: {} }),
    () => {
      const state = pick(usStates);
      return { search: { state }, params: { state: state.postalCode } };
    },
    () => ({ search: { remote: true }, params: { remote: 'true' } }),
    () => ({ search: { minPay: 80_000 }, params: { minPay: '80000' } }),
    () => ({ search: { maxEducation: 'bachelor' }, params: { maxEducation: 'bachelor' } }),
    () => ({ search: { postedWithin: 30 }, params: { postedWithin: '30' } }),
    () => ({ search: { status: 'all' }, params: { status: 'all' } }),
    () => {
      const role = pick(roles);
      return { search: { occupation: role.slug }, params: { occupation: role.slug } };
    },
  ];
  const queries: Query[] = [];
  for (let index = 0; index < QUERY_COUNT; index += 1) {
    const filter = pick(filters)();
    // One in six without words: the broad views.
    const q = random() < 1 / 6 ? undefined : pick(words);
    const sort = random() < 0.5 ? 'newest' : 'pay';
    queries.push({ search: { ...filter.search, ...(q && { q }), sort }, params: { ...filter.params, ...(q && { q }), sort } });
  }
  // Warm the pool's connection and the indexes' upper pages with other queries of the same shapes.
  for (const word of ['clerk', 'analyst', 'nurse', 'engineer']) await searchJobPostings({ q: word, state: findUsState('TX')! });

  // On a shared machine the figures mean little without the load they were measured under.
  const loadBefore = os.loadavg()[0]!;
  const dbTimes: number[] = [];
  for (const { search } of queries) {
    const start = performance.now();
    await searchJobPostings(search);
    dbTimes.push(performance.now() - start);
  }
  // The slowest searches, named, so that the next step starts from their plans.
  const slowest = queries
    .map(({ params }, index) => ({ query: new URLSearchParams(params).toString(), ms: dbTimes[index]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6);
  const apiTimes: number[] = [];
  if (appUrl) {
    for (const { params } of queries) {
      // A random `q` suffix cannot be used (it changes the search): every address here is new to the server's caches anyway (q, minPay and city are never cached).
      const url = `${appUrl}/api/v1/jobs?${new URLSearchParams(params)}`;
      const start = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      apiTimes.push(performance.now() - start);
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    }
  }
  const figureTimes: number[] = [];
  for (let index = 0; index < 500; index += 1) {
    const role = pick(roles);
    const state = random() < 0.5 ? pick(usStates) : undefined;
    const start = performance.now();
    await getRolePostingFigures({ roleId: role.id, state });
    figureTimes.push(performance.now() - start);
  }
  const importTimes = await measureImport(databaseUrl, roles.map((role) => role.title), random);
  const loadAfter = os.loadavg()[0]!;
  await sql.end();
  await closeDatabase();

  const db = percentiles(dbTimes);
  const figures = percentiles(figureTimes);
  const api = apiTimes.length ? percentiles(apiTimes) : null;
  return [
    `Measured with \`npm run bench -- --jobs${appUrl ? ' --app URL' : ''}\` (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}) on ${count.toLocaleString('en-US')} postings, load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end.`,
    `${QUERY_COUNT} job searches (words from role titles × filters × sorts, seed ${SEED}), one at a time, nothing cached; 500 posting-figure reads of random roles, half in a random state.`,
    '',
    '| measured | p50 | p95 | p99 | max |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| job search at the database (searchJobPostings: page and bounded count) | ${db.p50} ms | ${db.p95} ms | ${db.p99} ms | ${db.max} ms |`,
    ...(api ? [`| end to end: GET /api/v1/jobs straight to one instance | ${api.p50} ms | ${api.p95} ms | ${api.p99} ms | ${api.max} ms |`] : []),
    `| a role's posting figures (getRolePostingFigures) | ${figures.p50} ms | ${figures.p95} ms | ${figures.p99} ms | ${figures.max} ms |`,
    '',
    `The slowest searches: ${slowest.map(({ query, ms }) => `\`${query}\` (${ms.toFixed(0)} ms)`).join(', ')}.`,
    '',
    `Import of ${IMPORT_COUNT.toLocaleString('en-US')} new postings in Roleboard's CSV (${importTimes.megabytes.toFixed(1)} MB; titles of real roles, so each is classified), in one transaction rolled back afterwards: ` +
      `reading ${importTimes.read.toFixed(1)} s, planning and applying (classifying, writing, recomputing the figures) ${importTimes.apply.toFixed(1)} s, ${(importTimes.read + importTimes.apply).toFixed(1)} s in all.`,
    '',
  ].join('\n');
}

/** Thrown to roll the measured import back: the database is left as it was. */
class RollBack extends Error {}

/**
 * Imports IMPORT_COUNT generated postings (Roleboard's CSV, through the one import) and rolls them
 * back, timing the reading of the file and the apply (which plans, classifies, writes and refreshes
 * the figures of the roles it touched).
 */
async function measureImport(databaseUrl: string, titles: string[], random: () => number) {
  const { createDatabase } = await import('@/db/connection');
  const { applyJobImportIn } = await import('@/db/job-import');
  const { readPostingFile, POSTING_FILE_LIMITS } = await import('@/lib/jobs/posting-file');
  const header = 'source,source_id,title,employer,city,state,remote,posted_on,closes_at,pay_min,pay_max,pay_period,employment_type,education_asked,description,apply_url';
  const lines = [header];
  for (let index = 0; index < IMPORT_COUNT; index += 1) {
    const state = usStates[Math.floor(random() * usStates.length)]!;
    const low = 30_000 + Math.floor(random() * 120_000);
    lines.push(
      [
        'bench-import',
        `bench-${index}`,
        `"${titles[Math.floor(random() * titles.length)]!.replace(/"/g, '""')}"`,
        'Bench Employer',
        'Springfield',
        state.postalCode,
        'false',
        '2026-11-01',
        '2027-01-31T23:59:59Z',
        low,
        low + 20_000,
        'year',
        'full-time',
        'bachelor',
        'A generated posting for the import benchmark.',
        `https://example.org/jobs/${index}`,
      ].join(','),
    );
  }
  const text = lines.join('\n');
  const started = performance.now();
  const file = readPostingFile(text, { ...POSTING_FILE_LIMITS.commandLine, maxBytes: 50 * 1024 * 1024 });
  const read = (performance.now() - started) / 1000;
  if (file.problems.length > 0) throw new Error(`The generated file has problems: ${JSON.stringify(file.problems.slice(0, 3))}`);
  const { db, sql } = createDatabase(databaseUrl, { max: 1 });
  const applyStarted = performance.now();
  let apply = 0;
  try {
    await db.transaction(async (tx) => {
      const result = await applyJobImportIn(tx, file, { actorId: null, runId: 'benchmark', fileName: 'generated.csv' });
      apply = (performance.now() - applyStarted) / 1000;
      if (result.status !== 'applied') throw new Error(`The import was ${result.status}`);
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  } finally {
    await sql.end();
  }
  return { read, apply, megabytes: Buffer.byteLength(text) / 1e6 };
}
