// `npm run db:seed [-- --synthetic N]`: migrates and seeds DATABASE_URL, or the embedded database.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDatabase } from '../connection';
import { withDatabaseUrl } from '../embedded-server';
import { runMigrations } from '../migrate';
import { seedDatabase } from './seed';
import { env } from '@/lib/env';

const { values } = parseArgs({ options: { synthetic: { type: 'string', default: '0' } } });
const synthetic = z.coerce.number().int().min(0).max(1_000_000).safeParse(values.synthetic);
if (!synthetic.success) {
  console.error('--synthetic takes a whole number from 0 to 1000000');
  process.exit(2);
}
let admin: ReturnType<typeof env.ADMIN_ACCOUNT>;
try {
  admin = env.ADMIN_ACCOUNT();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

await withDatabaseUrl(async (url, source) => {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    const started = performance.now();
    await seedDatabase(db, { synthetic: synthetic.data, admin });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Seeded ${source} in ${seconds} s${synthetic.data ? ` (${synthetic.data} synthetic roles)` : ''}.`);
  } finally {
    await sql.end();
  }
});
