// The application's one connection pool. Cached on globalThis so dev-mode reloads reuse it.
import 'server-only';
import { createDatabase } from './connection';
import { env } from '@/lib/env';

const globalForDatabase = globalThis as unknown as { roleboardDatabase?: ReturnType<typeof createDatabase> };

const connection = (globalForDatabase.roleboardDatabase ??= createDatabase(env.DATABASE_URL()));

export const db = connection.db;
