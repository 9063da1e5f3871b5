import "server-only";
import { timestamp } from "drizzle-orm/pg-core";

/** When a row was made: the project's createdAt column (timestamptz, set by the database). */
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** When a row last changed: like createdAt, and Drizzle refreshes it on every update. */
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
