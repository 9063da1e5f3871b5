-- Before a schedule may keep only one open copy per person (docs/intake.md,
-- "Unanswered check-ins"; the unique index comes in the next migration), the
-- copies that piled up are cleared, destroying no answer. Per schedule and
-- person the copy kept open is the latest started one, else the latest one.
-- Every other copy never opened for an answer (`not_started`: saving any
-- answer makes it `in_progress`) is removed, with its email if still unsent;
-- another started copy (answers are sealed, so SQL can't tell an empty draft)
-- leaves the schedule and stays in the portal as a one-off check-in.
-- Each statement ranks the open copies afresh: removing extras never changes
-- which copy ranks first.
UPDATE "email_outbox" SET "status" = 'canceled'
  WHERE "status" = 'pending' AND "request_key" IS NULL
    AND "topic" IN (SELECT 'intake:' || "id" FROM (
    SELECT "id" FROM (
      SELECT "id", "status", row_number() OVER (
        PARTITION BY "schedule_id", "client_id" ORDER BY ("status" = 'in_progress') DESC, "due_at" DESC, "assigned_at" DESC
      ) AS "n"
      FROM "intake_responses"
      WHERE "schedule_id" IS NOT NULL AND "status" <> 'submitted'
    ) AS "ranked"
    WHERE "n" > 1 AND "status" = 'not_started'
  ) AS "extra");
--> statement-breakpoint
DELETE FROM "intake_responses" WHERE "id" IN (
    SELECT "id" FROM (
      SELECT "id", "status", row_number() OVER (
        PARTITION BY "schedule_id", "client_id" ORDER BY ("status" = 'in_progress') DESC, "due_at" DESC, "assigned_at" DESC
      ) AS "n"
      FROM "intake_responses"
      WHERE "schedule_id" IS NOT NULL AND "status" <> 'submitted'
    ) AS "ranked"
    WHERE "n" > 1 AND "status" = 'not_started'
  );
--> statement-breakpoint
UPDATE "intake_responses" SET "schedule_id" = NULL WHERE "id" IN (
    SELECT "id" FROM (
      SELECT "id", "status", row_number() OVER (
        PARTITION BY "schedule_id", "client_id" ORDER BY ("status" = 'in_progress') DESC, "due_at" DESC, "assigned_at" DESC
      ) AS "n"
      FROM "intake_responses"
      WHERE "schedule_id" IS NOT NULL AND "status" <> 'submitted'
    ) AS "ranked"
    WHERE "n" > 1
  );
