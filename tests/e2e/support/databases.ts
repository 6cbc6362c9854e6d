// Throwaway databases for tests that run a server of their own, made like the run's database.
import { createDatabase } from '@/db/connection';
import { runMigrations } from '@/db/migrate';
import { seedDatabase } from '@/db/seed/seed';
import { createEmptyDatabase } from '../../support/database';

/** A migrated, seeded database; `drop` removes it. */
export async function createSeededDatabase(label: string) {
  const database = await createEmptyDatabase(label);
  const { db, sql } = createDatabase(database.url, { max: 1 });
  try {
    await runMigrations(db);
    await seedDatabase(db);
  } finally {
    await sql.end();
  }
  return database;
}

/** Runs one statement on a database, e.g. to break it on purpose. */
export async function execute(url: string, statement: string) {
  const { sql } = createDatabase(url, { max: 1 });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}
