CREATE TYPE "public"."job_openings_basis" AS ENUM('current', 'projected-per-year');
--> statement-breakpoint
-- Hand-written: a generated column may only call IMMUTABLE functions, and array_to_string is only
-- STABLE (for arrays of any type). For text[] it cannot change, so this wrapper may say so.
CREATE FUNCTION "roleboard_titles_text"(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "alternative_titles" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "roles" drop column "search_vector";
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', roleboard_titles_text(alternative_titles)), 'B') || setweight(to_tsvector('english', coalesce(summary, '')), 'C')) STORED;
--> statement-breakpoint
-- Hand-written: dropping the old column dropped its full-text index.
CREATE INDEX "roles_search_idx" ON "roles" USING gin ("search_vector");
--> statement-breakpoint
ALTER TABLE "roles" DROP CONSTRAINT "roles_summary_length";
--> statement-breakpoint
ALTER TABLE "role_stats" ALTER COLUMN "average_salary" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats" ALTER COLUMN "degree_requirement_percent" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ALTER COLUMN "average_salary" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ALTER COLUMN "currency" SET DEFAULT 'USD';
--> statement-breakpoint
ALTER TABLE "role_stats_history" ALTER COLUMN "degree_requirement_percent" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "soc_code" text;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "job_openings_basis" "job_openings_basis" DEFAULT 'current' NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "salary_top_coded" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "entry_education" text;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "outlook_start_year" smallint;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "outlook_end_year" smallint;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "outlook_start_employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "outlook_end_employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "outlook_change_percent" numeric(6, 1);
--> statement-breakpoint
ALTER TABLE "role_stats" ADD COLUMN "source_url" text;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "job_openings_basis" "job_openings_basis" DEFAULT 'current' NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "salary_top_coded" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "entry_education" text;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "outlook_start_year" smallint;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "outlook_end_year" smallint;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "outlook_start_employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "outlook_end_employment" integer;
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "outlook_change_percent" numeric(6, 1);
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD COLUMN "source_url" text;
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "soc_code" text;
--> statement-breakpoint
ALTER TABLE "roles" ADD COLUMN "content_attribution" text;
--> statement-breakpoint
CREATE UNIQUE INDEX "roles_soc_code_unique" ON "roles" USING btree ("soc_code") WHERE "roles"."soc_code" is not null;
--> statement-breakpoint
CREATE INDEX "roles_alternative_titles_trgm_idx" ON "roles" USING gin (roleboard_titles_text("alternative_titles") gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_soc_code_unique" UNIQUE("soc_code");
--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_employment" CHECK ("role_stats"."employment" >= 0);
--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_salary_top_coded" CHECK ("role_stats"."salary_top_coded" <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality("role_stats"."salary_top_coded") = 0 or num_nonnulls("role_stats"."salary_p10", "role_stats"."salary_p25", "role_stats"."salary_median", "role_stats"."salary_p75", "role_stats"."salary_p90") = 5));
--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_entry_education" CHECK (length("role_stats"."entry_education") between 1 and 200);
--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_outlook" CHECK (num_nonnulls("role_stats"."outlook_start_year", "role_stats"."outlook_end_year", "role_stats"."outlook_start_employment", "role_stats"."outlook_end_employment", "role_stats"."outlook_change_percent") = 0
       or (num_nonnulls("role_stats"."outlook_start_year", "role_stats"."outlook_end_year", "role_stats"."outlook_start_employment", "role_stats"."outlook_end_employment", "role_stats"."outlook_change_percent") = 5
           and "role_stats"."outlook_start_year" < "role_stats"."outlook_end_year" and "role_stats"."outlook_start_employment" >= 0 and "role_stats"."outlook_end_employment" >= 0));
--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_source_url" CHECK ("role_stats"."source_url" ~ '^https?://' and length("role_stats"."source_url") <= 500);
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_employment" CHECK ("role_stats_history"."employment" >= 0);
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_currency" CHECK ("role_stats_history"."currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_percentiles" CHECK (num_nonnulls("role_stats_history"."salary_p10", "role_stats_history"."salary_p25", "role_stats_history"."salary_median", "role_stats_history"."salary_p75", "role_stats_history"."salary_p90") = 0
       or (num_nonnulls("role_stats_history"."salary_p10", "role_stats_history"."salary_p25", "role_stats_history"."salary_median", "role_stats_history"."salary_p75", "role_stats_history"."salary_p90") = 5
           and "role_stats_history"."salary_p10" >= 0 and "role_stats_history"."salary_p10" <= "role_stats_history"."salary_p25" and "role_stats_history"."salary_p25" <= "role_stats_history"."salary_median"
           and "role_stats_history"."salary_median" <= "role_stats_history"."salary_p75" and "role_stats_history"."salary_p75" <= "role_stats_history"."salary_p90" and "role_stats_history"."salary_p90" <= 100000000));
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_salary_top_coded" CHECK ("role_stats_history"."salary_top_coded" <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality("role_stats_history"."salary_top_coded") = 0 or num_nonnulls("role_stats_history"."salary_p10", "role_stats_history"."salary_p25", "role_stats_history"."salary_median", "role_stats_history"."salary_p75", "role_stats_history"."salary_p90") = 5));
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_entry_education" CHECK (length("role_stats_history"."entry_education") between 1 and 200);
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_outlook" CHECK (num_nonnulls("role_stats_history"."outlook_start_year", "role_stats_history"."outlook_end_year", "role_stats_history"."outlook_start_employment", "role_stats_history"."outlook_end_employment", "role_stats_history"."outlook_change_percent") = 0
       or (num_nonnulls("role_stats_history"."outlook_start_year", "role_stats_history"."outlook_end_year", "role_stats_history"."outlook_start_employment", "role_stats_history"."outlook_end_employment", "role_stats_history"."outlook_change_percent") = 5
           and "role_stats_history"."outlook_start_year" < "role_stats_history"."outlook_end_year" and "role_stats_history"."outlook_start_employment" >= 0 and "role_stats_history"."outlook_end_employment" >= 0));
--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_source_url" CHECK ("role_stats_history"."source_url" ~ '^https?://' and length("role_stats_history"."source_url") <= 500);
--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_soc_code_format" CHECK ("roles"."soc_code" ~ '^[0-9]{2}-[0-9]{4}$');
--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_alternative_titles_count" CHECK (cardinality("roles"."alternative_titles") <= 200);
--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_summary_length" CHECK (length("roles"."summary") <= 1000);
