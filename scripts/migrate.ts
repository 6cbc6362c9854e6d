// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or the embedded database.
import { withDatabaseUrl } from '@/db/embedded-server';
import { withMigratedDatabase } from '@/db/prepare-database';

await withDatabaseUrl((url, source) => withMigratedDatabase(url, async () => console.log(`Migrations applied to ${source}.`)));
