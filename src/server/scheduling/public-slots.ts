import "server-only";
import { now } from "@/server/clock";
import { notFound } from "@/server/errors";
import { findActiveOfferingBySlug, findOfferingBySlug } from "@/server/offerings/offerings";
import { getPractice } from "@/server/practices/queries";
import { parseInput } from "@/server/validate";
import { getPracticeCoachId } from "./availability-store";
import { findOpenSlots } from "./open-slots";
import type { Actor } from "@/lib/scheduling/policy";
import { slotsQuery } from "./schemas";
import { rangeForLocalDates } from "@/lib/time/zones";

/**
 * Open times of one offering between two dates, the dates read in
 * `timeZone` (the booker's; default the practice's). What the booking page
 * and `GET …/slots` show.
 */
export async function listOpenSlots(
  practiceId: string,
  offeringSlug: string,
  query: { start?: string; end?: string; timeZone?: string },
  options: { actor?: Actor; ignoreBookingId?: string } = {},
) {
  const q = parseInput(slotsQuery, query);
  const practice = await getPractice(practiceId);
  // Moving an existing booking works even after the coach hid its offering from new bookings.
  const offering = options.ignoreBookingId
    ? await findOfferingBySlug(practiceId, offeringSlug)
    : await findActiveOfferingBySlug(practiceId, offeringSlug);
  if (!offering) throw notFound("That offering");
  const timeZone = q.timeZone ?? practice.timeZone;
  const range = rangeForLocalDates(q.start, q.end, timeZone);
  const coachId = await getPracticeCoachId(practiceId);
  const slots = await findOpenSlots(
    { practiceId, timeZone: practice.timeZone, coachId, offering, actor: options.actor, ignoreBookingId: options.ignoreBookingId, now: now() },
    range,
  );
  return { timeZone, offering, practice, slots };
}
