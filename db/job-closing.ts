// The closing job's database work (lib/server/closing-job.ts runs it every minute): postings that
// closed since their role's figures were computed leave the open counts, and the cache tags of
// everything that showed them are returned to be invalidated. Takes its connection as an argument:
// it runs in the server process beside Next.js, not inside a request.
import { sql } from 'drizzle-orm';
import type { Database } from './connection';
import { cacheTags } from '@/lib/cache-tags';

export type ClosingRun = { roleIds: number[]; closedPostingIds: number[]; tags: string[] };

/**
 * Finds open postings that closed since their role's figures were computed (open_until passed:
 * roleboard_posting_open_until's rule, migration 0019), recomputes those roles' figures, and
 * returns the tags to invalidate: `jobs`, the roles' and the postings'. Only roles with open
 * postings are looked at, and only postings closing after the oldest of their computations, so a
 * run reads one range of job_posting_search's open_until index, not the table.
 */
export async function closePastPostings(db: Database): Promise<ClosingRun> {
  const closed = await db.execute<{ id: number; role_id: number; slug: string }>(sql`
    with watched as (
      select role_id, computed_at from role_posting_figures where area_fips = '00' and open_count > 0
    ), since as (
      select coalesce(min(computed_at), now()) as at from watched
    ), candidates as (
      select s.posting_id as id, s.role_id, s.open_until as closed_at
      from job_posting_search s, since
      where s.open_until > since.at and s.open_until <= now() and s.role_id is not null
    )
    select c.id::int as id, c.role_id, r.slug
    from candidates c
    join watched w on w.role_id = c.role_id and c.closed_at > w.computed_at
    join roles r on r.id = c.role_id
  `);
  const rows = [...closed];
  const roleIds = [...new Set(rows.map((row) => row.role_id))];
  if (roleIds.length === 0) return { roleIds, closedPostingIds: [], tags: [] };
  await db.execute(sql`select roleboard_refresh_posting_figures(${sql.raw(`array[${roleIds.map(Number).join(',')}]`)}::int[])`);
  const slugs = [...new Set(rows.map((row) => row.slug))];
  const closedPostingIds = rows.map((row) => row.id);
  return { roleIds, closedPostingIds, tags: [cacheTags.jobs, ...slugs.map(cacheTags.role), ...closedPostingIds.map(cacheTags.job)] };
}
