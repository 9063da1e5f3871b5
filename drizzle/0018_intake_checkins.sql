CREATE TYPE "public"."checkin_schedule_status" AS ENUM('active', 'paused', 'stopped');--> statement-breakpoint
ALTER TYPE "public"."questionnaire_kind" ADD VALUE 'checkin';--> statement-breakpoint
CREATE TABLE "checkin_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"every_weeks" integer NOT NULL,
	"status" "checkin_schedule_status" DEFAULT 'active' NOT NULL,
	"next_due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "checkin_schedules_every_weeks" CHECK ("checkin_schedules"."every_weeks" between 1 and 26),
	CONSTRAINT "checkin_schedules_stopped" CHECK (("checkin_schedules"."status" = 'stopped') = ("checkin_schedules"."stopped_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "intake_responses" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_responses" ADD COLUMN "due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkin_schedules" ADD CONSTRAINT "checkin_schedules_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkin_schedules_live_key" ON "checkin_schedules" USING btree ("client_id","questionnaire_id") WHERE "checkin_schedules"."status" <> 'stopped';--> statement-breakpoint
CREATE INDEX "checkin_schedules_due_idx" ON "checkin_schedules" USING btree ("next_due_at") WHERE "checkin_schedules"."status" = 'active';--> statement-breakpoint
CREATE INDEX "checkin_schedules_practice_client_idx" ON "checkin_schedules" USING btree ("practice_id","client_id");--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_schedule_id_checkin_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."checkin_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intake_responses_schedule_due_key" ON "intake_responses" USING btree ("schedule_id","client_id","due_at");--> statement-breakpoint
ALTER TABLE "intake_responses" ADD CONSTRAINT "intake_responses_schedule_due" CHECK (("intake_responses"."schedule_id" is null) or ("intake_responses"."due_at" is not null));