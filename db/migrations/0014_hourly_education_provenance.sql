ALTER TABLE "role_search" ADD COLUMN "education_rank" smallint;--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_mean" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_p10" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_p25" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_median" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_p75" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_p90" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "hourly_top_coded" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "edited_figures" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_mean" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_p10" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_p25" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_median" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_p75" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_p90" numeric(7, 2);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "hourly_top_coded" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "edited_figures" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "role_search_education_salary_idx" ON "role_search" USING btree ("education_rank",coalesce("average_salary", -1),"role_id");--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_hourly_percentiles" CHECK (num_nonnulls("role_stats"."hourly_p10", "role_stats"."hourly_p25", "role_stats"."hourly_median", "role_stats"."hourly_p75", "role_stats"."hourly_p90") = 0
       or (num_nonnulls("role_stats"."hourly_p10", "role_stats"."hourly_p25", "role_stats"."hourly_median", "role_stats"."hourly_p75", "role_stats"."hourly_p90") = 5
           and "role_stats"."hourly_p10" >= 0 and "role_stats"."hourly_p10" <= "role_stats"."hourly_p25" and "role_stats"."hourly_p25" <= "role_stats"."hourly_median"
           and "role_stats"."hourly_median" <= "role_stats"."hourly_p75" and "role_stats"."hourly_p75" <= "role_stats"."hourly_p90"));--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_hourly_mean" CHECK ("role_stats"."hourly_mean" >= 0);--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_hourly_top_coded" CHECK ("role_stats"."hourly_top_coded" <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality("role_stats"."hourly_top_coded") = 0 or "role_stats"."hourly_p10" is not null));--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_edited_figures" CHECK (jsonb_typeof("role_stats"."edited_figures") = 'object');--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_hourly_percentiles" CHECK (num_nonnulls("role_stats_history"."hourly_p10", "role_stats_history"."hourly_p25", "role_stats_history"."hourly_median", "role_stats_history"."hourly_p75", "role_stats_history"."hourly_p90") = 0
       or (num_nonnulls("role_stats_history"."hourly_p10", "role_stats_history"."hourly_p25", "role_stats_history"."hourly_median", "role_stats_history"."hourly_p75", "role_stats_history"."hourly_p90") = 5
           and "role_stats_history"."hourly_p10" >= 0 and "role_stats_history"."hourly_p10" <= "role_stats_history"."hourly_p25" and "role_stats_history"."hourly_p25" <= "role_stats_history"."hourly_median"
           and "role_stats_history"."hourly_median" <= "role_stats_history"."hourly_p75" and "role_stats_history"."hourly_p75" <= "role_stats_history"."hourly_p90"));--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_hourly_mean" CHECK ("role_stats_history"."hourly_mean" >= 0);--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_hourly_top_coded" CHECK ("role_stats_history"."hourly_top_coded" <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality("role_stats_history"."hourly_top_coded") = 0 or "role_stats_history"."hourly_p10" is not null));--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_edited_figures" CHECK (jsonb_typeof("role_stats_history"."edited_figures") = 'object');--> statement-breakpoint
-- Hand-written: BLS's education categories in BLS's order, as lib/education.ts ranks them; any
-- other text (or none) is unknown, never "no degree".
CREATE FUNCTION "roleboard_education_rank"(education text) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE education
    WHEN 'No formal educational credential' THEN 0
    WHEN 'High school diploma or equivalent' THEN 1
    WHEN 'Some college, no degree' THEN 2
    WHEN 'Postsecondary nondegree award' THEN 3
    WHEN 'Associate''s degree' THEN 4
    WHEN 'Bachelor''s degree' THEN 5
    WHEN 'Master''s degree' THEN 6
    WHEN 'Doctoral or professional degree' THEN 7
  END::smallint
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "roleboard_refresh_role_search"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM role_search WHERE role_id = ANY(changed);
  INSERT INTO role_search (role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent, education_rank)
    SELECT r.id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent, roleboard_education_rank(s.entry_education)
    FROM roles r JOIN role_stats s ON s.role_id = r.id
    WHERE r.id = ANY(changed) AND r.status = 'published';
$$;
--> statement-breakpoint
UPDATE role_search rs SET education_rank = roleboard_education_rank(s.entry_education) FROM role_stats s WHERE s.role_id = rs.role_id;
--> statement-breakpoint
ANALYZE role_search;
