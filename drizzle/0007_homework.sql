CREATE TYPE "public"."homework_assignment_status" AS ENUM('active', 'paused', 'ended');--> statement-breakpoint
CREATE TYPE "public"."homework_cadence" AS ENUM('once', 'daily', 'weekly', 'times_per_week');--> statement-breakpoint
CREATE TABLE "homework_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"library_practice_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"partner_client_id" uuid,
	"assigned_by" text,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"reflection_prompt" text NOT NULL,
	"personal_instructions" text,
	"cadence_kind" "homework_cadence" NOT NULL,
	"times_per_week" smallint,
	"due_date" date,
	"start_date" date NOT NULL,
	"end_date" date,
	"until_next_session" boolean DEFAULT false NOT NULL,
	"status" "homework_assignment_status" DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_assignments_cadence" CHECK (("homework_assignments"."cadence_kind" = 'times_per_week') = ("homework_assignments"."times_per_week" is not null) and ("homework_assignments"."times_per_week" is null or "homework_assignments"."times_per_week" between 2 and 6)),
	CONSTRAINT "homework_assignments_due" CHECK (("homework_assignments"."cadence_kind" = 'once') = ("homework_assignments"."due_date" is not null) and ("homework_assignments"."due_date" is null or "homework_assignments"."due_date" >= "homework_assignments"."start_date")),
	CONSTRAINT "homework_assignments_dates" CHECK ("homework_assignments"."end_date" is null or "homework_assignments"."end_date" >= "homework_assignments"."start_date" - 1),
	CONSTRAINT "homework_assignments_end_mode" CHECK (not ("homework_assignments"."until_next_session" and "homework_assignments"."end_date" is not null and "homework_assignments"."status" <> 'ended')),
	CONSTRAINT "homework_assignments_partner" CHECK ("homework_assignments"."partner_client_id" is null or "homework_assignments"."partner_client_id" <> "homework_assignments"."client_id"),
	CONSTRAINT "homework_assignments_ended" CHECK (("homework_assignments"."status" = 'ended') = ("homework_assignments"."ended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "homework_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"occurrence_date" date NOT NULL,
	"occurrence_slot" smallint NOT NULL,
	"completed_by" uuid NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_on" date NOT NULL,
	"reflection" text,
	"rating" smallint,
	CONSTRAINT "homework_completions_rating" CHECK ("homework_completions"."rating" is null or "homework_completions"."rating" between 1 and 5),
	CONSTRAINT "homework_completions_slot" CHECK ("homework_completions"."occurrence_slot" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "homework_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"paused_on" date NOT NULL,
	"resumed_on" date,
	CONSTRAINT "homework_pauses_order" CHECK ("homework_pauses"."resumed_on" is null or "homework_pauses"."resumed_on" >= "homework_pauses"."paused_on")
);
--> statement-breakpoint
CREATE TABLE "homework_practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"practice_id" uuid NOT NULL,
	"framework_key" text,
	"title" text NOT NULL,
	"instructions" text NOT NULL,
	"reflection_prompt" text NOT NULL,
	"cadence_kind" "homework_cadence" NOT NULL,
	"times_per_week" smallint,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "homework_practices_cadence" CHECK (("homework_practices"."cadence_kind" = 'times_per_week') = ("homework_practices"."times_per_week" is not null) and ("homework_practices"."times_per_week" is null or "homework_practices"."times_per_week" between 2 and 6))
);
--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_library_practice_id_homework_practices_id_fk" FOREIGN KEY ("library_practice_id") REFERENCES "public"."homework_practices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_partner_client_id_clients_id_fk" FOREIGN KEY ("partner_client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_assignments" ADD CONSTRAINT "homework_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_assignment_id_homework_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."homework_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_completions" ADD CONSTRAINT "homework_completions_completed_by_clients_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_pauses" ADD CONSTRAINT "homework_pauses_assignment_id_homework_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."homework_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "homework_practices" ADD CONSTRAINT "homework_practices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "homework_assignments_client_idx" ON "homework_assignments" USING btree ("practice_id","client_id");--> statement-breakpoint
CREATE INDEX "homework_assignments_partner_idx" ON "homework_assignments" USING btree ("practice_id","partner_client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "homework_completions_occurrence_key" ON "homework_completions" USING btree ("assignment_id","occurrence_date","occurrence_slot");--> statement-breakpoint
CREATE INDEX "homework_completions_practice_time_idx" ON "homework_completions" USING btree ("practice_id","completed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "homework_pauses_open_key" ON "homework_pauses" USING btree ("assignment_id") WHERE "homework_pauses"."resumed_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "homework_practices_framework_key" ON "homework_practices" USING btree ("practice_id","framework_key");