// Opens a postgres.js pool wrapped by Drizzle. The app goes through db/client.ts;
// scripts and tests call this directly because they run outside Next.js.
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export function createDatabase(url: string, { max = 10 }: { max?: number } = {}) {
  const sql = postgres(url, { max, onnotice: () => {}, connection: { application_name: 'roleboard' } });
  return { sql, db: drizzle(sql, { schema }) };
}

export type Database = ReturnType<typeof createDatabase>['db'];
