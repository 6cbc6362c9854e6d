-- Employers, their members and their own postings (issue 22): an admin creates an employer (its
-- approval) and invites members by one-time links; a member is a user with the role `employer`,
-- tied to one employer, and keeps that employer's postings in employer_postings.
CREATE TYPE "public"."employer_posting_status" AS ENUM('draft', 'pending', 'published', 'closed', 'taken-down');--> statement-breakpoint
ALTER TYPE "public"."user_role" ADD VALUE 'employer';--> statement-breakpoint
CREATE TABLE "employer_invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"employer_id" integer NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" integer,
	CONSTRAINT "employer_invites_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "employer_invites_accepted_together" CHECK (("employer_invites"."accepted_at" is null) = ("employer_invites"."accepted_by" is null))
);
--> statement-breakpoint
CREATE TABLE "employer_postings" (
	"id" serial PRIMARY KEY NOT NULL,
	"employer_id" integer NOT NULL,
	"status" "employer_posting_status" DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"role_id" integer,
	"locations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"pay_min" numeric(12, 2),
	"pay_max" numeric(12, 2),
	"pay_period" "pay_period",
	"employment_type" "employment_type" DEFAULT 'full-time' NOT NULL,
	"education_asked" "education_asked" DEFAULT 'not-stated' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"apply_url" text,
	"apply_email" text,
	"closes_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"job_posting_id" bigint,
	"takedown_reason" text,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	CONSTRAINT "employer_postings_title_length" CHECK (length("employer_postings"."title") between 1 and 200),
	CONSTRAINT "employer_postings_description_length" CHECK (length("employer_postings"."description") <= 20000),
	CONSTRAINT "employer_postings_apply_url_http" CHECK ("employer_postings"."apply_url" ~ '^https://[^\s]+$'),
	CONSTRAINT "employer_postings_apply_email" CHECK ("employer_postings"."apply_email" ~ '^[^@\s]+@[^@\s]+$'),
	CONSTRAINT "employer_postings_takedown_reason" CHECK (("employer_postings"."status" = 'taken-down') = ("employer_postings"."takedown_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website" text NOT NULL,
	"verified_domain" text,
	"approved_by" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employers_slug_unique" UNIQUE("slug"),
	CONSTRAINT "employers_slug_format" CHECK ("employers"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("employers"."slug") <= 80),
	CONSTRAINT "employers_name_length" CHECK (length("employers"."name") between 1 and 120),
	CONSTRAINT "employers_website_http" CHECK ("employers"."website" ~ '^https?://[^\s]+$' and length("employers"."website") <= 500),
	CONSTRAINT "employers_domain_format" CHECK ("employers"."verified_domain" ~ '^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$')
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "employer_id" integer;--> statement-breakpoint
ALTER TABLE "employer_invites" ADD CONSTRAINT "employer_invites_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invites" ADD CONSTRAINT "employer_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_invites" ADD CONSTRAINT "employer_invites_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_job_posting_id_job_postings_id_fk" FOREIGN KEY ("job_posting_id") REFERENCES "public"."job_postings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_postings" ADD CONSTRAINT "employer_postings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_invites_employer_idx" ON "employer_invites" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "employer_postings_employer_idx" ON "employer_postings" USING btree ("employer_id","updated_at");--> statement-breakpoint
CREATE INDEX "employer_postings_pending_idx" ON "employer_postings" USING btree ("id") WHERE "employer_postings"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "employers_name_unique" ON "employers" USING btree (lower("name"));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_employer_idx" ON "users" USING btree ("employer_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employer_member" CHECK (("users"."role"::text = 'employer') = ("users"."employer_id" is not null));
