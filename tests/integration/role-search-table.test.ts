// role_search, the narrow table search reads, follows every write to roles and role_stats by
// itself (triggers, migration 0011). Each test writes in a transaction it rolls back, so the run's
// catalogue stays as the other tests expect it.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { connectToTestDatabase } from '../support/database';

const { sql } = connectToTestDatabase();
after(() => sql.end());

class RollBack extends Error {}

/** Runs `body` in a transaction that is rolled back afterwards. */
async function inRolledBackTransaction(body: (tx: typeof sql) => Promise<void>) {
  await assert.rejects(
    sql.begin(async (tx) => {
      await body(tx as unknown as typeof sql);
      throw new RollBack();
    }),
    RollBack,
  );
}

/** role_search's rows that differ from what roles and role_stats say they should be, both ways. */
async function differences(tx: typeof sql) {
  return tx`
    with expected as (
      select r.id as role_id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent
      from roles r join role_stats s on s.role_id = r.id where r.status = 'published'
    ), actual as (
      select role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent from role_search
    )
    (select 'missing or stale' as problem, role_id from (select * from expected except select * from actual) missing)
    union all
    (select 'extra or stale', role_id from (select * from actual except select * from expected) extra)`;
}

async function searchRow(tx: typeof sql, roleId: number) {
  const [row] = await tx`select title, category_slug, average_salary, job_openings, degree_requirement_percent from role_search where role_id = ${roleId}`;
  return row ?? null;
}

describe('role_search', () => {
  test('holds exactly the published roles, with their current figures', async () => {
    const [row] = await sql`select count(*)::int as count from role_search`;
    assert.ok(row!.count > 800, String(row!.count));
    assert.deepEqual([...(await differences(sql))], []);
  });

  test('follows a role through edits of its text and stats, archiving, publishing and deletion', async () => {
    await inRolledBackTransaction(async (tx) => {
      const [role] = await tx`select id from roles where status = 'published' order by id limit 1`;
      const id = role!.id as number;
      await tx`update roles set title = 'Zanzibarite Keeper of Search', category_slug = (select slug from categories order by slug desc limit 1) where id = ${id}`;
      await tx`update role_stats set average_salary = 123456, job_openings = 7, degree_requirement_percent = 42 where role_id = ${id}`;
      const edited = await searchRow(tx, id);
      assert.equal(edited?.title, 'Zanzibarite Keeper of Search');
      assert.deepEqual([edited?.average_salary, edited?.job_openings, edited?.degree_requirement_percent], [123456, 7, 42]);
      const [found] = await tx`select role_id from role_search where search_vector @@ to_tsquery('english', 'zanzibarit:*')`;
      assert.equal(found?.role_id, id, 'found by its new title');

      await tx`update roles set status = 'archived' where id = ${id}`;
      assert.equal(await searchRow(tx, id), null, 'archived roles are not searched');
      await tx`update roles set status = 'published' where id = ${id}`;
      assert.equal((await searchRow(tx, id))?.title, 'Zanzibarite Keeper of Search', 'published again');

      await tx`delete from roles where id = ${id}`;
      assert.equal(await searchRow(tx, id), null, 'deleted');
      assert.deepEqual([...(await differences(tx))], []);
    });
  });

  test('a role is searched once its stats exist, and bulk updates refresh every row they touch', async () => {
    await inRolledBackTransaction(async (tx) => {
      const [category] = await tx`select slug from categories order by slug limit 1`;
      const [created] = await tx`
        insert into roles (slug, title, category_slug, summary, salary_template, responsibilities_intro, responsibilities, how_to_become_intro, how_to_become_steps)
        values ('search-table-probe', 'Search Table Probe', ${category!.slug}, 'A probe.', 'Pays {averageSalary}.', 'Does:', '["Probe."]'::jsonb, 'Become one:', '[]'::jsonb)
        returning id`;
      const id = created!.id as number;
      assert.equal(await searchRow(tx, id), null, 'not before its stats');
      // Every column but the jsonb one, which would need tx.json() to be sent back (it defaults to {}).
      const [{ edited_figures: _editedFigures, ...source }] = (await tx`select * from role_stats limit 1`) as unknown as [Record<string, unknown>];
      await tx`insert into role_stats ${tx({ ...source, role_id: id, average_salary: 55555 })}`;
      assert.equal((await searchRow(tx, id))?.average_salary, 55555);

      await tx`update role_stats set job_openings = job_openings + 1`;
      assert.deepEqual([...(await differences(tx))], [], 'one statement over every role');
    });
  });
});
