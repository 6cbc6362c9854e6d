// The job search's rules, as SQL conditions on job_posting_search: the one place that says which
// postings a search finds. The searches of /jobs, the API and the feeds (db/job-reads.ts) and the
// job alerts' digests (db/job-alerts.ts) build their queries from it. Not server-only: the alerts'
// mail worker runs beside Next.js, outside its bundle.
import { sql, type SQL } from 'drizzle-orm';
import { jobPostingSearch, roles } from './schema';
import { educationAskedUpTo, type JobSearch } from '@/lib/jobs/job-search';

/** The search's conditions, all on job_posting_search: the wide job_postings rows are read for the postings shown only. */
export function jobSearchConditions(search: JobSearch): SQL[] {
  const conditions: SQL[] = [];
  if (search.status !== 'all') conditions.push(sql`${jobPostingSearch.openUntil} > now()`);
  if (search.q) conditions.push(sql`${jobPostingSearch.searchVector} @@ websearch_to_tsquery('english', ${search.q})`);
  if (search.occupation) {
    conditions.push(sql`${jobPostingSearch.roleId} = (select ${roles.id} from ${roles} where ${roles.slug} = ${search.occupation} and ${roles.status} = 'published')`);
  }
  if (search.state) conditions.push(sql`${jobPostingSearch.stateCodes} @> array[${search.state.postalCode}]::text[]`);
  if (search.city) conditions.push(sql`${jobPostingSearch.cities} @> array[lower(${search.city})]::text[]`);
  // As written in job_posting_search_words_places_idx (migration 0019), so that the index serves it.
  if (search.remote !== undefined) conditions.push(sql`array[${jobPostingSearch.remote}] @> array[${search.remote}]::boolean[]`);
  // "Pays at least": the top of the advertised range reaches it.
  if (search.minPay !== undefined) conditions.push(sql`${jobPostingSearch.annualPayMax} >= ${search.minPay}`);
  if (search.maxEducation) {
    const levels = educationAskedUpTo(search.maxEducation);
    conditions.push(sql`${jobPostingSearch.educationAsked} in (${sql.join(levels.map((level) => sql`${level}`), sql`, `)})`);
  }
  if (search.postedWithin) {
    // With words, the words' index leads and the date is checked on its rows ("+ 0" keeps the
    // planner off the date index): ANDed with it, the date index read 344,000 entries for "posted in
    // the last 30 days" to narrow 24,000 word matches (130 ms at a million postings, 56 ms without).
    const postedDay = search.q ? sql`${jobPostingSearch.postedDay} + 0` : sql`${jobPostingSearch.postedDay}`;
    conditions.push(sql`${postedDay} >= current_date - ${search.postedWithin}::int - date '1970-01-01'`);
  }
  return conditions;
}
