// Generated job postings for scale tests (`npm run db:seed -- --synthetic-postings 1000000`), made
// by PostgreSQL itself from generate_series so that a million rows take minutes, not hours. Each is
// placed on a real U.S. occupation, titled from that occupation's title, in one or two real states,
// with pay, dates (about a third still open) and education asked spread as in the real sets.
// Source `synthetic`, employers marked "(synthetic)": nobody can mistake them for real postings.
// Numbered (source_id = n), so running again with the same count adds nothing.
import { sql } from 'drizzle-orm';
import type { Database } from '../connection';

export const SYNTHETIC_POSTING_SOURCE = 'synthetic';

/** Rows per insert: large enough to be fast, small enough that one batch's GIN updates stay in memory. */
const BATCH_SIZE = 100_000;

/**
 * Inserts postings 1..count (those missing) and refreshes the posting figures of every role they
 * were placed on. `seed` shifts every pseudo-random choice, so tests can get another spread.
 */
export async function seedSyntheticPostings(db: Database, { count, seed = 0, onBatch }: { count: number; seed?: number; onBatch?: (inserted: number) => void }) {
  for (let first = 1; first <= count; first += BATCH_SIZE) {
    const last = Math.min(count, first + BATCH_SIZE - 1);
    await db.execute(sql`
      with occupations as (
        select id, title, row_number() over (order by id) - 1 as number, count(*) over () as total
        from roles where status = 'published' and soc_code is not null
      ), states as (
        select postal_code, name, row_number() over (order by fips) - 1 as number, count(*) over () as total from areas
      ), numbers as (
        -- A multiplicative hash of n (and the seed) per choice, so neighbouring postings differ.
        select n, ((n + ${seed}::bigint) * 2654435761) % 4294967296 as h from generate_series(${first}::int, ${last}::int) as n
      ), drawn as (
        select n, h,
          o.id as role_id, o.title as role_title,
          s.postal_code as state_code,
          (array['Albany','Austin','Boise','Denver','Dover','Helena','Jackson','Lincoln','Madison','Phoenix','Salem','Trenton'])[1 + (h / 7) % 12] as city,
          (h / 11) % 20 = 0 as remote,
          -- Half posted in the last 45 days, half over the 14 months before: about a third are still open.
          current_date - (case when (h / 47) % 2 = 0 then (h / 13) % 45 else 45 + (h / 13) % 420 end)::int as posted_on,
          (h / 17) % 10 as closing_kind,
          (array['year','year','year','year','hour','hour','month'])[1 + (h / 19) % 7]::pay_period as pay_period,
          28000 + ((h / 23) % 140) * 1000 as annual_low,
          (array['none','high-school','high-school','associate','bachelor','bachelor','bachelor','master','doctoral','not-stated','not-stated'])[1 + (h / 29) % 11]::education_asked as education_asked,
          (array['','Senior ','Lead ','Assistant ','Supervisory ','Trainee '])[1 + (h / 31) % 6] as level,
          (array['Department of Transportation','Department of Health','Parks Agency','Housing Authority','Department of Finance','Public Library','School District','Water Board'])[1 + (h / 37) % 8] as agency
        from numbers
        join occupations o on o.number = (numbers.h / 3) % o.total
        join states s on s.number = (numbers.h / 5) % s.total
      ), priced as (
        select drawn.*,
          annual_low + 5000 + ((h / 41) % 30) * 1000 as annual_high,
          case pay_period when 'hour' then 2080 when 'month' then 12 else 1 end as periods_a_year
        from drawn
      )
      insert into job_postings (source, source_id, title, employer, locations, state_codes, remote, posted_on, closes_at,
                                pay_min, pay_max, pay_period, annual_pay_min, annual_pay_max, annual_pay_mid,
                                employment_type, education_asked, description, role_id, placement, placement_score, placement_evidence, content_hash)
      select ${SYNTHETIC_POSTING_SOURCE}, n::text, left(level || role_title, 200), agency || ' (synthetic)',
        case when remote then '[]'::jsonb else jsonb_build_array(jsonb_build_object('city', city, 'stateCode', state_code)) end,
        case when remote then '{}'::text[] else array[state_code] end,
        remote, posted_on,
        -- A fifth give no closing date (open 30 days by the rule); the rest close 2 to 60 days after posting, at 23:59 Eastern.
        case when closing_kind < 2 then null else (posted_on + (2 + (h / 43) % 59)::int + time '23:59') at time zone 'America/New_York' end,
        round(annual_low::numeric / periods_a_year, 2), round(annual_high::numeric / periods_a_year, 2), pay_period,
        annual_low, annual_high, (annual_low + annual_high) / 2,
        'full-time', education_asked,
        'Synthetic posting generated for scale testing: ' || lower(role_title) || ' work for the ' || lower(agency) || '. Not a real job.',
        role_id, 'classifier', 0.9, 'synthetic: placed by the generator', md5(n::text)
      from priced
      on conflict (source, source_id) do nothing
    `);
    onBatch?.(last);
  }
  // The search's table too: its rows came from the inserts' triggers, and the search plans by its statistics.
  await db.execute(sql`vacuum analyze job_postings`);
  await db.execute(sql`vacuum analyze job_posting_search`);
  await db.execute(sql`select roleboard_refresh_posting_figures(array(select distinct role_id from job_postings where source = ${SYNTHETIC_POSTING_SOURCE} and role_id is not null))`);
}
