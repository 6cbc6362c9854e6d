// The posting figures' rules (migration 0016's roleboard_refresh_posting_figures), on a role of
// this test's own so that no other posting counts: open now (by closing date, or 30 days after
// posting without one), the last 12 months of each source's own data, pay as the quartiles of the
// annualised midpoints of postings that publish pay, the share asking for a bachelor's degree or
// more of those that say ("not stated" never counts as "no degree"), per state and in the U.S.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql as drizzleSql } from 'drizzle-orm';
import { rolePostingFigures } from '@/db/schema';
import { connectToTestDatabase, insertArchivedRole } from '../support/database';

const { db, sql } = connectToTestDatabase();
after(() => sql.end());

const runId = `${process.pid}-${Date.now().toString(36)}`;
const source = `figures-test-${Date.now().toString(36)}`;
let roleId: number;

type Posting = { id: string; postedDaysAgo: number; closesInDays: number | null; annualMid?: number; education?: string; states?: string[] };

async function insertPostings(postings: Posting[]) {
  for (const posting of postings) {
    const pay = posting.annualMid === undefined ? null : posting.annualMid;
    await sql`
      insert into job_postings (source, source_id, title, employer, state_codes, locations, posted_on, closes_at, role_id, placement, content_hash,
                                pay_min, pay_max, pay_period, annual_pay_min, annual_pay_max, annual_pay_mid, education_asked)
      values (${source}, ${posting.id}, 'Figures test posting', 'Figures test agency', ${posting.states ?? []}::text[], '[]'::jsonb,
              current_date - ${posting.postedDaysAgo}::int,
              ${posting.closesInDays === null ? null : new Date(Date.now() + posting.closesInDays * 86_400_000).toISOString()}::timestamptz,
              ${roleId}, 'classifier', ${posting.id},
              ${pay}, ${pay}, ${pay === null ? null : 'year'}::pay_period, ${pay}, ${pay}, ${pay}, ${posting.education ?? 'not-stated'}::education_asked)`;
  }
  await db.execute(drizzleSql`select roleboard_refresh_posting_figures(array[${roleId}]::int[])`);
}

async function figuresIn(areaFips: string) {
  const [row] = await db.select().from(rolePostingFigures).where(and(eq(rolePostingFigures.roleId, roleId), eq(rolePostingFigures.areaFips, areaFips)));
  return row;
}

describe('posting figures', () => {
  before(async () => {
    const role = await insertArchivedRole(db, { slug: `figures-test-${runId}`, title: `Figures Test ${runId}`, madeBy: 'the posting figures tests' });
    roleId = role!.id;
    await insertPostings([
      // The source's latest posting is today: its 12 months reach back to a year ago.
      { id: 'open-ca', postedDaysAgo: 0, closesInDays: 10, annualMid: 100_000, education: 'bachelor', states: ['CA'] },
      { id: 'open-undated', postedDaysAgo: 5, closesInDays: null, annualMid: 60_000, education: 'high-school', states: ['TX'] },
      { id: 'closed-master', postedDaysAgo: 40, closesInDays: -5, annualMid: 80_000, education: 'master', states: ['CA'] },
      { id: 'closed-undated', postedDaysAgo: 45, closesInDays: null, education: 'not-stated', states: ['TX'] },
      { id: 'closed-no-pay', postedDaysAgo: 100, closesInDays: -60, education: 'not-stated' },
      { id: 'too-old', postedDaysAgo: 400, closesInDays: -380, annualMid: 500_000, education: 'none', states: ['CA'] },
    ]);
  });

  test('in the U.S.: open now, the last 12 months, pay quartiles of those with pay, the degree share of those that say', async () => {
    const figures = await figuresIn('00');
    assert.ok(figures);
    // Open: a closing date to come, or posted in the last 30 days without one.
    assert.equal(figures.openCount, 2);
    // The posting of 400 days ago is outside its source's last 12 months, with its pay and education.
    assert.equal(figures.recentCount, 5);
    assert.equal(figures.payCount, 3);
    assert.deepEqual([figures.payP25, figures.payMedian, figures.payP75], [70_000, 80_000, 90_000]);
    // Of the three that say (bachelor, high school, master), two ask for a bachelor's or more; the two "not stated" are left out.
    assert.equal(figures.educationStatedCount, 3);
    assert.equal(figures.degreeAskedCount, 2);
    assert.deepEqual(
      figures.sources.map(({ source: name, recentCount, openCount }) => ({ name, recentCount, openCount })),
      [{ name: source, recentCount: 5, openCount: 2 }],
    );
    assert.ok(figures.nextCloseAt && figures.nextCloseAt.getTime() > Date.now());
  });

  test('in each state, its own postings only', async () => {
    const california = await figuresIn('06');
    assert.ok(california);
    assert.equal(california.openCount, 1);
    assert.equal(california.recentCount, 2);
    assert.deepEqual([california.educationStatedCount, california.degreeAskedCount], [2, 2]);
    const texas = await figuresIn('48');
    assert.ok(texas);
    assert.equal(texas.openCount, 1);
    assert.equal(texas.payCount, 1);
    assert.equal(await figuresIn('36'), undefined);
  });
});
