// Getting a database ready, one way for every command that opens one: the migrations first, then on
// a first start the catalogue and an admin. Used by `npm run dev`/`npm start` (scripts/serve.ts) and
// the command-line tools in scripts/; the functions return what they did and the commands say it.
import { randomBytes } from 'node:crypto';
import { importDefaultCatalogue, type DefaultCatalogueResult } from './catalogue/default-catalogue';
import { hasStateFigures, importUsStateFigures } from './catalogue/us-states';
import { createDatabase, type Database } from './connection';
import { hasJobPostings, importBundledPostings, type BundledPostingsResult } from './job-import';
import { runMigrations } from './migrate';
import { roles, users } from './schema';
import { upsertUser } from './seed/seed';

/** Opens a one-connection pool on `url`, applies the migrations, runs `task` and closes the pool. */
export async function withMigratedDatabase<T>(url: string, task: (db: Database) => Promise<T>): Promise<T> {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    return await task(db);
  } finally {
    await sql.end();
  }
}

export type FirstStartLoad =
  | { loaded: 'catalogue'; seconds: number; created: number; states: DefaultCatalogueResult['states']; postings: BundledPostingsResult }
  | { loaded: 'state figures'; states: Awaited<ReturnType<typeof importUsStateFigures>>; postings: BundledPostingsResult | null }
  | { loaded: 'postings'; postings: BundledPostingsResult }
  | { loaded: 'nothing' };

/**
 * A database without roles gets the default catalogue (the seed role and the U.S. occupations);
 * one loaded before the state figures existed gets those once; any other is left as it is. "No
 * roles" is precise enough because every command that puts roles into a database without any
 * (`npm run db:seed`, `npm run data:import` without a file) loads the whole catalogue too, and a
 * database with roles of its own (a file's, old sample roles) is someone's, never loaded unasked.
 * The real job postings (db/data/job-postings) come after the catalogue, which places them, and
 * into any database without postings.
 */
export async function loadCatalogueOnFirstStart(db: Database): Promise<FirstStartLoad> {
  const [anyRole] = await db.select({ id: roles.id }).from(roles).limit(1);
  if (!anyRole) {
    const started = performance.now();
    const { created, states } = await importDefaultCatalogue(db);
    const seconds = (performance.now() - started) / 1000;
    return { loaded: 'catalogue', seconds, created, states, postings: await importBundledPostings(db) };
  }
  // A database from before job postings gets the real sets once, as one from before state figures gets those.
  const postings = (await hasJobPostings(db)) ? null : await importBundledPostings(db);
  if (!(await hasStateFigures(db))) return { loaded: 'state figures', states: await importUsStateFigures(db), postings };
  return postings ? { loaded: 'postings', postings } : { loaded: 'nothing' };
}

/**
 * A development database without users gets one admin with a generated password, returned so that
 * it can be shown once; null when there are users already.
 */
export async function createFirstDevelopmentAdmin(db: Database): Promise<{ email: string; password: string } | null> {
  const [anyUser] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyUser) return null;
  const email = 'admin@roleboard.local';
  const password = randomBytes(12).toString('base64url');
  await upsertUser(db, { email, password, role: 'admin', name: 'Development admin' });
  return { email, password };
}
