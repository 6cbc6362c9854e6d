// The default catalogue, 832 roles: the seed role (db/seed/) and the 831 BLS occupations of the
// U.S., these through the same import as every CSV, one OEWS release after the other (May 2023,
// then May 2024), so each occupation starts with two real points of history; then their figures in
// every state (us-states.ts). Every way of loading a database loads exactly this: a first start of
// one without roles, `npm run db:seed`, `npm run data:import` without a file, and the tests.
// Running it again changes nothing: the seed role is only inserted if missing, an earlier release
// only fills in roles whose figures are older than it (it never takes a role back in time), the
// latest one is unchanged, and roles edited since their import are left alone by the import.
import { eq, inArray } from 'drizzle-orm';
import { cacheTags } from '@/lib/cache-tags';
import { categories, roles, roleStats } from '../schema';
import { applyCatalogueImport, type ApplyOptions } from '../catalogue-import';
import type { Transaction } from '../audit-writes';
import type { Database } from '../connection';
import { insertSeedRoles } from '../seed/seed';
import { usCategories } from './categories';
import { loadUsOccupationCatalogue } from './us-occupations';
import { importUsStateFigures } from './us-states';

export type DefaultCatalogueResult = {
  /** U.S. occupations created (the seed role, inserted if missing, is not counted). */
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
  await insertSeedRoles(db);
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
