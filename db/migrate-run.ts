// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or the embedded database.
import { createDatabase } from './connection';
import { withDatabaseUrl } from './embedded-server';
import { runMigrations } from './migrate';

await withDatabaseUrl(async (url, source) => {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    console.log(`Migrations applied to ${source}.`);
  } finally {
    await sql.end();
  }
});
