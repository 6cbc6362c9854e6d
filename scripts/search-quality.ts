// `npm run search-quality`: how often search puts the occupation a person means first (top-1) and
// among the first three (top-3), for the held-out everyday queries in
// tests/fixtures/everyday-queries.json, through the listing's own reading of a query and its own
// data-layer search. Against DATABASE_URL, which must hold the real catalogue (832 occupations).
// `--misses` lists the queries that miss the top three.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDatabase } from '@/db/client';
import { listPublishedRoles } from '@/db/role-search';
import { parseRoleSearch } from '@/lib/role-search';

export type EverydayQuery = { query: string; expected: string[]; state?: string };

export function readEverydayQueries(): EverydayQuery[] {
  return JSON.parse(fs.readFileSync(new URL('../tests/fixtures/everyday-queries.json', import.meta.url), 'utf8')).queries;
}

/**
 * Where the first expected occupation comes among a query's results (1 = first), or null beyond
 * the first page; a query that names a place must also be read as that state's listing.
 */
export async function positionOf({ query, expected, state }: EverydayQuery): Promise<number | null> {
  const { search } = parseRoleSearch({ q: query });
  if (state && search.state?.slug !== state) return null;
  const page = await listPublishedRoles(search);
  const index = page.items.findIndex((item) => expected.includes(item.slug));
  return index === -1 ? null : index + 1;
}

export async function measureSearchQuality(queries = readEverydayQueries()) {
  const positions: { query: EverydayQuery; position: number | null }[] = [];
  for (const query of queries) positions.push({ query, position: await positionOf(query) });
  const within = (rank: number) => positions.filter(({ position }) => position !== null && position <= rank).length;
  return { total: queries.length, top1: within(1), top3: within(3), positions };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { misses: { type: 'boolean' } } });
  const { total, top1, top3, positions } = await measureSearchQuality();
  const percent = (count: number) => `${((count / total) * 100).toFixed(1)}%`;
  console.log(`Everyday queries: ${total}; top-1 ${top1} (${percent(top1)}); top-3 ${top3} (${percent(top3)})`);
  if (values.misses)
    for (const { query, position } of positions) if (position === null || position > 1) console.log(`  ${position ?? '-'}\t${query.query}\t→ ${query.expected[0]}`);
  await closeDatabase();
}
