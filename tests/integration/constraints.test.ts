// The database itself refuses impossible rows, whatever the application code does.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { connectToTestDatabase } from '../support/database';

const { sql } = connectToTestDatabase();
after(() => sql.end());

/** Runs a statement in a transaction that is always rolled back; returns the violated constraint. */
async function violation(statement: (tx: typeof sql) => Promise<unknown>): Promise<string | undefined> {
  try {
    await sql.begin(async (tx) => {
      await statement(tx as unknown as typeof sql);
      throw new Error('accepted');
    });
  } catch (error) {
    const { constraint_name, code, message } = error as { constraint_name?: string; code?: string; message: string };
    if (message === "accepted") return undefined;
    return constraint_name ?? code;
  }
}

const role = (overrides: Record<string, unknown> = {}) => ({
  slug: `constraint-test-${Math.random().toString(36).slice(2, 8)}`,
  title: 'Constraint Tester',
  category_slug: 'healthcare-practitioners-and-technical',
  summary: 'A role that only exists inside a rolled-back transaction.',
  salary_template: 'Pays {averageSalary}.',
  responsibilities_intro: 'Intro',
  // Drizzle makes the shared pool pass JSON through as text, so JSON columns get strings here.
  responsibilities: JSON.stringify(['Test']),
  how_to_become_intro: 'Intro',
  how_to_become_steps: JSON.stringify([{ heading: 'Step', body: 'Body' }]),
  ...overrides,
});

async function insertRoleWithStats(tx: typeof sql, stats: Record<string, unknown>) {
  const [inserted] = await tx`insert into roles ${tx(role())} returning id`;
  await tx`insert into role_stats ${tx({
    role_id: inserted!.id,
    job_openings: 1,
    average_salary: 50000,
    degree_requirement_percent: 50,
    as_of: '2026-01-01',
    source: 'test',
    ...stats,
  })}`;
}

describe('database constraints', () => {
  test('a valid role and stats are accepted', async () => {
    assert.equal(await violation((tx) => insertRoleWithStats(tx, {})), undefined);
  });

  test('slugs must be lowercase words with single hyphens, and unique', async () => {
    assert.equal(await violation((tx) => tx`insert into roles ${tx(role({ slug: 'Has Spaces' }))}`), 'roles_slug_format');
    assert.equal(await violation((tx) => tx`insert into roles ${tx(role({ slug: 'backend-software-engineer' }))}`), 'roles_slug_unique');
  });

  test('titles cannot be blank and categories must exist', async () => {
    assert.equal(await violation((tx) => tx`insert into roles ${tx(role({ title: '   ' }))}`), 'roles_title_length');
    assert.equal(await violation((tx) => tx`insert into roles ${tx(role({ category_slug: 'astrology' }))}`), 'roles_category_slug_categories_slug_fk');
  });

  test('stats stay within their ranges', async () => {
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { job_openings: -1 })), 'role_stats_job_openings');
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { average_salary: -5 })), 'role_stats_average_salary');
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { degree_requirement_percent: 101 })), 'role_stats_degree_requirement');
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { currency: 'usd' })), 'role_stats_currency');
  });

  test('percentiles are all or nothing, and never decrease', async () => {
    const ordered = { salary_p10: 1, salary_p25: 2, salary_median: 3, salary_p75: 4, salary_p90: 5 };
    assert.equal(await violation((tx) => insertRoleWithStats(tx, ordered)), undefined);
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { ...ordered, salary_p75: 2 })), 'role_stats_percentiles');
    assert.equal(await violation((tx) => insertRoleWithStats(tx, { salary_median: 3 })), 'role_stats_percentiles');
  });

  test('user emails are unique regardless of case', async () => {
    const user = { name: 'A', password_hash: 'x', role: 'editor' };
    assert.equal(
      await violation(async (tx) => {
        await tx`insert into users ${tx({ ...user, email: 'same@example.com' })}`;
        await tx`insert into users ${tx({ ...user, email: 'SAME@example.com' })}`;
      }),
      'users_email_unique',
    );
  });
});
