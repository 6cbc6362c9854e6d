CREATE TYPE "public"."education_asked" AS ENUM('none', 'high-school', 'associate', 'bachelor', 'master', 'doctoral', 'not-stated');--> statement-breakpoint
CREATE TYPE "public"."employment_type" AS ENUM('full-time', 'part-time', 'contract', 'temporary', 'internship', 'other', 'not-stated');--> statement-breakpoint
CREATE TYPE "public"."pay_period" AS ENUM('year', 'month', 'week', 'day', 'hour');--> statement-breakpoint
CREATE TYPE "public"."posting_placement" AS ENUM('classifier', 'editor', 'unplaced');--> statement-breakpoint
CREATE TABLE "job_postings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"title" text NOT NULL,
	"employer" text NOT NULL,
	"locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"posted_on" date NOT NULL,
	"closes_at" timestamp with time zone,
	"pay_min" numeric(12, 2),
	"pay_max" numeric(12, 2),
	"pay_period" "pay_period",
	"annual_pay_min" integer,
	"annual_pay_max" integer,
	"annual_pay_mid" integer,
	"employment_type" "employment_type" DEFAULT 'not-stated' NOT NULL,
	"education_asked" "education_asked" DEFAULT 'not-stated' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"qualifications" text,
	"apply_url" text,
	"role_id" integer,
	"placement" "posting_placement" DEFAULT 'unplaced' NOT NULL,
	"placement_score" real,
	"placement_evidence" text,
	"placed_by" integer,
	"placed_at" timestamp with time zone,
	"content_hash" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(employer, '')), 'B') || setweight(to_tsvector('english', left(coalesce(description, ''), 20000)), 'D')) STORED,
	CONSTRAINT "job_postings_source_format" CHECK ("job_postings"."source" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("job_postings"."source") <= 40),
	CONSTRAINT "job_postings_source_id_length" CHECK (length("job_postings"."source_id") between 1 and 200),
	CONSTRAINT "job_postings_title_length" CHECK (length(btrim("job_postings"."title")) between 1 and 200),
	CONSTRAINT "job_postings_employer_length" CHECK (length(btrim("job_postings"."employer")) between 1 and 200),
	CONSTRAINT "job_postings_description_length" CHECK (length("job_postings"."description") <= 50000 and length("job_postings"."qualifications") <= 20000),
	CONSTRAINT "job_postings_locations_array" CHECK (jsonb_typeof("job_postings"."locations") = 'array' and cardinality("job_postings"."state_codes") <= 60),
	CONSTRAINT "job_postings_pay" CHECK (("job_postings"."pay_min" is null or "job_postings"."pay_min" > 0) and ("job_postings"."pay_max" is null or "job_postings"."pay_max" > 0) and "job_postings"."pay_min" <= "job_postings"."pay_max"
       and (num_nonnulls("job_postings"."pay_min", "job_postings"."pay_max") = 0) = ("job_postings"."pay_period" is null)
       and (num_nonnulls("job_postings"."pay_min", "job_postings"."pay_max") = 0) = ("job_postings"."annual_pay_mid" is null)),
	CONSTRAINT "job_postings_apply_url" CHECK ("job_postings"."apply_url" ~ '^https?://' and length("job_postings"."apply_url") <= 2000),
	CONSTRAINT "job_postings_placement" CHECK (("job_postings"."placement" = 'unplaced') = ("job_postings"."role_id" is null) and ("job_postings"."placement" <> 'editor' or "job_postings"."placed_at" is not null)),
	CONSTRAINT "job_postings_score" CHECK ("job_postings"."placement_score" between 0 and 1)
);
--> statement-breakpoint
CREATE TABLE "role_posting_figures" (
	"role_id" integer NOT NULL,
	"area_fips" char(2) NOT NULL,
	"open_count" integer NOT NULL,
	"recent_count" integer NOT NULL,
	"pay_count" integer NOT NULL,
	"pay_p25" integer,
	"pay_median" integer,
	"pay_p75" integer,
	"education_stated_count" integer NOT NULL,
	"degree_asked_count" integer NOT NULL,
	"sources" jsonb NOT NULL,
	"next_close_at" timestamp with time zone,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_posting_figures_role_id_area_fips_pk" PRIMARY KEY("role_id","area_fips")
);
--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_postings" ADD CONSTRAINT "job_postings_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_posting_figures" ADD CONSTRAINT "role_posting_figures_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_postings_source_unique" ON "job_postings" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "job_postings_posted_idx" ON "job_postings" USING btree (("posted_on" - date '1970-01-01') desc,"id" desc);--> statement-breakpoint
CREATE INDEX "job_postings_pay_idx" ON "job_postings" USING btree (coalesce("annual_pay_mid", -1) desc,"id" desc);--> statement-breakpoint
CREATE INDEX "job_postings_role_posted_idx" ON "job_postings" USING btree ("role_id",("posted_on" - date '1970-01-01') desc,"id" desc);--> statement-breakpoint
CREATE INDEX "job_postings_closes_idx" ON "job_postings" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "job_postings_states_idx" ON "job_postings" USING gin ("state_codes");--> statement-breakpoint
CREATE INDEX "job_postings_vector_idx" ON "job_postings" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "job_postings_unplaced_idx" ON "job_postings" USING btree ("id") WHERE "job_postings"."placement" = 'unplaced';--> statement-breakpoint
CREATE INDEX "role_posting_figures_area_open_idx" ON "role_posting_figures" USING btree ("area_fips","open_count");--> statement-breakpoint
-- Hand-written: a role's posting figures, in the U.S. ('00') and in each state of its postings,
-- computed from job_postings for the roles named (db/job-figures.ts calls it after every import,
-- placement and closing). Its rules, said on the pages too:
--   open: valid through a moment still to come; a posting without a closing date counts as open
--         for 30 days after it was posted.
--   recent: posted in the last 12 months of its source's own data (up to that source's latest
--         posting date), so an old snapshot still says what it says, with its dates.
--   pay: the 25th, 50th and 75th percentiles of the recent postings' annualised range midpoints.
--   degree: of the recent postings that say what education they ask, those asking for a
--         bachelor's degree or more; "not stated" is never counted as "no degree".
CREATE FUNCTION "roleboard_refresh_posting_figures"(changed integer[]) RETURNS void LANGUAGE sql AS $$
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
