CREATE TYPE "public"."role_status" AS ENUM('published', 'archived');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'editor');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "categories_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "role_stats" (
	"role_id" integer PRIMARY KEY NOT NULL,
	"job_openings" integer NOT NULL,
	"average_salary" integer NOT NULL,
	"currency" char(3) DEFAULT 'USD' NOT NULL,
	"degree_requirement_percent" integer NOT NULL,
	"salary_p10" integer,
	"salary_p25" integer,
	"salary_median" integer,
	"salary_p75" integer,
	"salary_p90" integer,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	CONSTRAINT "role_stats_job_openings" CHECK ("role_stats"."job_openings" >= 0),
	CONSTRAINT "role_stats_average_salary" CHECK ("role_stats"."average_salary" between 0 and 100000000),
	CONSTRAINT "role_stats_currency" CHECK ("role_stats"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "role_stats_degree_requirement" CHECK ("role_stats"."degree_requirement_percent" between 0 and 100),
	CONSTRAINT "role_stats_percentiles" CHECK (("role_stats"."salary_p10" is null and "role_stats"."salary_p25" is null and "role_stats"."salary_median" is null and "role_stats"."salary_p75" is null and "role_stats"."salary_p90" is null)
       or ("role_stats"."salary_p10" >= 0 and "role_stats"."salary_p10" <= "role_stats"."salary_p25" and "role_stats"."salary_p25" <= "role_stats"."salary_median"
           and "role_stats"."salary_median" <= "role_stats"."salary_p75" and "role_stats"."salary_p75" <= "role_stats"."salary_p90" and "role_stats"."salary_p90" <= 100000000))
);
--> statement-breakpoint
CREATE TABLE "role_stats_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"role_id" integer NOT NULL,
	"role_version" integer NOT NULL,
	"job_openings" integer NOT NULL,
	"average_salary" integer NOT NULL,
	"currency" char(3) NOT NULL,
	"degree_requirement_percent" integer NOT NULL,
	"salary_p10" integer,
	"salary_p25" integer,
	"salary_median" integer,
	"salary_p75" integer,
	"salary_p90" integer,
	"as_of" date NOT NULL,
	"source" text NOT NULL,
	"changed_by" integer,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_stats_history_job_openings" CHECK ("role_stats_history"."job_openings" >= 0),
	CONSTRAINT "role_stats_history_average_salary" CHECK ("role_stats_history"."average_salary" between 0 and 100000000),
	CONSTRAINT "role_stats_history_degree_requirement" CHECK ("role_stats_history"."degree_requirement_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"category_slug" text NOT NULL,
	"summary" text NOT NULL,
	"salary_template" text NOT NULL,
	"responsibilities_intro" text NOT NULL,
	"responsibilities" jsonb NOT NULL,
	"responsibilities_outro" text,
	"how_to_become_intro" text NOT NULL,
	"how_to_become_steps" jsonb NOT NULL,
	"how_to_become_outro" text,
	"status" "role_status" DEFAULT 'published' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B')) STORED,
	CONSTRAINT "roles_slug_format" CHECK ("roles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("roles"."slug") <= 100),
	CONSTRAINT "roles_title_length" CHECK (length(btrim("roles"."title")) between 1 and 120),
	CONSTRAINT "roles_summary_length" CHECK (length("roles"."summary") <= 500),
	CONSTRAINT "roles_version_positive" CHECK ("roles"."version" >= 1),
	CONSTRAINT "roles_responsibilities_array" CHECK (jsonb_typeof("roles"."responsibilities") = 'array'),
	CONSTRAINT "roles_steps_array" CHECK (jsonb_typeof("roles"."how_to_become_steps") = 'array')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" DEFAULT 'editor' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_format" CHECK ("users"."email" ~ '^[^@\s]+@[^@\s]+$')
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_stats" ADD CONSTRAINT "role_stats_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_stats_history" ADD CONSTRAINT "role_stats_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roles" ADD CONSTRAINT "roles_category_slug_categories_slug_fk" FOREIGN KEY ("category_slug") REFERENCES "public"."categories"("slug") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "role_stats_salary_idx" ON "role_stats" USING btree ("average_salary","role_id");--> statement-breakpoint
CREATE INDEX "role_stats_openings_idx" ON "role_stats" USING btree ("job_openings","role_id");--> statement-breakpoint
CREATE INDEX "role_stats_degree_idx" ON "role_stats" USING btree ("degree_requirement_percent");--> statement-breakpoint
CREATE INDEX "role_stats_history_role_idx" ON "role_stats_history" USING btree ("role_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_slug_unique" ON "roles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "roles_search_idx" ON "roles" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "roles_title_trgm_idx" ON "roles" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "roles_status_title_idx" ON "roles" USING btree ("status","title","id");--> statement-breakpoint
CREATE INDEX "roles_status_category_title_idx" ON "roles" USING btree ("status","category_slug","title","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree (lower("email"));