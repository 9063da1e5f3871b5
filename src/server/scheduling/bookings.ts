import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { bookings, clients, practices, type BookingPolicy } from "@/server/db/schema";
import { now as clock } from "@/server/clock";
import { AppError, isDeadlock, isExclusionViolation, notFound } from "@/server/errors";
import { assignIntakeForBooking, syncIntakeReminders } from "@/server/intake/assign";
import { findActiveOfferingBySlug } from "@/server/offerings/offerings";
import { parseInput } from "@/server/validate";
import { getPracticeCoachId } from "./availability-store";
import { bookedPageUrl, collectionFor, holdEndsAt, openCheckout } from "@/server/billing/checkout";
import { settleCanceledBooking } from "@/server/billing/booking-payments";
import { sweepExpiredHolds } from "@/server/billing/lifecycle";
import { spendCredit } from "@/server/billing/credits";
import { openPackageCheckout } from "@/server/billing/package-checkout";
import { noteCreditSpent } from "@/server/billing/package-emails";
import { packageCollection, packageFor, signedInClient } from "@/server/billing/pay-with";
import { findOrCreateClient, linkCoupleIfFree } from "./booking-clients";
import { enqueueBookingEmails } from "./booking-emails";
import { getBookingDetails, type BookingScope } from "./booking-queries";
import { manageLinkExpired, newManageSalt } from "./manage-token";
import { isStartOpen, type SlotContext } from "./open-slots";
import { ROOM_RANDOM_BYTES, videoRoomUrl } from "@/lib/scheduling/meeting-place";
import { canClientCancel, canClientReschedule, policyFor, type Actor } from "@/lib/scheduling/policy";
import { canMarkOutcome, HOLDING_STATUSES, holdsTime, isCanceled } from "@/lib/scheduling/status";
import { z } from "zod";
import { cancelReasonSchema, createBookingInput, type CreateBookingInput } from "./schemas";

const newStartSchema = z.date({ error: "Choose a time." });

type Practice = typeof practices.$inferSelect;
type Client = typeof clients.$inferSelect;

const MINUTE = 60_000;

const slotTaken = () =>
  new AppError("slot_taken", "Someone booked that time a moment ago. Please choose another time.");
const alreadyCanceled = () => new AppError("already_canceled", "This session was already canceled.");
const slotUnavailable = (actor: Actor) =>
  actor === "coach"
    ? // The coach isn't held to working hours, so what stands in the way is held time or the clock.
      new AppError("slot_unavailable", "That time overlaps another session, a block or your own calendar (buffers included), or has passed. Choose another time.")
    : new AppError("slot_unavailable", "That time is not available. Please choose one of the open times.");

/**
 * Books a session. The slot is re-checked with the same function that drew
 * the page; then Postgres's exclusion constraint settles any race: of two
 * people who pick one slot at once, exactly one gets it and the other a
 * `slot_taken` error. The confirmation and reminders are written to the
 * outbox in the same transaction.
 *
 * The session is filed under the practice's client with the booker's email
 * (and partner's), created when there is none, so the coach sees one history.
 * What the booker typed is kept on the booking. Anyone can book with any
 * email, so a public booking (actor "client") never changes an existing
 * record: no field is overwritten, an archived client stays archived, and
 * partners are linked only when both records are new. The coach booking from
 * the dashboard (actor "coach") edits their own records: a phone they type is
 * saved, an archived client is active again, and booker and partner are
 * linked as a couple unless either is linked to someone else.
 */
/**
 * How a client pays, besides the offering's own rule: `credit` spends one of
 * the signed-in client's credits (no checkout; the booking is theirs whatever
 * email was typed), `package` buys that package and books this as its first
 * session (held like a paid booking; docs/billing.md).
 */
export type PayWith = { credit: { clientId: string } } | { package: { packageId: string } };

