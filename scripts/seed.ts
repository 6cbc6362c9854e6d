// `npm run db:seed [-- --synthetic N] [--synthetic-postings M]`: migrates DATABASE_URL, or the
// embedded database, and loads the default catalogue (the seed role and the U.S. occupations, as a
// first start would), then N generated roles, the admin of ADMIN_EMAIL, the real job postings and
// M generated job postings (db/seed/synthetic-postings.ts). Idempotent: in a database that has the catalogue,
// the import changes nothing and leaves roles edited since their import alone.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { importDefaultCatalogue } from '@/db/catalogue/default-catalogue';
import { withDatabaseUrl } from '@/db/embedded-server';
import { describeBundledPostings, importBundledPostings } from '@/db/job-import';
import { withMigratedDatabase } from '@/db/prepare-database';
import { seedDatabase } from '@/db/seed/seed';
import { seedSyntheticPostings } from '@/db/seed/synthetic-postings';
import { env } from '@/lib/env';

const { values } = parseArgs({ options: { synthetic: { type: 'string', default: '0' }, 'synthetic-postings': { type: 'string', default: '0' } } });
const synthetic = z.coerce.number().int().min(0).max(1_000_000).safeParse(values.synthetic);
const syntheticPostings = z.coerce.number().int().min(0).max(5_000_000).safeParse(values['synthetic-postings']);
if (!synthetic.success) {
  console.error('--synthetic takes a whole number from 0 to 1000000');
  process.exit(2);
}
if (!syntheticPostings.success) {
  console.error('--synthetic-postings takes a whole number from 0 to 5000000');
  process.exit(2);
}
let admin: ReturnType<typeof env.ADMIN_ACCOUNT>;
try {
  admin = env.ADMIN_ACCOUNT();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

await withDatabaseUrl((url, source) =>
  withMigratedDatabase(url, async (db) => {
    const started = performance.now();
    const catalogue = await importDefaultCatalogue(db, { onRelease: (asOf) => console.log(`Importing the U.S. catalogue as of ${asOf}…`) });
    await seedDatabase(db, { synthetic: synthetic.data, admin });
    // After the catalogue, whose occupations the postings are placed in.
    const postings = await importBundledPostings(db);
    if (syntheticPostings.data) {
      await seedSyntheticPostings(db, { count: syntheticPostings.data, onBatch: (inserted) => console.log(`Inserted synthetic postings up to ${inserted.toLocaleString('en-US')}…`) });
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${source} in ${seconds} s: the catalogue (${catalogue.created} U.S. occupations created, ${catalogue.updated} updated)` +
        `${synthetic.data ? `, ${synthetic.data} synthetic roles` : ''}${syntheticPostings.data ? `, ${syntheticPostings.data} synthetic postings` : ''}.`,
    );
    console.log(describeBundledPostings(postings));
  }),
);
