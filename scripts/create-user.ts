// `npm run user:create -- --email E --password P --role admin|editor [--name N]`: creates the user,
// or brings an existing one (same email, any case) to this role and password and re-enables it.
// Works against DATABASE_URL or the embedded database, like `npm run db:seed`.
import { parseArgs } from 'node:util';
import { withDatabaseUrl } from '@/db/embedded-server';
import { withMigratedDatabase } from '@/db/prepare-database';
import { upsertUser } from '@/db/seed/seed';
import { newUserSchema } from '@/lib/user-schemas';

const usage = 'Usage: npm run user:create -- --email E --password P --role admin|editor [--name N]';

// The admin's "Create user" rules, with the name optional: it defaults to the email's first part.
const argumentsSchema = newUserSchema.extend({ name: newUserSchema.shape.name.optional() });

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

await withDatabaseUrl((url, source) =>
  withMigratedDatabase(url, async (db) => {
    const { created } = await upsertUser(db, { email, password, role, name });
    console.log(`${created ? 'Created' : 'Updated'} ${role} ${email} in ${source}. They can sign in at /login.`);
  }),
);
