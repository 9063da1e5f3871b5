CREATE TABLE "email_send_governor" (
	"provider" text PRIMARY KEY NOT NULL,
	"next_slot_at" timestamp with time zone DEFAULT now() NOT NULL,
	"slowdown" real DEFAULT 1 NOT NULL,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	CONSTRAINT "email_send_governor_slowdown_check" CHECK ("email_send_governor"."slowdown" >= 1)
);
--> statement-breakpoint
DROP INDEX "email_outbox_due_idx";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "priority" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "has_attachments" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "request_key" text;--> statement-breakpoint
CREATE INDEX "email_outbox_request_key_idx" ON "email_outbox" USING btree ("request_key") WHERE "email_outbox"."request_key" is not null;--> statement-breakpoint
CREATE INDEX "email_outbox_failing_idx" ON "email_outbox" USING btree ("practice_id") WHERE "email_outbox"."status" = 'failed' or ("email_outbox"."status" = 'pending' and "email_outbox"."attempts" > 0);--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("priority","send_after") WHERE "email_outbox"."status" in ('pending', 'sending');--> statement-breakpoint
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_priority_check" CHECK ("email_outbox"."priority" between 0 and 3);