-- Hand-written: the one rule of "open", as a moment. A posting is open until its closing moment
-- or, without one, until midnight UTC of the 30th day after it was posted; open means
-- open_until > now(). The search (job_posting_search.open_until), a posting's page, the figures
-- (roleboard_refresh_posting_figures) and the closing job (db/job-closing.ts) all use it. Before,
-- "open" was `closes_at > now() or (closes_at is null and posted_on > current_date - 30)`, the same
-- moment in a UTC session, but no index could hold it because it depended on the day. Immutable
-- (the time zone is spelt out), so it can be stored and indexed.
CREATE FUNCTION "roleboard_posting_open_until"(closes_at timestamptz, posted_on date) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(closes_at, (posted_on + 30)::timestamp AT TIME ZONE 'UTC') $$;
--> statement-breakpoint
CREATE TABLE "job_posting_search" (
	"posting_id" bigint PRIMARY KEY NOT NULL,
	"open_until" timestamp with time zone NOT NULL,
	"posted_day" integer NOT NULL,
	"pay_key" integer NOT NULL,
	"annual_pay_max" integer,
	"role_id" integer,
	"education_asked" "education_asked" NOT NULL,
	"remote" boolean NOT NULL,
	"state_codes" text[] NOT NULL,
	"cities" text[] NOT NULL,
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
-- Hand-written: job_posting_search holds one row per posting, written from job_postings after
-- every statement that inserts or updates postings (statement-level, so an import of 100,000
-- postings refreshes them in one pass rather than a row at a time). This function is the one place
-- that says how a posting becomes its search row; an upsert, so inserts and updates share it.
CREATE FUNCTION "roleboard_refresh_job_posting_search"(changed bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO job_posting_search (posting_id, open_until, posted_day, pay_key, annual_pay_max, role_id, education_asked, remote, state_codes, cities, search_vector)
    SELECT p.id, roleboard_posting_open_until(p.closes_at, p.posted_on), p.posted_on - date '1970-01-01', coalesce(p.annual_pay_mid, -1),
      p.annual_pay_max, p.role_id, p.education_asked, p.remote, p.state_codes,
      -- The city filter compares lower-cased cities; locations without a city have none to match.
      ARRAY(SELECT lower(location->>'city') FROM jsonb_array_elements(p.locations) AS location WHERE location->>'city' IS NOT NULL),
      p.search_vector
    FROM job_postings p
    WHERE p.id = ANY(changed)
  ON CONFLICT (posting_id) DO UPDATE SET
    open_until = excluded.open_until, posted_day = excluded.posted_day, pay_key = excluded.pay_key, annual_pay_max = excluded.annual_pay_max,
    role_id = excluded.role_id, education_asked = excluded.education_asked, remote = excluded.remote, state_codes = excluded.state_codes,
    cities = excluded.cities, search_vector = excluded.search_vector;
$$;
--> statement-breakpoint
-- Hand-written: the trigger function for inserts and updates of job_postings (the import's upsert
-- fires both), refreshing the search rows of the postings the statement wrote.
CREATE FUNCTION "roleboard_job_posting_search_after_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roleboard_refresh_job_posting_search(ARRAY(SELECT id FROM written_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Hand-written: a deleted posting leaves the search with it. A trigger rather than a foreign key,
-- whose per-row check would cost every imported posting an extra lookup.
CREATE FUNCTION "roleboard_job_posting_search_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM job_posting_search WHERE posting_id IN (SELECT id FROM deleted_rows);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "job_postings_search_insert" AFTER INSERT ON "job_postings" REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_job_posting_search_after_write();
--> statement-breakpoint
CREATE TRIGGER "job_postings_search_update" AFTER UPDATE ON "job_postings" REFERENCING NEW TABLE AS written_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_job_posting_search_after_write();
--> statement-breakpoint
CREATE TRIGGER "job_postings_search_delete" AFTER DELETE ON "job_postings" REFERENCING OLD TABLE AS deleted_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_job_posting_search_after_delete();
--> statement-breakpoint
-- The postings already there, before the indexes (building them once is faster than growing them).
SELECT roleboard_refresh_job_posting_search(ARRAY(SELECT id FROM job_postings));
--> statement-breakpoint
CREATE INDEX "job_posting_search_newest_idx" ON "job_posting_search" USING btree ("posted_day" desc,"posting_id" desc);--> statement-breakpoint
CREATE INDEX "job_posting_search_pay_idx" ON "job_posting_search" USING btree ("pay_key" desc,"posting_id" desc);--> statement-breakpoint
CREATE INDEX "job_posting_search_role_idx" ON "job_posting_search" USING btree ("role_id","posted_day" desc,"posting_id" desc);--> statement-breakpoint
CREATE INDEX "job_posting_search_closing_idx" ON "job_posting_search" USING btree ("open_until") WHERE "job_posting_search"."role_id" is not null;--> statement-breakpoint
CREATE INDEX "job_posting_search_words_places_idx" ON "job_posting_search" USING gin ("search_vector","state_codes",(array["remote"])) WITH (gin_pending_list_limit=256);--> statement-breakpoint
-- The search's indexes on job_postings: the search reads job_posting_search now, and each of these
-- cost every imported posting an index update (the words' GIN index most).
DROP INDEX "job_postings_posted_idx";--> statement-breakpoint
DROP INDEX "job_postings_pay_idx";--> statement-breakpoint
DROP INDEX "job_postings_closes_idx";--> statement-breakpoint
DROP INDEX "job_postings_states_idx";--> statement-breakpoint
DROP INDEX "job_postings_vector_idx";--> statement-breakpoint
-- Hand-written: roleboard_refresh_posting_figures (migrations 0016, 0018) as before, but "open" is
-- roleboard_posting_open_until's rule, and the next close is the next moment an open posting stops
-- being open by it (a posting without a closing date closes too, 30 days after it was posted).
CREATE OR REPLACE FUNCTION "roleboard_refresh_posting_figures"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  -- One refresh of a role at a time, until its transaction ends: two at once (an import and the
  -- closing job, say) would both delete and then both insert the same rows.
  SELECT count(pg_advisory_xact_lock(21, role_id)) FROM (SELECT DISTINCT unnest(changed) AS role_id ORDER BY 1) AS roles_to_refresh;
  DELETE FROM role_posting_figures WHERE role_id = ANY(changed);
  WITH source_ends AS (
    SELECT source, max(posted_on) AS latest FROM job_postings GROUP BY source
  ), placed AS (
    SELECT p.*, p.posted_on > e.latest - interval '12 months' AS recent, until.open_until, until.open_until > now() AS open
    FROM job_postings p JOIN source_ends e USING (source)
    CROSS JOIN LATERAL (SELECT roleboard_posting_open_until(p.closes_at, p.posted_on) AS open_until) AS until
    WHERE p.role_id = ANY(changed)
  ), by_area AS (
    SELECT placed.*, '00'::char(2) AS area_fips FROM placed
    UNION ALL
    SELECT placed.*, a.fips FROM placed CROSS JOIN LATERAL unnest(placed.state_codes) AS code JOIN areas a ON a.postal_code = code
  ), per_source AS (
    SELECT role_id, area_fips, source, min(posted_on) FILTER (WHERE recent) AS first_posted, max(posted_on) FILTER (WHERE recent) AS last_posted,
      count(*) FILTER (WHERE recent) AS recent_count, count(*) FILTER (WHERE open) AS open_count
    FROM by_area GROUP BY role_id, area_fips, source
  ), sources AS (
    SELECT role_id, area_fips, jsonb_agg(jsonb_build_object('source', source, 'from', first_posted, 'to', last_posted, 'recentCount', recent_count, 'openCount', open_count) ORDER BY source) AS sources
    FROM per_source WHERE recent_count > 0 OR open_count > 0 GROUP BY role_id, area_fips
  )
  INSERT INTO role_posting_figures (role_id, area_fips, open_count, recent_count, pay_count, pay_p25, pay_median, pay_p75, education_stated_count, degree_asked_count, sources, next_close_at, computed_at)
  SELECT b.role_id, b.area_fips,
    count(*) FILTER (WHERE open),
    count(*) FILTER (WHERE recent),
    count(annual_pay_mid) FILTER (WHERE recent),
    round(percentile_cont(0.25) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)),
    round(percentile_cont(0.5) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)),
    round(percentile_cont(0.75) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)),
    count(*) FILTER (WHERE recent AND education_asked <> 'not-stated'),
    count(*) FILTER (WHERE recent AND education_asked IN ('bachelor', 'master', 'doctoral')),
    coalesce(s.sources, '[]'::jsonb),
    min(open_until) FILTER (WHERE open),
    now()
  FROM by_area b LEFT JOIN sources s USING (role_id, area_fips)
  GROUP BY b.role_id, b.area_fips, s.sources
  HAVING count(*) FILTER (WHERE open OR recent) > 0;
$$;
--> statement-breakpoint
ANALYZE job_posting_search;
