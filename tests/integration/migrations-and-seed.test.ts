import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDatabase } from '@/db/connection';
import { migrationsFolder, runMigrations } from '@/db/migrate';
import { seedDatabase, seedRoles } from '@/db/seed/seed';
import { verifyPassword } from '@/lib/password';
import { createEmptyDatabase } from '../support/database';

describe('migrations and seed on an empty database', () => {
  let empty: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let connection: ReturnType<typeof createDatabase>;

  before(async () => {
    empty = await createEmptyDatabase('migrations');
    connection = createDatabase(empty.url, { max: 1 });
  });
  after(async () => {
    await connection.sql.end();
    await empty.drop();
  });

  /** Everything the seed writes, as one comparable value. */
  async function snapshot() {
    const [row] = await connection.sql`
      select
        (select count(*)::int from categories) as categories,
        (select count(*)::int from roles) as roles,
        (select count(*)::int from role_stats_history) as history,
        (select md5(string_agg(r::text, ',' order by r.id)) from roles r) as roles_hash,
        (select md5(string_agg(s::text, ',' order by s.role_id)) from role_stats s) as stats_hash,
        (select md5(string_agg(u.email || u.password_hash, ',' order by u.id)) from users u) as users_hash`;
    return row;
  }

  test('all migrations apply, and applying them again is a no-op', async () => {
    await runMigrations(connection.db);
    await runMigrations(connection.db);
    const tables = await connection.sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`;
    assert.deepEqual(
      tables.map((table) => table.table_name),
      ['audit_log', 'categories', 'login_attempts', 'role_stats', 'role_stats_history', 'roles', 'user_sessions', 'users'],
    );
    const [extension] = await connection.sql`select extname from pg_extension where extname = 'pg_trgm'`;
    assert.ok(extension, 'pg_trgm is installed for title search');
  });

  test('the seed loads every role with stats and one history row each', async () => {
    const admin = { email: 'Admin@Example.com', password: 'correct horse battery staple' };
    await seedDatabase(connection.db, { admin });
    const first = await snapshot();
    assert.ok(first);
    assert.equal(first.roles, seedRoles.length);
    assert.ok(seedRoles.length >= 25);
    assert.equal(first.history, seedRoles.length);
    assert.equal(new Set(seedRoles.map((role) => role.categorySlug)).size >= 5, true);

    const [user] = await connection.sql`select role, password_hash from users where lower(email) = 'admin@example.com'`;
    assert.equal(user?.role, 'admin');
    assert.ok(user?.password_hash.startsWith('$argon2id$'));
    assert.ok(await verifyPassword(user!.password_hash, admin.password));

    await seedDatabase(connection.db, { admin });
    assert.deepEqual(await snapshot(), first, 'running the seed twice changes nothing');
  });

  test('the backend software engineer role has the original page stats', async () => {
    const [row] = await connection.sql`
      select s.job_openings, s.average_salary, s.degree_requirement_percent, s.currency
      from roles r join role_stats s on s.role_id = r.id where r.slug = 'backend-software-engineer'`;
    assert.deepEqual({ ...row }, { job_openings: 1, average_salary: 110000, degree_requirement_percent: 100, currency: 'USD' });
  });

  test('the synthetic generator adds numbered roles once', async () => {
    await seedDatabase(connection.db, { synthetic: 500 });
    await seedDatabase(connection.db, { synthetic: 500 });
    const [row] = await connection.sql`
      select count(*)::int as roles, (select count(*)::int from role_stats_history h join roles r on r.id = h.role_id where r.slug like 'synthetic-role-%') as history
      from roles where slug like 'synthetic-role-%'`;
    assert.deepEqual({ ...row }, { roles: 500, history: 500 });
  });
});

describe('migrating a database that already has data', () => {
  /** Applies the committed migrations up to and including `lastTag`, as an older release would have. */
  async function migrateUpTo(connection: ReturnType<typeof createDatabase>, lastTag: string) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'roleboard-migrations-'));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
    const last = journal.entries.findIndex((entry: { tag: string }) => entry.tag === lastTag);
    assert.ok(last >= 0, `no migration ${lastTag}`);
    journal.entries = journal.entries.slice(0, last + 1);
    fs.mkdirSync(path.join(folder, 'meta'));
    fs.writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    await migrate(connection.db, { migrationsFolder: folder });
    fs.rmSync(folder, { recursive: true });
  }

  test('earlier sign-in attempts keep counting, with garbage addresses as "unknown"', async () => {
    const empty = await createEmptyDatabase('attempts');
    const connection = createDatabase(empty.url, { max: 1 });
    try {
      await migrateUpTo(connection, '0003_login_attempts');
      await connection.sql`insert into login_attempts (email, ip_address, succeeded) values
        ('a@example.com', '203.0.113.5', true), ('a@example.com', 'anything; a client wrote this', false)`;
      await runMigrations(connection.db);
      const rows = await connection.sql`select email, ip_address, outcome, device_id from login_attempts order by id`;
      assert.deepEqual(
        rows.map((row) => ({ ...row })),
        [
          { email: 'a@example.com', ip_address: '203.0.113.5', outcome: 'succeeded', device_id: null },
          { email: 'a@example.com', ip_address: 'unknown', outcome: 'failed', device_id: null },
        ],
      );
    } finally {
      await connection.sql.end();
      await empty.drop();
    }
  });
});
