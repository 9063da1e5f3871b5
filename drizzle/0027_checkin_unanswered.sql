CREATE TYPE "public"."checkin_pause_reason" AS ENUM('unanswered');--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD COLUMN "unanswered_in_row" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD COLUMN "paused_reason" "checkin_pause_reason";--> statement-breakpoint
CREATE UNIQUE INDEX "intake_responses_schedule_open_key" ON "intake_responses" USING btree ("schedule_id","client_id") WHERE "intake_responses"."status" <> 'submitted';--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_paused_reason" CHECK (("checkin_schedules"."paused_reason" is null) or ("checkin_schedules"."status" = 'paused'));--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_unanswered" CHECK ("checkin_schedules"."unanswered_in_row" >= 0);