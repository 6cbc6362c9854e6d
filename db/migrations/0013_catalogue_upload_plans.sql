-- An upload's preview as last planned, with a fingerprint of what the plan read: looking at the
-- preview again reuses it while the fingerprint is the same (db/catalogue-uploads.ts).
CREATE TABLE "catalogue_upload_plans" (
	"upload_id" text PRIMARY KEY NOT NULL,
	"format" integer NOT NULL,
	"slugs" text[] NOT NULL,
	"soc_codes" text[] NOT NULL,
	"changed_role_ids" integer[] NOT NULL,
	"fingerprint" text NOT NULL,
	"preview" json NOT NULL,
	"digest" text NOT NULL,
	"planned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "catalogue_upload_plans" ADD CONSTRAINT "catalogue_upload_plans_upload_id_catalogue_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."catalogue_uploads"("id") ON DELETE cascade ON UPDATE no action;