export async function createBooking(practiceId: string, input: CreateBookingInput, options: { actor?: Actor; payWith?: PayWith } = {}) {
  const actor = options.actor ?? "client";
  const values = parseInput(createBookingInput, input);
  const practice = await getPracticeRow(practiceId);
  const offering = await findActiveOfferingBySlug(practiceId, values.offering);
  if (!offering) throw notFound("That offering");
  if (values.partner && offering.kind !== "relationship") {
    throw new AppError("invalid", "Only relationship sessions can include a partner.", {
      partner: ["Only relationship sessions can include a partner."],
    });
  }
  if (values.partner && values.partner.email === values.email) {
    throw new AppError("invalid", "Your partner needs their own email address.", { "partner.email": ["Use your partner's own email address."] });
  }
  const coachId = await getPracticeCoachId(practiceId);
  // Holds past their time free the slot even if their expiry event hasn't arrived.
  await sweepExpiredHolds({ coachId });
  const now = clock();
  const start = values.start;
  const end = new Date(start.getTime() + offering.durationMinutes * MINUTE);
  const ctx: SlotContext = { practiceId, timeZone: practice.timeZone, coachId, offering, actor, now };

  try {
    return await getDb().transaction(async (tx) => {
      if (!(await isStartOpen(ctx, start, tx))) throw slotUnavailable(actor);
      const adopt = actor === "coach";
      const payWith = options.payWith;
      const signedIn = payWith && "credit" in payWith ? await signedInClient(tx, practiceId, payWith.credit.clientId) : null;
      const booker = signedIn ? { client: signedIn, created: false } : await findOrCreateClient(tx, practiceId, { name: values.name, email: values.email, phone: values.phone, timeZone: values.timeZone }, { adopt });
      let partner: Client | null = null;
      if (values.partner) {
        const found = await findOrCreateClient(tx, practiceId, { ...values.partner, phone: null, timeZone: values.timeZone }, { adopt });
        partner = found.client;
        if (adopt || (booker.created && found.created)) partner = await linkCoupleIfFree(tx, booker.client, partner);
      }
      const client = booker.client;
      const policy: BookingPolicy = {
        ...policyFor(offering),
        minimumNoticeMinutes: offering.minimumNoticeMinutes,
        bufferBeforeMinutes: offering.bufferBeforeMinutes,
        bufferAfterMinutes: offering.bufferAfterMinutes,
        lateCancelRefundPercent: offering.lateCancelRefundPercent,
        graceMinutes: practice.bookingGraceMinutes,
      };
      const pkg = payWith && "package" in payWith ? await packageFor(tx, practiceId, offering.id, payWith.package.packageId) : null;
      const collection = pkg ? await packageCollection(practiceId, tx) : signedIn ? null : await collectionFor(practiceId, offering, actor, tx);
      const checkout = collection?.kind === "checkout";
      const [booking] = await tx
        .insert(bookings)
        .values({
          practiceId,
          offeringId: offering.id,
          coachId,
          clientId: client.id,
          partnerClientId: partner?.id ?? null,
          // Paid at booking: the time is held while the booker pays (docs/billing.md).
          status: checkout ? "pending_payment" : "confirmed",
          paymentStatus: checkout ? "awaiting" : !collection ? "credit" : collection.kind === "free" ? "not_required" : "unpaid",
          holdExpiresAt: checkout ? holdEndsAt(now) : null,
          startsAt: start,
          endsAt: end,
          ...heldRange(start, end, policy),
          clientTimeZone: values.timeZone,
          bookerName: values.name,
          bookerEmail: values.email,
          bookerPhone: values.phone,
          note: values.note,
          partnerName: values.partner?.name ?? null,
          partnerEmail: values.partner?.email ?? null,
          policy,
          bookedBy: actor,
          // The session's own room, made once: a reschedule keeps it (docs/scheduling.md#meeting-places).
          videoUrl: videoRoomUrl(practice.videoBaseUrl, randomBytes(ROOM_RANDOM_BYTES)),
          // The grace period counts from here, on the same clock as every rule (the test clock too).
          createdAt: now,
        })
        .returning();
      if (pkg && collection?.kind === "checkout") {
        // Paid: the credits are granted and the first one pays this booking (billing/package-checkout.ts).
        const returnUrl = bookedPageUrl(booking!, practice, offering);
        const { payment } = await openPackageCheckout(tx, { practice, pkg, clientId: client.id, email: values.email, booking: booking!, collection, returnUrl });
        return { ...booking!, checkout: { url: payment.checkoutUrl!, expiresAt: booking!.holdExpiresAt! } };
      }
      if (collection?.kind === "checkout") {
        // The confirmation (and the intake it assigns) waits for the payment (billing/lifecycle.ts).
        const payment = await openCheckout(tx, { booking: booking!, practice, offering, collection });
        return { ...booking!, checkout: { url: payment.checkoutUrl!, expiresAt: booking!.holdExpiresAt! } };
      }
      if (!collection) {
        const spent = await spendCredit(tx, { practiceId, clientId: client.id, offeringId: offering.id, bookingId: booking!.id, at: now });
        await noteCreditSpent(tx, { practice, client, grant: spent.grant, left: spent.left });
      }
      await assignIntakeForBooking(tx, { booking: booking!, offering, practice, people: partner ? [client, partner] : [client], now });
      await enqueueBookingEmails(tx, { event: "confirmed", booking: booking!, practice, offering, client, partner, now });
      return { ...booking!, checkout: null };
    });
  } catch (error) {
    if (isExclusionViolation(error, "bookings_no_overlap") || isDeadlock(error)) throw slotTaken();
    throw error;
  }
}

