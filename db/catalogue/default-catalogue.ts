// The default U.S. catalogue (831 BLS occupations) through the same import as every CSV, one OEWS
// release after the other (May 2023, then May 2024), so each occupation starts with two real
// points of history; then their figures in every state (us-states.ts). Used on a first start, by `npm run data:import` without a file, and by tests.
// Running it again changes nothing: an earlier release only fills in roles whose figures are older
// than it (it never takes a role back in time), and the latest one is unchanged.
import { eq, inArray } from 'drizzle-orm';
import { cacheTags } from '@/lib/cache-tags';
import { categories, roles, roleStats } from '../schema';
import { applyCatalogueImport, type ApplyOptions } from '../catalogue-import';
import type { Transaction } from '../audit-writes';
import type { Database } from '../connection';
import { usCategories } from './categories';
import { loadUsOccupationCatalogue } from './us-occupations';
import { importUsStateFigures } from './us-states';

export type DefaultCatalogueResult = {
  created: number;
  updated: number;
  tags: string[];
  /** The state figures loaded after the national ones, and how long that took. */
  states: Awaited<ReturnType<typeof importUsStateFigures>> & { seconds: number };
};

/** The SOC major groups the catalogue files its occupations under; existing categories are kept as they are. */
export async function ensureUsCategories(db: Database | Transaction) {
  await db.insert(categories).values(usCategories).onConflictDoNothing();
}

/** The as-of date of the current figures of these roles, by slug (roles that exist). */
async function currentAsOf(db: Database, slugs: string[]) {
  const rows = await db
    .select({ slug: roles.slug, asOf: roleStats.asOf })
    .from(roles)
    .innerJoin(roleStats, eq(roleStats.roleId, roles.id))
    .where(inArray(roles.slug, slugs));
  return new Map(rows.map((row) => [row.slug, row.asOf]));
}

export async function importDefaultCatalogue(
  db: Database,
  { onRelease, onProgress }: { onRelease?: (asOf: string) => void; onProgress?: ApplyOptions['onProgress'] } = {},
): Promise<DefaultCatalogueResult> {
  await ensureUsCategories(db);
  const tags = new Set<string>();
  let created = 0;
  let updated = 0;
  const releases = loadUsOccupationCatalogue();
  for (const [index, release] of releases.entries()) {
    const latest = index === releases.length - 1;
    const asOf = latest ? new Map<string, string>() : await currentAsOf(db, release.records.map((record) => record.slug));
    const records = release.records.filter((record) => (asOf.get(record.slug) ?? '') < release.asOf);
    if (records.length === 0) continue;
    onRelease?.(release.asOf);
    const input = { rows: records.map((record) => ({ record })), problems: [] };
    const result = await applyCatalogueImport(db, input, { actorId: null, onProgress });
    // The catalogue is our own data, checked by its tests: a refusal here is a bug, not a user error.
    if (result.status !== 'applied') throw new Error(`The default catalogue (${release.asOf}) does not import: ${JSON.stringify(result.plan.problems.slice(0, 3))}`);
    created += result.created.length;
    updated += result.updated.length;
    result.tags.forEach((tag) => tags.add(tag));
  }
  const started = performance.now();
  const states = await importUsStateFigures(db);
  tags.add(cacheTags.areas);
  return { created, updated, tags: [...tags], states: { ...states, seconds: (performance.now() - started) / 1000 } };
}
