// `npm run user:create -- --email E --password P --role admin|editor [--name N]`: creates the user,
// or brings an existing one (same email, any case) to this role and password and re-enables it.
// Works against DATABASE_URL or the embedded database, like `npm run db:seed`.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDatabase } from '@/db/connection';
import { withDatabaseUrl } from '@/db/embedded-server';
import { runMigrations } from '@/db/migrate';
import { upsertUser } from '@/db/seed/seed';
import { passwordSchema } from '@/lib/password';

const usage = 'Usage: npm run user:create -- --email E --password P --role admin|editor [--name N]';

// The same rules as the admin's "Create user" form (db/users.ts), which this script cannot import
// because that module is server-only.
const argumentsSchema = z.object({
  email: z.string({ error: 'is required' }).trim().max(320, 'must be at most 320 characters').pipe(z.email('must be an email address')),
  password: z.string({ error: 'is required' }).pipe(passwordSchema),
  role: z.enum(['admin', 'editor'], { error: 'must be admin or editor' }),
  name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters').optional(),
});

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail((error as Error).message);
}

const parsed = argumentsSchema.safeParse(values);
if (!parsed.success) {
  fail(parsed.error.issues.map((issue) => `--${issue.path.join('.')} ${issue.message}`).join('\n'));
}
const { email, password, role, name } = parsed.data;

await withDatabaseUrl(async (url, source) => {
  const { db, sql } = createDatabase(url, { max: 1 });
  try {
    await runMigrations(db);
    const { created } = await upsertUser(db, { email, password, role, name });
    console.log(`${created ? 'Created' : 'Updated'} ${role} ${email} in ${source}. They can sign in at /login.`);
  } finally {
    await sql.end();
  }
});
