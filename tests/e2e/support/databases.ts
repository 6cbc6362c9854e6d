// Throwaway databases for tests that run a server of their own.
import { createDatabase } from '@/db/connection';
import { createEmptyDatabase } from '../../support/database';

/**
 * A copy of the run's database as scripts/test.ts loaded it (migrated, the catalogue, the real
 * postings and the test users), made before any server used it; `drop` removes it.
 */
export async function createLoadedDatabase(label: string) {
  const template = process.env.TEST_LOADED_DATABASE;
  if (!template) throw new Error('TEST_LOADED_DATABASE is set by `npm test`.');
  return createEmptyDatabase(label, { template });
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
