CREATE TYPE "public"."homework_email_preference" AS ENUM('daily', 'weekly', 'off');--> statement-breakpoint
ALTER TABLE "clients" ADD COLUMN "homework_email" "homework_email_preference" DEFAULT 'daily' NOT NULL;--> statement-breakpoint
ALTER TABLE "dev_mailbox" ADD COLUMN "headers" jsonb;