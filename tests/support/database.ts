// Helpers for integration tests: the run's database (made by scripts/test.ts) and throwaway ones.
import postgres from 'postgres';
import { createDatabase, type Database } from '@/db/connection';
import { roles } from '@/db/schema';

export function testDatabaseUrl() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Run integration tests through `npm test`, which creates a fresh database.');
  return url;
}

export function connectToTestDatabase() {
  return createDatabase(testDatabaseUrl(), { max: 2 });
}

/**
 * Creates a database for one test and returns its URL and a function that drops it: empty, or a
 * copy of a template database (PostgreSQL copies one in about a second).
 */
export async function createEmptyDatabase(label: string, { template }: { template?: string } = {}) {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_ADMIN_DATABASE_URL is set by `npm test`.');
  const name = `roleboard_${label}_${Date.now()}_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** Runs `work` on a new empty database with a connection to it; closes the connection and drops the database afterwards, whatever happened. */
export async function withEmptyDatabase(label: string, work: (database: { url: string; connection: ReturnType<typeof createDatabase> }) => Promise<void>) {
  const empty = await createEmptyDatabase(label);
  const connection = createDatabase(empty.url, { max: 1 });
  try {
    await work({ url: empty.url, connection });
  } finally {
    await connection.sql.end();
    await empty.drop();
  }
}

/** An archived role (no public page shows it) for a test that needs a role row and nothing more. */
export async function insertArchivedRole(db: Database, { slug, title, madeBy }: { slug: string; title: string; madeBy: string }) {
  const [role] = await db
    .insert(roles)
    .values({
      slug,
      title,
      categorySlug: 'healthcare-practitioners-and-technical',
      summary: `A role made by ${madeBy}.`,
      salaryTemplate: 'The average salary is {averageSalary}.',
      responsibilitiesIntro: 'They:',
      responsibilities: [],
      howToBecomeIntro: 'Steps:',
      howToBecomeSteps: [],
      status: 'archived',
    })
    .returning({ id: roles.id, title: roles.title, slug: roles.slug });
  return role!;
}
