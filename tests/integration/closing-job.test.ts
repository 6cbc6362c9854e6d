// The closing job's database work (issue 21.7): a posting whose closing moment passes leaves its
// role's open figures when the job runs once, and the run names exactly the tags to invalidate.
// Postings come from the synthetic generator (fixed seed, few rows), then two of our own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql as drizzleSql } from 'drizzle-orm';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PgBoss } from 'pg-boss';
import { closePastPostings } from '@/db/job-closing';
import { CLOSING_QUEUE, startClosingJob } from '@/lib/server/closing-job';
import { seedSyntheticPostings } from '@/db/seed/synthetic-postings';
import { connectToTestDatabase, testDatabaseUrl } from '../support/database';

const { db, sql } = connectToTestDatabase();
after(() => sql.end());

const roleSlug = 'software-developers';

async function openCount() {
  const [row] = await sql<{ open_count: number }[]>`select f.open_count from role_posting_figures f join roles r on r.id = f.role_id
    where r.slug = ${roleSlug} and f.area_fips = '00'`;
  return row?.open_count ?? 0;
}

/** A posting of the role, closing `closesIn` from now (negative: already past), with its figures computed before. */
async function insertPosting(sourceId: string, closesAt: string) {
  const [row] = await sql<{ id: number }[]>`
    insert into job_postings (source, source_id, title, employer, posted_on, closes_at, role_id, placement, content_hash)
    select 'closing-test', ${sourceId}, 'Software developer', 'Closing test agency', current_date - 3, ${closesAt}::timestamptz, id, 'classifier', ${sourceId}
    from roles where slug = ${roleSlug}
    returning id::int as id`;
  return row!.id;
}

describe('closing job', () => {
  let closingSoon: number;
  let stillOpen: number;

  before(async () => {
    await seedSyntheticPostings(db, { count: 500, seed: 21 });
    closingSoon = await insertPosting(`soon-${process.pid}`, new Date(Date.now() + 1500).toISOString());
    stillOpen = await insertPosting(`later-${process.pid}`, new Date(Date.now() + 86_400_000).toISOString());
    await db.execute(drizzleSql`select roleboard_refresh_posting_figures(array(select distinct role_id from job_postings where role_id is not null))`);
  });

  test('a run with nothing closed changes nothing and invalidates nothing', async () => {
    const before = await openCount();
    const run = await closePastPostings(db);
    assert.ok(!run.closedPostingIds.includes(closingSoon));
    assert.equal(await openCount(), before);
  });

  test('once its closing moment passes, one run takes the posting out of the open figures and names its tags', async () => {
    const before = await openCount();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const run = await closePastPostings(db);
    assert.ok(run.closedPostingIds.includes(closingSoon));
    assert.ok(!run.closedPostingIds.includes(stillOpen));
    assert.ok(run.tags.includes('jobs'));
    assert.ok(run.tags.includes(`role:${roleSlug}`));
    assert.ok(run.tags.includes(`job:${closingSoon}`));
    assert.ok(!run.tags.includes(`job:${stillOpen}`));
    assert.equal(await openCount(), before - 1);
    // Done once: the next run finds nothing more of it.
    assert.ok(!(await closePastPostings(db)).closedPostingIds.includes(closingSoon));
  });
});

describe('closing job on pg-boss', () => {
  test('a run sends the closed postings\' tags to the server, and sends them again until the server takes them', async () => {
    // The server's revalidation endpoint, refusing the first request as a server busy restarting would.
    const received: { status: number; tags: string[] }[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const status = received.length === 0 ? 503 : 200;
        received.push({ status, tags: (JSON.parse(body) as { tags: string[] }).tags });
        response.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const closing = await insertPosting(`boss-${process.pid}`, new Date(Date.now() + 500).toISOString());
    await db.execute(drizzleSql`select roleboard_refresh_posting_figures(array(select id from roles where slug = ${roleSlug}))`);

    const stop = await startClosingJob({ databaseUrl: testDatabaseUrl(), origin, secret: 'closing-job-test-secret-of-32-characters' });
    // Not waiting for the next whole minute's run: one asked for now.
    const boss = new PgBoss({ connectionString: testDatabaseUrl(), max: 1 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await boss.start();
      await boss.send(CLOSING_QUEUE, {});
      const deadline = Date.now() + 45_000;
      while (!received.some((request) => request.status === 200 && request.tags.includes(`job:${closing}`)) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const withPosting = received.filter((request) => request.tags.includes(`job:${closing}`));
      assert.deepEqual(
        withPosting.map((request) => request.status),
        [503, 200],
        'refused once, then sent again and taken',
      );
      assert.ok(withPosting[1]!.tags.includes(`role:${roleSlug}`));
    } finally {
      await boss.stop({ graceful: false });
      await stop();
      server.close();
    }
  });
});
