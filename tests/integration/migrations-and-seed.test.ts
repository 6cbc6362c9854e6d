import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { importDefaultCatalogue } from '@/db/catalogue/default-catalogue';
import { createDatabase } from '@/db/connection';
import { migrationsFolder, runMigrations } from '@/db/migrate';
import { loadCatalogueOnFirstStart } from '@/db/prepare-database';
import { seedDatabase, seedRoles } from '@/db/seed/seed';
import { verifyPassword } from '@/lib/password';
import { createEmptyDatabase, withEmptyDatabase } from '../support/database';

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
      [
        'areas',
        'audit_log',
        'catalogue_upload_plans',
        'catalogue_uploads',
        'categories',
        'employer_invites',
        'employer_postings',
        'employers',
        'job_alert_digests',
        'job_alert_signups',
        'job_alerts',
        'job_posting_search',
        'job_postings',
        'job_uploads',
        'login_attempts',
        'role_area_stats',
        'role_name_words',
        'role_posting_figures',
        'role_search',
        'role_stats',
        'role_stats_history',
        'roles',
        'user_sessions',
        'users',
      ],
    );
    const [extension] = await connection.sql`select extname from pg_extension where extname = 'pg_trgm'`;
    assert.ok(extension, 'pg_trgm is installed for title search');
  });

  test('the seed loads the 23 SOC major groups and the seed role, with stats and one history row', async () => {
    const admin = { email: 'Admin@Example.com', password: 'correct horse battery staple' };
    await seedDatabase(connection.db, { admin });
    const first = await snapshot();
    assert.ok(first);
    assert.equal(first.categories, 23);
    assert.deepEqual(seedRoles.map((role) => role.slug), ['backend-software-engineer']);
    assert.equal(first.roles, 1);
    assert.equal(first.history, 1);

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

  test('the default catalogue adds 831 U.S. occupations with two real points of history each; importing it again changes nothing', async () => {
    const { created } = await importDefaultCatalogue(connection.db);
    assert.equal(created, 831);
    const [row] = await connection.sql`
      select count(*)::int as occupations,
             (select count(*)::int from role_stats_history h join roles r on r.id = h.role_id where r.soc_code is not null) as history,
             (select array_agg(distinct as_of::text order by as_of::text) from role_stats_history h join roles r on r.id = h.role_id where r.soc_code is not null) as releases,
             (select count(*)::int from audit_log where action = 'role.import' and actor_id is null) as imports
      from roles where soc_code is not null`;
    assert.deepEqual({ ...row }, { occupations: 831, history: 1662, releases: ['2023-05-01', '2024-05-01'], imports: 1662 });
    const before = await snapshot();
    const again = await importDefaultCatalogue(connection.db);
    assert.deepEqual({ created: again.created, updated: again.updated }, { created: 0, updated: 0 });
    assert.deepEqual(await snapshot(), before);
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

  test('a database holding the old sample roles keeps working, and the U.S. catalogue comes in beside them', async () => {
    await withEmptyDatabase('old-samples', async ({ connection }) => {
      await migrateUpTo(connection, '0005_server_side_sessions');
      await connection.sql`insert into categories (slug, name) values ('healthcare', 'Healthcare')`;
      const [role] = await connection.sql`
        insert into roles (slug, title, category_slug, summary, salary_template, responsibilities_intro, responsibilities, how_to_become_intro, how_to_become_steps)
        values ('registered-nurse', 'Registered Nurse', 'healthcare', 'Cares for patients.', 'About {averageSalary}.', 'They:', '["Care."]', 'Steps:', '[{"heading":"Study","body":"Nursing."}]')
        returning id`;
      const stats = { role_id: role!.id, job_openings: 4210, average_salary: 86000, degree_requirement_percent: 100, as_of: '2026-09-01', source: 'Sample data' };
      await connection.sql`insert into role_stats ${connection.sql(stats)}`;
      await connection.sql`insert into role_stats_history ${connection.sql({ ...stats, role_version: 1, currency: 'USD' })}`;

      await runMigrations(connection.db);
      const [kept] = await connection.sql`
        select r.title, r.alternative_titles, s.average_salary, s.job_openings_basis, s.salary_top_coded, r.search_vector @@ websearch_to_tsquery('english', 'nurse') as found
        from roles r join role_stats s on s.role_id = r.id where r.slug = 'registered-nurse'`;
      assert.deepEqual({ ...kept }, { title: 'Registered Nurse', alternative_titles: [], average_salary: 86000, job_openings_basis: 'current', salary_top_coded: [], found: true });

      const { created } = await importDefaultCatalogue(connection.db);
      assert.equal(created, 831);
      // The old role, and the whole catalogue beside it: the seed role and the U.S. occupations.
      const [counts] = await connection.sql`select count(*)::int as roles, count(*) filter (where category_slug = 'healthcare')::int as old from roles`;
      assert.deepEqual({ ...counts }, { roles: 833, old: 1 });
    });
  });

  test('earlier sign-in attempts keep counting, with garbage addresses as "unknown"', async () => {
    await withEmptyDatabase('attempts', async ({ connection }) => {
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
    });
  });
});

describe('every documented way of preparing a database ends with the whole catalogue, once', () => {
  /** `npm run <script>` as a person types it, against this database. */
  function runScript(script: 'migrate' | 'seed' | 'data-import', url: string, args: string[] = []) {
    const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
      // No running server to tell about an import (none listens on port 1), and no admin from the environment.
      env: { ...process.env, DATABASE_URL: url, SITE_URL: 'http://127.0.0.1:1', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' },
      encoding: 'utf8',
      timeout: 180_000,
    });
    assert.equal(result.status, 0, `scripts/${script}.ts failed:\n${result.stdout}\n${result.stderr}`);
    return result.stdout;
  }

  /** Everything the catalogue and an import write, and the counts that say it is all there. */
  async function catalogueState(sql: ReturnType<typeof createDatabase>['sql']) {
    const [row] = await sql`
      select
        (select count(*)::int from roles where status = 'published') as published,
        (select count(*)::int from roles where soc_code is not null) as occupations,
        (select count(*)::int from roles where slug = 'backend-software-engineer') as seed_role,
        (select count(*)::int from role_area_stats) as state_figures,
        (select count(*)::int from role_stats_history) as history,
        (select count(*)::int from audit_log) as audit,
        (select md5(string_agg(r::text, ',' order by r.id)) from roles r) as roles_hash,
        (select md5(string_agg(s::text, ',' order by s.role_id)) from role_stats s) as stats_hash`;
    return { ...row };
  }

  /** The seed role and the 831 U.S. occupations, all published, with every state figure. */
  function assertWholeCatalogue({ published, occupations, seed_role, state_figures }: Record<string, unknown>) {
    assert.deepEqual({ published, occupations, seed_role, state_figures }, { published: 832, occupations: 831, seed_role: 1, state_figures: 35_427 });
  }

  /** What an editor's save leaves: a new figure and its role.update audit row (the import then leaves the role alone). */
  async function editAverageSalary(sql: ReturnType<typeof createDatabase>['sql'], slug: string, averageSalary: number) {
    const [role] = await sql`select id from roles where slug = ${slug}`;
    await sql`update role_stats set average_salary = ${averageSalary} where role_id = ${role!.id}`;
    await sql`insert into audit_log (actor_id, action, entity_type, entity_id, before, after)
              values (null, 'role.update', 'role', ${String(role!.id)}, '{}', ${JSON.stringify({ averageSalary })}::jsonb)`;
  }

  test('npm run db:migrate, then db:seed, then a start: 832 roles with state figures; again, nothing changes; --synthetic adds its roles', async () => {
    await withEmptyDatabase('seed-then-start', async ({ url, connection }) => {
      runScript('migrate', url);
      runScript('seed', url);
      assert.equal((await loadCatalogueOnFirstStart(connection.db)).loaded, 'nothing', 'the start finds the catalogue loaded');
      assertWholeCatalogue(await catalogueState(connection.sql));

      await editAverageSalary(connection.sql, 'software-developers', 123_456);
      const loaded = await catalogueState(connection.sql);
      runScript('seed', url);
      assert.equal((await loadCatalogueOnFirstStart(connection.db)).loaded, 'nothing');
      assert.deepEqual(await catalogueState(connection.sql), loaded, 'seeding and starting again change nothing, the edited role included');
      const [edited] = await connection.sql`select s.average_salary from roles r join role_stats s on s.role_id = r.id where r.slug = 'software-developers'`;
      assert.equal(edited!.average_salary, 123_456);

      runScript('seed', url, ['--synthetic', '3']);
      const withSynthetic = await catalogueState(connection.sql);
      assert.deepEqual([withSynthetic.published, withSynthetic.occupations], [835, 831]);
    });
  });

  test('a first start of an empty database loads the catalogue; db:seed afterwards changes nothing', async () => {
    await withEmptyDatabase('start-then-seed', async ({ url, connection }) => {
      await runMigrations(connection.db);
      const load = await loadCatalogueOnFirstStart(connection.db);
      assert.deepEqual(load.loaded === 'catalogue' && [load.created, load.states.figures], [831, 35_427]);
      const loaded = await catalogueState(connection.sql);
      assertWholeCatalogue(loaded);
      runScript('seed', url);
      assert.deepEqual(await catalogueState(connection.sql), loaded);
    });
  });

  test('npm run data:import without a file loads the whole catalogue into an empty database; a start afterwards changes nothing', async () => {
    await withEmptyDatabase('import-then-start', async ({ url, connection }) => {
      runScript('data-import', url);
      const loaded = await catalogueState(connection.sql);
      assertWholeCatalogue(loaded);
      // data:import loads roles only: the start adds the real job postings, and leaves the catalogue as it is.
      assert.equal((await loadCatalogueOnFirstStart(connection.db)).loaded, 'postings');
      assert.equal((await loadCatalogueOnFirstStart(connection.db)).loaded, 'nothing');
      // The roles as they were; the audit log has the postings import's entry for each real set.
      assert.deepEqual(await catalogueState(connection.sql), { ...loaded, audit: (loaded.audit as number) + 2 });
    });
  });
});
