CREATE TYPE "public"."login_attempt_outcome" AS ENUM('pending', 'succeeded', 'failed');--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "device_id" text;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "outcome" "login_attempt_outcome" DEFAULT 'pending' NOT NULL;--> statement-breakpoint
CREATE INDEX "login_attempts_device_idx" ON "login_attempts" USING btree ("device_id","attempted_at") WHERE "login_attempts"."device_id" is not null;--> statement-breakpoint
CREATE INDEX "login_attempts_attempted_at_idx" ON "login_attempts" USING btree ("attempted_at");--> statement-breakpoint
-- Attempts recorded before this migration keep counting, with their outcome and with any
-- address that is not one (clients could set X-Forwarded-For to anything) as "unknown".
UPDATE "login_attempts" SET "outcome" = CASE WHEN "succeeded" THEN 'succeeded'::"login_attempt_outcome" ELSE 'failed'::"login_attempt_outcome" END;--> statement-breakpoint
UPDATE "login_attempts" SET "ip_address" = 'unknown' WHERE NOT ("ip_address" = 'unknown' or (length("ip_address") <= 45 and "ip_address" ~ '^[0-9a-f.:]+(/64)?$'));--> statement-breakpoint
ALTER TABLE "login_attempts" DROP COLUMN "succeeded";--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_ip_address_format" CHECK ("login_attempts"."ip_address" = 'unknown' or (length("login_attempts"."ip_address") <= 45 and "login_attempts"."ip_address" ~ '^[0-9a-f.:]+(/64)?$'));