/** Moves a booking to a new start, within the policy (the coach is exempt). */
export async function rescheduleBooking(scope: BookingScope, bookingId: string, newStart: Date | undefined, options: { actor?: Actor } = {}) {
  const actor = options.actor ?? "client";
  const start = parseInput(newStartSchema, newStart);
  const { booking, practice, offering, client, partner } = await getBookingDetails(scope, bookingId);
  const now = clock();
  const decision = canClientReschedule({ start: booking.startsAt, bookedAt: booking.createdAt, status: booking.status, policy: booking.policy }, now, actor);
  if (!decision.allowed) throw new AppError(decision.code === "not_active" ? "conflict" : "forbidden", decision.reason);
  if (start.getTime() === booking.startsAt.getTime()) return booking;

  const end = new Date(start.getTime() + (booking.endsAt.getTime() - booking.startsAt.getTime()));
  const ctx: SlotContext = {
    practiceId: scope.practiceId,
    timeZone: practice.timeZone,
    coachId: booking.coachId,
    offering,
    actor,
    ignoreBookingId: booking.id,
    now,
  };
  try {
    return await getDb().transaction(async (tx) => {
      if (!(await isStartOpen(ctx, start, tx))) throw slotUnavailable(actor);
      const [updated] = await tx
        .update(bookings)
        .set({ startsAt: start, endsAt: end, ...heldRange(start, end, booking.policy), sequence: sql`${bookings.sequence} + 1` })
        .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...HOLDING_STATUSES])))
        .returning();
      if (!updated) throw new AppError("conflict", "This session changed meanwhile. Reload to see its current state.");
      await syncIntakeReminders(tx, { booking: updated, practice, offering, now });
      await enqueueBookingEmails(tx, {
        event: "rescheduled",
        booking: updated,
        previousStart: booking.startsAt,
        actor,
        practice,
        offering,
        client,
        partner,
        now,
      });
      return updated;
    });
  } catch (error) {
    if (isExclusionViolation(error, "bookings_no_overlap") || isDeadlock(error)) throw slotTaken();
    throw error;
  }
}

/**
 * Cancels a booking. A client's cancel inside the cancellation window is
 * recorded as `late_canceled` (billing decides refund or forfeit), except in
 * the grace period right after booking, when it is an undo: `canceled`, and
 * refunded in full. The coach is never late. Pending reminders are withdrawn.
 */
