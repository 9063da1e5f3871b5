import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { expect } from "vitest";
import { getDb } from "@/server/db/client";
import { intakeResponses } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createBooking } from "@/server/scheduling/bookings";
import { createBookablePractice } from "./factories";

/** The AppError a promise rejects with (failing the test if it resolves or throws something else). */
export async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/**
 * A practice selling relationship coaching, and a couple (Sam, in New York, and Alex) who booked it
 * for `start` (local to `zone`): booking gives each partner their own intake.
 */
export async function coupleBooked(zone: string, start: string) {
  const practice = await createBookablePractice(zone, { kind: "relationship", name: "Relationship", slug: "relationship" });
  const booking = await createBooking(practice.practiceId, {
    offering: "relationship",
    start: DateTime.fromISO(start, { zone }).toJSDate(),
    name: "Sam",
    email: "sam@example.test",
    timeZone: "America/New_York",
    partner: { name: "Alex", email: "alex@example.test" },
  });
  const responses = await getDb().select().from(intakeResponses).where(eq(intakeResponses.bookingId, booking.id));
  const scopeOf = (clientId: string) => ({ practiceId: practice.practiceId, clientId, responseId: responses.find((r) => r.clientId === clientId)!.id });
  return { ...practice, booking, responses, sam: scopeOf(booking.clientId), alex: scopeOf(booking.partnerClientId!) };
}
