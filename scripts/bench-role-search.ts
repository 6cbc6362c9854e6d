// The role search at scale (issue 23.4), measured with the held-out query set
// (tests/fixtures/role-search-queries.txt: 300 searches written before any tuning, never tuned on),
// each once, on a server warmed by other searches (the tuned word list of `npm run bench`):
//  - at the database: listPublishedRoles, the data layer's query;
//  - end to end: GET /api/v1/roles and the listing, GET /?…, straight to one instance.
// `firstMinute` times searches from a server's start instead, to say how a new process behaves.
// Used by scripts/bench.ts, and alone by `npm run bench -- --role-search --app URL` on DATABASE_URL.
import fs from 'node:fs';
import { parseRoleSearch } from '@/lib/role-search';

/** What the issue asks, at 100,000 roles, for every shape. */
export const ROLE_SEARCH_TARGETS = { apiP99Ms: 50, listingP99Ms: 100, p50Ms: 15 };

/** The tuned word list's searches: warm-up, and the first minute's traffic. */
const WARM_UP_WORDS = ['specialist', 'consultant', 'coordinator', 'architect', 'senior', 'logistics', 'pilot', 'chef', 'engineer', 'nurse', 'data', 'manager'];
const WARM_UP_FILTERS = ['', '&category=computer-and-mathematical', '&minSalary=80000', '&maxEducation=bachelor', '&state=CA'];
const WARM_UP_SORTS = ['', '&sort=salary&order=desc', '&sort=title&order=asc', '&sort=openings&order=desc'];

export function heldOutRoleSearches(): string[] {
  return fs
    .readFileSync('tests/fixtures/role-search-queries.txt', 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'));
}

export function warmUpRoleSearches(): string[] {
  return WARM_UP_WORDS.flatMap((q) => WARM_UP_FILTERS.flatMap((filter) => WARM_UP_SORTS.map((sort) => `q=${encodeURIComponent(q)}${filter}${sort}`)));
}

export function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)!.toFixed(1) };
}

async function timedGet(url: string) {
  const start = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return performance.now() - start;
}

export type RoleSearchRun = {
  queries: number;
  db: ReturnType<typeof percentiles>;
  api: ReturnType<typeof percentiles>;
  listing: ReturnType<typeof percentiles>;
  /** Pages 2–50 of broad views sorted by salary, through cursors, at the database. */
  deep: ReturnType<typeof percentiles>;
  /** The slowest searches at the API and the listing, with their times. */
  slowest: { query: string; apiMs: number; listingMs: number }[];
  /** How many other searches warmed the server first. */
  warmUp: number;
};

/** The held-out searches on a warm server `app` of the database DATABASE_URL names. */
export async function benchRoleSearch(app: string): Promise<RoleSearchRun> {
  const { listPublishedRoles } = await import('@/db/role-search');
  const warmUp = warmUpRoleSearches();
  for (const query of warmUp) {
    await Promise.all([listPublishedRoles(parseRoleSearch(Object.fromEntries(new URLSearchParams(query))).search), timedGet(`${app}/api/v1/roles?${query}`), timedGet(`${app}/?${query}`)]);
  }
  const queries = heldOutRoleSearches();
  const dbTimes: number[] = [];
  for (const query of queries) {
    const { search } = parseRoleSearch(Object.fromEntries(new URLSearchParams(query)));
    const start = performance.now();
    await listPublishedRoles(search);
    dbTimes.push(performance.now() - start);
  }
  // Each address once: searches with words are never cached, and the few without words that the
  // listing keeps were not asked for by the warm-up.
  const apiTimes: number[] = [];
  const listingTimes: number[] = [];
  for (const query of queries) apiTimes.push(await timedGet(`${app}/api/v1/roles?${query}`));
  for (const query of queries) listingTimes.push(await timedGet(`${app}/?${query}`));
  const slowest = queries
    .map((query, index) => ({ query, apiMs: Math.round(apiTimes[index]!), listingMs: Math.round(listingTimes[index]!) }))
    .sort((a, b) => Math.max(b.apiMs, b.listingMs / 2) - Math.max(a.apiMs, a.listingMs / 2))
    .slice(0, 8);
  const deepTimes: number[] = [];
  for (const filter of [{}, { category: 'computer-and-mathematical' }, { minSalary: '80000' }, { maxEducation: 'bachelor' }]) {
    const { search } = parseRoleSearch({ ...filter, sort: 'salary', order: 'desc' });
    let page = await listPublishedRoles(search);
    for (let number = 2; number <= 50 && page.nextCursor; number += 1) {
      const start = performance.now();
      page = await listPublishedRoles({ ...search, after: page.nextCursor });
      deepTimes.push(performance.now() - start);
    }
  }
  return { queries: queries.length, db: percentiles(dbTimes), api: percentiles(apiTimes), listing: percentiles(listingTimes), deep: percentiles(deepTimes), slowest, warmUp: warmUp.length };
}

/**
 * Searches from a server's first answer on, for a minute: the warm-up's (not held-out) searches in
 * turn, API then listing, one at a time. Returns each second's slice of the minute: the first
 * seconds pay for new connections, cold pages and the title classifier's model.
 */
export async function firstMinute(app: string) {
  const queries = warmUpRoleSearches();
  const started = performance.now();
  const samples: { at: number; ms: number }[] = [];
  for (let index = 0; performance.now() - started < 60_000; index += 1) {
    const query = queries[index % queries.length]!;
    const url = index % 2 === 0 ? `${app}/api/v1/roles?${query}` : `${app}/?${query}`;
    samples.push({ at: performance.now() - started, ms: await timedGet(url) });
  }
  const slice = (from: number, to: number) => samples.filter((sample) => sample.at >= from * 1000 && sample.at < to * 1000).map((sample) => sample.ms);
  return [
    { seconds: '0–5', ...percentiles(slice(0, 5)), count: slice(0, 5).length },
    { seconds: '5–20', ...percentiles(slice(5, 20)), count: slice(5, 20).length },
    { seconds: '20–60', ...percentiles(slice(20, 60)), count: slice(20, 60).length },
  ];
}
