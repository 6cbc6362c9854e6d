CREATE INDEX "job_postings_source_posted_idx" ON "job_postings" USING btree ("source","posted_on");--> statement-breakpoint
-- Hand-written: each source's latest posting date, one index probe per source (a loose scan of
-- job_postings_source_posted_idx: the next source after the last, then its latest date). The
-- import and roleboard_refresh_posting_figures used to scan every posting for it.
CREATE FUNCTION "roleboard_posting_source_ends"() RETURNS TABLE (source text, latest date) LANGUAGE sql STABLE AS $$
  WITH RECURSIVE sources AS (
    (SELECT p.source FROM job_postings p ORDER BY p.source LIMIT 1)
    UNION ALL
    SELECT (SELECT p.source FROM job_postings p WHERE p.source > sources.source ORDER BY p.source LIMIT 1) FROM sources WHERE sources.source IS NOT NULL
  )
  SELECT sources.source, (SELECT max(p.posted_on) FROM job_postings p WHERE p.source = sources.source) FROM sources WHERE sources.source IS NOT NULL;
$$;
--> statement-breakpoint
-- Hand-written: roleboard_refresh_posting_figures (migrations 0016, 0018, 0019) with the same rules
-- and results, made for a refresh of every role (an import of 100,000 postings touches them all):
-- before, the postings' whole rows (descriptions too) were copied twice into temporary files and
-- then sorted by role, area and a jsonb column; it took 34 s at 1,000,000 postings. Now only the
-- columns the figures need are read, a posting neither open nor recent is dropped at once (it
-- counts for nothing), areas are grouped as numbers, and the sort stays in memory.
CREATE OR REPLACE FUNCTION "roleboard_refresh_posting_figures"(changed integer[]) RETURNS void LANGUAGE sql
  -- A refresh of every role sorts about two rows per posting (the U.S. and its state); at
  -- 1,000,000 postings that is about 160 MB, which spills to disk at the default work_mem. A cap, not
  -- an allocation: refreshing one role uses a few kB. JIT compiling costs more than it saves here.
  SET work_mem = '256MB' SET jit = off
AS $$
  -- One refresh of a role at a time, until its transaction ends: two at once (an import and the
  -- closing job, say) would both delete and then both insert the same rows.
  SELECT count(pg_advisory_xact_lock(21, role_id)) FROM (SELECT DISTINCT unnest(changed) AS role_id ORDER BY 1) AS roles_to_refresh;
  DELETE FROM role_posting_figures WHERE role_id = ANY(changed);
  WITH source_ends AS MATERIALIZED (
    SELECT source, latest FROM roleboard_posting_source_ends()
  ), placed AS (
    SELECT p.role_id, p.source, p.posted_on, p.annual_pay_mid, p.education_asked, p.state_codes, until.open_until,
      p.posted_on > e.latest - interval '12 months' AS recent, until.open_until > now() AS open
    FROM job_postings p JOIN source_ends e USING (source)
    CROSS JOIN LATERAL (SELECT roleboard_posting_open_until(p.closes_at, p.posted_on) AS open_until) AS until
    WHERE p.role_id = ANY(changed)
  ), counted AS (
    SELECT * FROM placed WHERE recent OR open
  ), by_area AS (
    -- Area 0 is the whole U.S. ('00'); the others are the states' FIPS codes as numbers.
    SELECT role_id, source, posted_on, annual_pay_mid, education_asked, open_until, recent, open, 0::smallint AS area FROM counted
    UNION ALL
    SELECT role_id, source, posted_on, annual_pay_mid, education_asked, open_until, recent, open, a.fips::smallint
    FROM counted CROSS JOIN LATERAL unnest(counted.state_codes) AS code JOIN areas a ON a.postal_code = code
  ), per_source AS (
    SELECT role_id, area, source, min(posted_on) FILTER (WHERE recent) AS first_posted, max(posted_on) FILTER (WHERE recent) AS last_posted,
      count(*) FILTER (WHERE recent) AS recent_count, count(*) FILTER (WHERE open) AS open_count
    FROM by_area GROUP BY role_id, area, source
  ), sources AS (
    SELECT role_id, area, jsonb_agg(jsonb_build_object('source', source, 'from', first_posted, 'to', last_posted, 'recentCount', recent_count, 'openCount', open_count) ORDER BY source) AS sources
    FROM per_source GROUP BY role_id, area
  ), figures AS (
    SELECT role_id, area,
      count(*) FILTER (WHERE open) AS open_count,
      count(*) FILTER (WHERE recent) AS recent_count,
      count(annual_pay_mid) FILTER (WHERE recent) AS pay_count,
      round(percentile_cont(0.25) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)) AS pay_p25,
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)) AS pay_median,
      round(percentile_cont(0.75) WITHIN GROUP (ORDER BY annual_pay_mid) FILTER (WHERE recent)) AS pay_p75,
      count(*) FILTER (WHERE recent AND education_asked <> 'not-stated') AS education_stated_count,
      count(*) FILTER (WHERE recent AND education_asked IN ('bachelor', 'master', 'doctoral')) AS degree_asked_count,
      min(open_until) FILTER (WHERE open) AS next_close_at
    FROM by_area GROUP BY role_id, area
  )
  INSERT INTO role_posting_figures (role_id, area_fips, open_count, recent_count, pay_count, pay_p25, pay_median, pay_p75, education_stated_count, degree_asked_count, sources, next_close_at, computed_at)
  SELECT f.role_id, lpad(f.area::text, 2, '0'), f.open_count, f.recent_count, f.pay_count, f.pay_p25, f.pay_median, f.pay_p75, f.education_stated_count, f.degree_asked_count,
    coalesce(s.sources, '[]'::jsonb), f.next_close_at, now()
  FROM figures f LEFT JOIN sources s USING (role_id, area);
$$;
