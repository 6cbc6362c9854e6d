// Whether this instance can serve: the database answers and every committed migration is applied.
import 'server-only';
import { sql } from 'drizzle-orm';
import { isDatabaseUnavailable } from './availability';
import { database } from './client';
import journal from './migrations/meta/_journal.json';

export type Readiness = {
  ready: boolean;
  database: 'reachable' | 'unreachable';
  migrations: { applied: number; expected: number } | null;
};

export async function checkReadiness(): Promise<Readiness> {
  const expected = journal.entries.length;
  const lastMigrationAt = journal.entries.at(-1)?.when ?? 0;
  try {
    // drizzle-kit's migrator records each applied migration with its journal timestamp.
    const [row] = await database().execute<{ applied: number; last: string | null }>(
      sql`select count(*)::int as applied, max(created_at)::text as last from drizzle.__drizzle_migrations`,
    );
    const applied = row?.applied ?? 0;
    const upToDate = Number(row?.last ?? 0) >= lastMigrationAt;
    return { ready: upToDate, database: 'reachable', migrations: { applied, expected } };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, database: 'unreachable', migrations: null };
    throw error;
  }
}
