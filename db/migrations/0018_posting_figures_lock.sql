-- Custom: roleboard_refresh_posting_figures (migration 0016) takes a transaction-scoped advisory
-- lock per role before it deletes and recomputes that role's rows, so that concurrent refreshes of
-- one role wait for each other instead of failing on the primary key (CI: a test's refresh beside
-- another's). Locks are taken in role order, so two refreshes never wait on each other in a circle.
CREATE OR REPLACE FUNCTION "roleboard_refresh_posting_figures"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  -- One refresh of a role at a time, until its transaction ends: two at once (an import and the
  -- closing job, say) would both delete and then both insert the same rows.
  SELECT count(pg_advisory_xact_lock(21, role_id)) FROM (SELECT DISTINCT unnest(changed) AS role_id ORDER BY 1) AS roles_to_refresh;
  DELETE FROM role_posting_figures WHERE role_id = ANY(changed);
  WITH source_ends AS (
    SELECT source, max(posted_on) AS latest FROM job_postings GROUP BY source
  ), placed AS (
    SELECT p.*, p.posted_on > e.latest - interval '12 months' AS recent,
      (p.closes_at > now() OR (p.closes_at IS NULL AND p.posted_on > current_date - 30)) AS open
    FROM job_postings p JOIN source_ends e USING (source)
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
    min(closes_at) FILTER (WHERE closes_at > now()),
    now()
  FROM by_area b LEFT JOIN sources s USING (role_id, area_fips)
  GROUP BY b.role_id, b.area_fips, s.sources
  HAVING count(*) FILTER (WHERE open OR recent) > 0;
$$;
