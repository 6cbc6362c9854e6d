CREATE TABLE "areas" (
	"fips" char(2) PRIMARY KEY NOT NULL,
	"postal_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	CONSTRAINT "areas_postal_code_unique" UNIQUE("postal_code"),
	CONSTRAINT "areas_name_unique" UNIQUE("name"),
	CONSTRAINT "areas_slug_unique" UNIQUE("slug"),
	CONSTRAINT "areas_fips_format" CHECK ("areas"."fips" ~ '^[0-9]{2}$'),
	CONSTRAINT "areas_postal_code_format" CHECK ("areas"."postal_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "areas_slug_format" CHECK ("areas"."slug" ~ '^[a-z]+(-[a-z]+)*$')
);
--> statement-breakpoint
CREATE TABLE "role_area_stats" (
	"role_id" integer NOT NULL,
	"area_fips" char(2) NOT NULL,
	"employment" integer,
	"jobs_per_1000" numeric(8, 3),
	"location_quotient" numeric(6, 2),
	"average_salary" integer,
	"salary_p10" integer,
	"salary_p25" integer,
	"salary_median" integer,
	"salary_p75" integer,
	"salary_p90" integer,
	"salary_top_coded" text[] DEFAULT '{}'::text[] NOT NULL,
	"hourly_mean" numeric(7, 2),
	"hourly_median" numeric(7, 2),
	"hourly_median_top_coded" boolean DEFAULT false NOT NULL,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"source_url" text NOT NULL,
	CONSTRAINT "role_area_stats_role_id_area_fips_pk" PRIMARY KEY("role_id","area_fips"),
	CONSTRAINT "role_area_stats_employment_figures" CHECK (num_nonnulls("role_area_stats"."employment", "role_area_stats"."jobs_per_1000", "role_area_stats"."location_quotient") in (0, 3) and "role_area_stats"."employment" >= 0 and "role_area_stats"."jobs_per_1000" >= 0 and "role_area_stats"."location_quotient" >= 0),
	CONSTRAINT "role_area_stats_average_salary" CHECK ("role_area_stats"."average_salary" between 0 and 100000000),
	CONSTRAINT "role_area_stats_percentiles" CHECK (num_nonnulls("role_area_stats"."salary_p10", "role_area_stats"."salary_p25", "role_area_stats"."salary_median", "role_area_stats"."salary_p75", "role_area_stats"."salary_p90") = 0
         or (num_nonnulls("role_area_stats"."salary_p10", "role_area_stats"."salary_p25", "role_area_stats"."salary_median", "role_area_stats"."salary_p75", "role_area_stats"."salary_p90") = 5
             and "role_area_stats"."salary_p10" >= 0 and "role_area_stats"."salary_p10" <= "role_area_stats"."salary_p25" and "role_area_stats"."salary_p25" <= "role_area_stats"."salary_median"
             and "role_area_stats"."salary_median" <= "role_area_stats"."salary_p75" and "role_area_stats"."salary_p75" <= "role_area_stats"."salary_p90" and "role_area_stats"."salary_p90" <= 100000000)),
	CONSTRAINT "role_area_stats_salary_top_coded" CHECK ("role_area_stats"."salary_top_coded" <@ array['p10', 'p25', 'median', 'p75', 'p90']::text[] and (cardinality("role_area_stats"."salary_top_coded") = 0 or num_nonnulls("role_area_stats"."salary_p10", "role_area_stats"."salary_p25", "role_area_stats"."salary_median", "role_area_stats"."salary_p75", "role_area_stats"."salary_p90") = 5)),
	CONSTRAINT "role_area_stats_hourly" CHECK ("role_area_stats"."hourly_mean" >= 0 and "role_area_stats"."hourly_median" >= 0 and (not "role_area_stats"."hourly_median_top_coded" or "role_area_stats"."hourly_median" is not null)),
	CONSTRAINT "role_area_stats_source_url" CHECK ("role_area_stats"."source_url" ~ '^https?://' and length("role_area_stats"."source_url") <= 500)
);
--> statement-breakpoint
ALTER TABLE "role_area_stats" ADD CONSTRAINT "role_area_stats_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_area_stats" ADD CONSTRAINT "role_area_stats_area_fips_areas_fips_fk" FOREIGN KEY ("area_fips") REFERENCES "public"."areas"("fips") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_area_stats_area_salary_idx" ON "role_area_stats" USING btree ("area_fips","average_salary","role_id");--> statement-breakpoint
CREATE INDEX "role_area_stats_area_employment_idx" ON "role_area_stats" USING btree ("area_fips","employment","role_id");