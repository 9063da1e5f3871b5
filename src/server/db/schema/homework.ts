import "server-only";
import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ASSIGNMENT_STATUSES, CADENCE_KINDS } from "@/lib/homework/cadence";
import { sealedText } from "@/server/crypto/sealed";
import { users } from "./auth";
import { clients, practices } from "./practices";

export const cadenceKind = pgEnum("homework_cadence", CADENCE_KINDS);
export const assignmentStatus = pgEnum("homework_assignment_status", ASSIGNMENT_STATUSES);

const practiceScope = () => ({
  practiceId: uuid()
    .notNull()
    .references(() => practices.id, { onDelete: "cascade" }),
});

const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
});

/** A cadence's columns agree with its kind (N a week: 2–6; once: a due date). */
const cadenceCheck = (kind: unknown, times: unknown) =>
  sql`(${kind} = 'times_per_week') = (${times} is not null) and (${times} is null or ${times} between 2 and 6)`;

/** The practice library: the framework's twelve (frameworkKey set) and the coach's own. */
export const homeworkPractices = pgTable(
  "homework_practices",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...practiceScope(),
    /** Which of the framework's practices this row is; null for the coach's own. */
    frameworkKey: text(),
    title: text().notNull(),
    instructions: text().notNull(),
    reflectionPrompt: text().notNull(),
    cadenceKind: cadenceKind().notNull(),
    timesPerWeek: smallint(),
    /** Retired practices stay for the assignments made from them but are offered no more. */
    retiredAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("homework_practices_framework_key").on(t.practiceId, t.frameworkKey),
    check("homework_practices_cadence", cadenceCheck(t.cadenceKind, t.timesPerWeek)),
  ],
);

/**
 * A practice assigned to a client, with the library's text as it was when assigned. A couple's
 * shared practice has `partnerClientId` (either partner marks it done, both see it); "both
 * partners, each" is two rows, one per partner.
 */
export const homeworkAssignments = pgTable(
  "homework_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...practiceScope(),
    libraryPracticeId: uuid()
      .notNull()
      .references(() => homeworkPractices.id, { onDelete: "restrict" }),
    clientId: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    partnerClientId: uuid().references(() => clients.id, { onDelete: "cascade" }),
    assignedBy: text().references(() => users.id, { onDelete: "set null" }),
    title: text().notNull(),
    instructions: text().notNull(),
    reflectionPrompt: text().notNull(),
    /** What the coach added for this client, shown under the library's instructions. */
    personalInstructions: text(),
    cadenceKind: cadenceKind().notNull(),
    timesPerWeek: smallint(),
    dueDate: date({ mode: "string" }),
    startDate: date({ mode: "string" }).notNull(),
    /** The last date (inclusive); null = open-ended, or until the next session when that is set. */
    endDate: date({ mode: "string" }),
    untilNextSession: boolean().notNull().default(false),
    status: assignmentStatus().notNull().default("active"),
    endedAt: timestamp({ withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index("homework_assignments_client_idx").on(t.practiceId, t.clientId),
    index("homework_assignments_partner_idx").on(t.practiceId, t.partnerClientId),
    check("homework_assignments_cadence", cadenceCheck(t.cadenceKind, t.timesPerWeek)),
    check("homework_assignments_due", sql`(${t.cadenceKind} = 'once') = (${t.dueDate} is not null) and (${t.dueDate} is null or ${t.dueDate} >= ${t.startDate})`),
    check("homework_assignments_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate} - 1`),
    check("homework_assignments_end_mode", sql`not (${t.untilNextSession} and ${t.endDate} is not null and ${t.status} <> 'ended')`),
    check("homework_assignments_partner", sql`${t.partnerClientId} is null or ${t.partnerClientId} <> ${t.clientId}`),
    check("homework_assignments_ended", sql`(${t.status} = 'ended') = (${t.endedAt} is not null)`),
  ],
);

/** When an assignment was paused, as the client's local dates: [pausedOn, resumedOn). */
export const homeworkPauses = pgTable(
  "homework_pauses",
  {
    id: uuid().primaryKey().defaultRandom(),
    assignmentId: uuid()
      .notNull()
      .references(() => homeworkAssignments.id, { onDelete: "cascade" }),
    pausedOn: date({ mode: "string" }).notNull(),
    resumedOn: date({ mode: "string" }),
  },
  (t) => [
    // One open pause at a time.
    uniqueIndex("homework_pauses_open_key").on(t.assignmentId).where(sql`${t.resumedOn} is null`),
    check("homework_pauses_order", sql`${t.resumedOn} is null or ${t.resumedOn} >= ${t.pausedOn}`),
  ],
);

/** One occurrence marked done, with the client's reflection (sealed at rest). */
export const homeworkCompletions = pgTable(
  "homework_completions",
  {
    id: uuid().primaryKey().defaultRandom(),
    ...practiceScope(),
    assignmentId: uuid()
      .notNull()
      .references(() => homeworkAssignments.id, { onDelete: "cascade" }),
    /** The occurrence (src/lib/homework/occurrences.ts): its date and slot. */
    occurrenceDate: date({ mode: "string" }).notNull(),
    occurrenceSlot: smallint().notNull(),
    completedBy: uuid()
      .notNull()
      .references(() => clients.id, { onDelete: "cascade" }),
    completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** The client's local date when marked done: undo is allowed that day only. */
    completedOn: date({ mode: "string" }).notNull(),
    reflection: sealedText(),
    /** How it went, 1–5. */
    rating: smallint(),
  },
  (t) => [
    // Marking one occurrence done twice leaves one completion.
    uniqueIndex("homework_completions_occurrence_key").on(t.assignmentId, t.occurrenceDate, t.occurrenceSlot),
    index("homework_completions_practice_time_idx").on(t.practiceId, t.completedAt),
    check("homework_completions_rating", sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check("homework_completions_slot", sql`${t.occurrenceSlot} between 1 and 6`),
  ],
);
