-- Job alerts (issue 22.4): followed /jobs searches by email, the digest sent per alert and day, and sign-ups per client address.
CREATE TABLE "job_alert_digests" (
	"alert_id" bigint NOT NULL,
	"sent_on" date NOT NULL,
	"posting_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_alert_digests_alert_id_sent_on_pk" PRIMARY KEY("alert_id","sent_on")
);
--> statement-breakpoint
CREATE TABLE "job_alert_signups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_address" text NOT NULL,
	"signed_up_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"search_query" text NOT NULL,
	"confirm_token_hash" text,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmation_emails" smallint DEFAULT 0 NOT NULL,
	"last_confirmation_at" timestamp with time zone,
	"new_since" timestamp with time zone,
	CONSTRAINT "job_alerts_email_format" CHECK (length("job_alerts"."email") between 3 and 254 and "job_alerts"."email" = lower("job_alerts"."email")),
	CONSTRAINT "job_alerts_search_query_length" CHECK (length("job_alerts"."search_query") <= 1000),
	CONSTRAINT "job_alerts_confirmed" CHECK (("job_alerts"."confirmed_at" is null) = ("job_alerts"."confirm_token_hash" is not null) and ("job_alerts"."confirmed_at" is null) = ("job_alerts"."new_since" is null))
);
--> statement-breakpoint
ALTER TABLE "job_alert_digests" ADD CONSTRAINT "job_alert_digests_alert_id_job_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."job_alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_alert_digests_sent_at_idx" ON "job_alert_digests" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "job_alert_signups_client_idx" ON "job_alert_signups" USING btree ("client_address","signed_up_at");--> statement-breakpoint
CREATE UNIQUE INDEX "job_alerts_email_search_unique" ON "job_alerts" USING btree ("email","search_query");--> statement-breakpoint
CREATE UNIQUE INDEX "job_alerts_confirm_token_unique" ON "job_alerts" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "job_alerts_unconfirmed_created_at_idx" ON "job_alerts" USING btree ("created_at") WHERE "job_alerts"."confirmed_at" is null;
