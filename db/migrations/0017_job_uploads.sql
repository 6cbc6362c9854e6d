CREATE TABLE "job_uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"uploaded_by" integer NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_by" integer,
	"applied_at" timestamp with time zone,
	"outcome" jsonb,
	CONSTRAINT "job_uploads_size" CHECK (octet_length("job_uploads"."content") <= 5242880),
	CONSTRAINT "job_uploads_file_name_length" CHECK (length("job_uploads"."file_name") between 1 and 255),
	CONSTRAINT "job_uploads_applied_together" CHECK (("job_uploads"."applied_at" is null) = ("job_uploads"."outcome" is null))
);
--> statement-breakpoint
ALTER TABLE "job_uploads" ADD CONSTRAINT "job_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_uploads" ADD CONSTRAINT "job_uploads_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_uploads_uploaded_at_idx" ON "job_uploads" USING btree ("uploaded_at");