export async function cancelBooking(scope: BookingScope, bookingId: string, options: { actor?: Actor; reason?: string | null } = {}) {
  const actor = options.actor ?? "client";
  const reason = parseInput(cancelReasonSchema, options.reason ?? undefined);
  const { booking, practice, offering, client, partner } = await getBookingDetails(scope, bookingId);
  const now = clock();
  if (isCanceled(booking.status)) throw alreadyCanceled();
  const decision = canClientCancel({ start: booking.startsAt, bookedAt: booking.createdAt, status: booking.status, policy: booking.policy }, now, actor);
  if (!decision.allowed) throw new AppError(decision.code === "not_active" ? "conflict" : "forbidden", decision.reason);
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({
        status: decision.late ? "late_canceled" : "canceled",
        canceledAt: now,
        canceledBy: actor,
        cancelReason: reason,
        sequence: sql`${bookings.sequence} + 1`,
      })
      .where(and(eq(bookings.id, booking.id), inArray(bookings.status, [...HOLDING_STATUSES])))
      .returning();
    if (!updated) throw alreadyCanceled();
    // Money follows the policy snapshot: refund in full, in part, or none (billing).
    await settleCanceledBooking(tx, updated, { actor, late: decision.late });
    await syncIntakeReminders(tx, { booking: updated, practice, offering, now });
    await enqueueBookingEmails(tx, { event: "canceled", booking: updated, actor, practice, offering, client, partner, now });
    return updated;
  });
}

/**
 * Revokes a booking's manage links (booker's and partner's): a new salt makes
 * every link mailed so far "not found". While the session still holds time,
 * each of them is emailed a new link with an updated invite, and their pending
 * reminders are rewritten to carry it. Returns where the new links went.
 */
export async function revokeManageLinks(practiceId: string, bookingId: string) {
  const { booking, practice, offering, client, partner } = await getBookingDetails({ practiceId }, bookingId);
  const now = clock();
  if (manageLinkExpired(booking, now)) {
    throw new AppError("conflict", "The links to this session have already expired; there is nothing to revoke.");
  }
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({ manageSalt: newManageSalt(), sequence: sql`${bookings.sequence} + 1` })
      .where(and(eq(bookings.practiceId, practiceId), eq(bookings.id, booking.id)))
      .returning();
    const holding = holdsTime(updated!.status);
    if (holding) await enqueueBookingEmails(tx, { event: "new-link", booking: updated!, practice, offering, client, partner, now });
    const sentTo = holding ? [updated!.bookerEmail, ...(updated!.partnerEmail ? [updated!.partnerEmail] : [])] : [];
    return { booking: updated!, sentTo };
  });
}

/** After the session: the coach records whether it happened. */
export async function markBookingOutcome(practiceId: string, bookingId: string, outcome: "completed" | "no_show") {
  const { booking } = await getBookingDetails({ practiceId }, bookingId);
  const decision = canMarkOutcome({ status: booking.status, start: booking.startsAt }, clock());
  if (!decision.allowed) throw new AppError("conflict", decision.reason);
  return getDb().transaction(async (tx) => {
    const [updated] = await tx
      .update(bookings)
      .set({ status: outcome })
      .where(and(eq(bookings.practiceId, practiceId), eq(bookings.id, booking.id)))
      .returning();
    // A no-show pays what a late cancel pays (the offering's late-cancel rule, snapshotted).
    if (outcome === "no_show") await settleCanceledBooking(tx, updated!, { actor: "client", late: true, noShow: true });
    return updated!;
  });
}

function heldRange(start: Date, end: Date, policy: Pick<BookingPolicy, "bufferBeforeMinutes" | "bufferAfterMinutes">) {
  return {
    blockedFrom: new Date(start.getTime() - policy.bufferBeforeMinutes * MINUTE),
    blockedUntil: new Date(end.getTime() + policy.bufferAfterMinutes * MINUTE),
  };
}

async function getPracticeRow(practiceId: string): Promise<Practice> {
  const [practice] = await getDb().select().from(practices).where(eq(practices.id, practiceId));
  if (!practice) throw notFound("That practice");
  return practice;
}
