// The application's one connection pool, opened on first use (so `next build` needs none) and
// cached on globalThis so dev-mode reloads reuse it. Its connections time out (db/connection.ts),
// so a request never hangs on a database that is away.
import 'server-only';
import { createDatabase, type Database } from './connection';
import { env } from '@/lib/env';

const globalForDatabase = globalThis as unknown as { roleboardDatabase?: ReturnType<typeof createDatabase> };

export function database(): Database {
  globalForDatabase.roleboardDatabase ??= createDatabase(env.DATABASE_URL(), { requestTimeouts: true });
  return globalForDatabase.roleboardDatabase.db;
}

/** Closes the pool; scripts and tests call it so the process can exit. */
export async function closeDatabase() {
  await globalForDatabase.roleboardDatabase?.sql.end();
  globalForDatabase.roleboardDatabase = undefined;
}
