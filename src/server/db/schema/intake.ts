import "server-only";
import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sealedJson } from "@/server/crypto/sealed";
import type { Answers, QuestionnaireContent } from "@/lib/intake/model";
import type { Profile } from "@/lib/intake/scoring";
import { CHECKIN_MAX_WEEKS, CHECKIN_MIN_WEEKS, CHECKIN_PAUSE_REASONS, CHECKIN_SCHEDULE_STATUSES, INTAKE_STATUSES, QUESTIONNAIRE_KINDS } from "@/lib/intake/status";
import { users } from "./auth";
import { clients, offerings, practices } from "./practices";
import { bookings } from "./scheduling";

export const questionnaireKind = pgEnum("questionnaire_kind", QUESTIONNAIRE_KINDS);

/** A practice's questionnaire; what it asks lives in its versions. */
export const questionnaires = pgTable(
  "questionnaires",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    /** Which template it started from; "custom" for one the coach made. */
    kind: questionnaireKind().notNull(),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [index("questionnaires_practice_idx").on(t.practiceId)],
);

/**
 * What a questionnaire asks, one row per edit. A version someone has answered
 * is frozen (a trigger refuses to change or delete it, custom migration): the
 * builder writes a new version instead, and each response keeps the version it
 * answered, so its profile is always scored with the rules it was given.
 */
export const questionnaireVersions = pgTable(
  "questionnaire_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    questionnaireId: uuid()
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    content: jsonb().$type<QuestionnaireContent>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("questionnaire_versions_number_key").on(t.questionnaireId, t.version), check("questionnaire_versions_positive", sql`${t.version} >= 1`)],
);

export const intakeStatus = pgEnum("intake_status", INTAKE_STATUSES);

/**
 * One client's copy of a questionnaire: one per client per assignment (each
 * partner of a couple has their own). Every answer, text or choice, is sealed
 * (AES-256-GCM); the profile holds only numbers and keys.
 */
export const intakeResponses = pgTable(
  "intake_responses",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    questionnaireId: uuid()
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    versionId: uuid()
      .notNull()
      .references(() => questionnaireVersions.id, { onDelete: "restrict" }),
    /** Set when a first booking assigned it: one per client per offering. Null for a hand assignment. */
    offeringId: uuid().references(() => offerings.id, { onDelete: "set null" }),
    bookingId: uuid().references(() => bookings.id, { onDelete: "set null" }),
    /**
     * A check-in copy: when it fell due (set for every check-in, once or recurring; null for an
     * intake), and the recurring schedule that made it: one copy per person per schedule and due date.
     */
    scheduleId: uuid().references((): AnyPgColumn => checkInSchedules.id, { onDelete: "set null" }),
    dueAt: timestamp({ withTimezone: true }),
    status: intakeStatus().notNull().default("not_started"),
    answers: sealedJson<Answers>().notNull(),
    profile: jsonb().$type<Profile>(),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    submittedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index("intake_responses_practice_client_idx").on(t.practiceId, t.clientId),
    uniqueIndex("intake_responses_client_offering_key").on(t.clientId, t.offeringId),
    uniqueIndex("intake_responses_schedule_due_key").on(t.scheduleId, t.clientId, t.dueAt),
    // A schedule keeps at most one open copy per person: a new one is made only once the last is submitted (checkins.ts).
    uniqueIndex("intake_responses_schedule_open_key").on(t.scheduleId, t.clientId).where(sql`${t.status} <> 'submitted'`),
    check("intake_responses_schedule_due", sql`(${t.scheduleId} is null) or (${t.dueAt} is not null)`),
    check("intake_responses_submitted", sql`(${t.status} = 'submitted') = (${t.submittedAt} is not null)`),
  ],
);

/**
 * A safety answer said someone may be in danger. One per response however
 * often the answer is saved; the acknowledgement is kept with it.
 */
export const crisisAlerts = pgTable(
  "crisis_alerts",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    responseId: uuid()
      .notNull()
      .unique()
      .references(() => intakeResponses.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    raisedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    acknowledgedBy: text().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("crisis_alerts_open_idx").on(t.practiceId).where(sql`${t.acknowledgedAt} is null`)],
);

export const checkInScheduleStatus = pgEnum("checkin_schedule_status", CHECKIN_SCHEDULE_STATUSES);
export const checkInPauseReason = pgEnum("checkin_pause_reason", CHECKIN_PAUSE_REASONS);

/**
 * A questionnaire (the pillars check-in) re-assigned to a client every N weeks; for a couple each
 * partner gets their own copy. One live (active or paused) schedule per client and questionnaire;
 * a stopped one stays for the record. `nextDueAt` is when the periodic job creates the next copy.
 */
export const checkInSchedules = pgTable(
  "checkin_schedules",
  {
    id: uuid().primaryKey().defaultRandom(),
    practiceId: uuid()
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    questionnaireId: uuid()
      .notNull()
      .references(() => questionnaires.id, { onDelete: "cascade" }),
    everyWeeks: integer().notNull(),
    status: checkInScheduleStatus().notNull().default("active"),
    nextDueAt: timestamp({ withTimezone: true }).notNull(),
    /** How many due dates in a row passed with nobody's copy touched; reaching the limit pauses the schedule. */
    unansweredInRow: integer().notNull().default(0),
    /** Set when the schedule paused itself ("unanswered"); null when the coach paused it or it runs. */
    pausedReason: checkInPauseReason(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    stoppedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("checkin_schedules_live_key").on(t.clientId, t.questionnaireId).where(sql`${t.status} <> 'stopped'`),
    index("checkin_schedules_due_idx").on(t.nextDueAt).where(sql`${t.status} = 'active'`),
    index("checkin_schedules_practice_client_idx").on(t.practiceId, t.clientId),
    check("checkin_schedules_every_weeks", sql`${t.everyWeeks} between ${sql.raw(String(CHECKIN_MIN_WEEKS))} and ${sql.raw(String(CHECKIN_MAX_WEEKS))}`),
    check("checkin_schedules_stopped", sql`(${t.status} = 'stopped') = (${t.stoppedAt} is not null)`),
    check("checkin_schedules_paused_reason", sql`(${t.pausedReason} is null) or (${t.status} = 'paused')`),
    check("checkin_schedules_unanswered", sql`${t.unansweredInRow} >= 0`),
  ],
);
