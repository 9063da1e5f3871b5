import "server-only";
import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { isLive } from "@/lib/billing/plans";
import { env } from "@/lib/env";
import { HOLDING_STATUSES } from "@/lib/scheduling/status";
import { now } from "@/server/clock";
import { getDb, type DbOrTx } from "@/server/db/client";
import {
  bookings,
  checkInSchedules,
  clientDeletions,
  clients,
  creditGrants,
  creditLedger,
  crisisAlerts,
  devMailbox,
  emailOutbox,
  homeworkAssignments,
  homeworkCompletions,
  intakeResponses,
  memberships,
  packagePurchases,
  payments,
  planInvoices,
  planSubscriptions,
  practices,
  refunds,
  sessionNotes,
  users,
} from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { enqueueEmail } from "@/server/notifications/outbox";
import { dropClientMembershipIfUnused, getClient } from "./clients";

const idSchema = z.uuid();

/** What a deleted client's row is called from then on (payments lists, a partner's joint sessions). */
const DELETED_CLIENT_NAME = "Deleted client";

/** A placeholder that keeps `clients.email` unique and can never be delivered (.invalid, RFC 2606). */
const tombstoneEmail = (clientId: string) => `deleted-${clientId}@deleted.invalid`;

const UPCOMING = (clientId: string, at: Date) =>
  and(or(eq(bookings.clientId, clientId), eq(bookings.partnerClientId, clientId)), inArray(bookings.status, [...HOLDING_STATUSES]), gt(bookings.startsAt, at));

/**
 * What deleting a client would do, for the confirmation dialog: their partner (whose joint
 * sessions stay), how many upcoming sessions would be canceled, and whether one of them is paid
 * (that must be refunded or canceled first, so the money is settled by the coach's own choice).
 */
export async function describeClientDeletion(practiceId: string, clientId: string) {
  return describeDeletionOf(practiceId, await getClient(practiceId, clientId));
}

/** `describeClientDeletion` for a client row the caller has already read (the client page), so it isn't read again. */
export async function describeDeletionOf(practiceId: string, client: Pick<typeof clients.$inferSelect, "id" | "name" | "partnerId" | "deletionRequestedAt">) {
  const db = getDb();
  const partner = client.partnerId
    ? ((await db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, client.partnerId))))[0] ?? null)
    : null;
  const upcoming = await db
    .select({ id: bookings.id, paymentStatus: payments.status, partnerClientId: bookings.partnerClientId })
    .from(bookings)
    .leftJoin(payments, eq(payments.bookingId, bookings.id))
    .where(and(eq(bookings.practiceId, practiceId), UPCOMING(client.id, now())));
  const [joint] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(bookings)
    .where(
      and(
        eq(bookings.practiceId, practiceId),
        or(and(eq(bookings.clientId, client.id), sql`${bookings.partnerClientId} is not null`), eq(bookings.partnerClientId, client.id)),
      ),
    );
  const renewing = await renewingPlans(db, practiceId, client.id);
  return {
    name: client.name,
    requestedAt: client.deletionRequestedAt,
    partner,
    jointSessions: joint?.count ?? 0,
    upcomingSessions: upcoming.length,
    upcomingPaid: upcoming.filter((u) => u.paymentStatus === "paid" || u.paymentStatus === "partially_refunded").length,
    renewingPlan: renewing.length > 0,
  };
}

/**
 * The client's monthly plans that will bill again: live and not set to end at the period's end.
 * Deleting the record would leave Stripe charging someone the practice no longer knows.
 */
async function renewingPlans(db: DbOrTx, practiceId: string, clientId: string) {
  const subs = await db
    .select({ id: planSubscriptions.id, state: planSubscriptions.state, cancelAtPeriodEnd: planSubscriptions.cancelAtPeriodEnd })
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.practiceId, practiceId), eq(planSubscriptions.clientId, clientId)));
  return subs.filter((sub) => isLive(sub.state) && !sub.cancelAtPeriodEnd);
}

/**
 * Deletes a client (GDPR erasure), in one transaction, and records that it happened.
 *
 * - Goes: their intake responses (answers, profiles, crisis alerts), their homework entries
 *   (reflections) and the homework that was theirs alone, the coach's notes on their own
 *   sessions, their own sessions that carry no payment, the booker's note and contact details on
 *   the sessions that stay, the data of every email addressed to them or about what was deleted
 *   (the rows stay as "sent, to a deleted client", for the dispatcher's bookkeeping), the dev
 *   mailbox's copies, their portal access (and the sign-in account, when it opens nothing else).
 * - Stays: their money, filed under a tombstone row ("Deleted client", a placeholder address, no
 *   phone, no account): session payments with their sessions, package purchases with their
 *   payments, plan subscriptions with their months, and every refund of these (amounts, dates,
 *   states; a refund's reason, the coach's words, is cleared); the credit grants and ledger (the
 *   ledger is append-only, a trigger refuses UPDATE, so the coach's adjustment reasons stay as
 *   written). Emails about their packages, plan and credits lose their data like the rest. And,
 *   for a couple, the joint sessions with both of the coach's notes on them and shared homework
 *   (now the partner's alone): those are the remaining partner's record too.
 * - Upcoming sessions they are in (joint ones included) are canceled by the coach without any
 *   email: the deleted person must not be written to, and the coach tells a partner themself.
 *   A paid upcoming session refuses the deletion until it is refunded or canceled; so does a
 *   monthly plan that will renew, until it is set to end at the period's end.
 * - A `client_deletions` row says who deleted, when, whether the client had asked, and how many
 *   rows of each kind went: numbers only.
 */
export async function deleteClient(practiceId: string, deletedBy: string | null, clientId: string) {
  if (!idSchema.safeParse(clientId).success) throw notFound("That client");
  return getDb().transaction(async (tx) => {
    const [client] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, practiceId), eq(clients.id, clientId), isNull(clients.deletedAt)))
      .for("update");
    if (!client) throw notFound("That client");
    const at = now();
    const counts: Record<string, number> = {};
    const placeholder = tombstoneEmail(client.id);

    // 1. Upcoming sessions: refuse while one is paid; otherwise cancel them, quietly.
    const upcoming = await tx
      .select({ id: bookings.id, payment: payments })
      .from(bookings)
      .leftJoin(payments, eq(payments.bookingId, bookings.id))
      .where(and(eq(bookings.practiceId, practiceId), UPCOMING(client.id, at)))
      .for("update", { of: bookings });
    if (upcoming.some((u) => u.payment && ["paid", "partially_refunded"].includes(u.payment.status) && u.payment.amountCents > u.payment.refundedCents)) {
      throw new AppError("conflict", "This client has a paid upcoming session. Cancel it or refund it first, so the money is settled before the record goes.");
    }
    if ((await renewingPlans(tx, practiceId, client.id)).length) {
      throw new AppError("conflict", "This client's monthly plan still renews. Cancel it at the period's end first, so nobody is charged after the record goes.");
    }
    const upcomingIds = upcoming.map((u) => u.id);
    if (upcomingIds.length) {
      await tx
        .update(bookings)
        .set({ status: "canceled", canceledAt: at, canceledBy: "coach", cancelReason: null, holdExpiresAt: null, sequence: sql`${bookings.sequence} + 1` })
        .where(inArray(bookings.id, upcomingIds));
      await tx.update(payments).set({ status: "expired" }).where(and(inArray(payments.bookingId, upcomingIds), eq(payments.status, "awaiting")));
      await tx.update(bookings).set({ paymentStatus: "expired" }).where(and(inArray(bookings.id, upcomingIds), eq(bookings.paymentStatus, "awaiting")));
      await tx
        .update(emailOutbox)
        .set({ status: "canceled" })
        .where(and(inArray(emailOutbox.topic, upcomingIds.map((id) => `booking:${id}`)), eq(emailOutbox.status, "pending"), isNull(emailOutbox.requestKey)));
    }
    counts.upcomingSessionsCanceled = upcomingIds.length;

    // 2. Sessions: joint ones stay (the partner's too), paid ones stay for the books, the rest go.
    const partnerId = client.partnerId;
    // A session paid with money or with a credit stays: deleting it would take the payment (or the
    // ledger's spend, which would hand the credit back) with it.
    const sessions = await tx
      .select({
        id: bookings.id,
        clientId: bookings.clientId,
        partnerClientId: bookings.partnerClientId,
        paymentId: sql<string | null>`coalesce(${payments.id}::text, (select ${creditLedger.id}::text from ${creditLedger} where ${creditLedger.bookingId} = ${bookings.id} limit 1))`,
      })
      .from(bookings)
      .leftJoin(payments, eq(payments.bookingId, bookings.id))
      .where(and(eq(bookings.practiceId, practiceId), or(eq(bookings.clientId, client.id), eq(bookings.partnerClientId, client.id))));
    // A session is joint while the other person is still a client (not deleted before).
    const otherIds = [...new Set(sessions.map((s) => (s.clientId === client.id ? s.partnerClientId : s.clientId)).filter((id): id is string => !!id))];
    const gone = new Set(
      otherIds.length
        ? (await tx.select({ id: clients.id }).from(clients).where(and(inArray(clients.id, otherIds), isNotNull(clients.deletedAt)))).map((r) => r.id)
        : [],
    );
    const otherOf = (s: (typeof sessions)[number]) => {
      const other = s.clientId === client.id ? s.partnerClientId : s.clientId;
      return other && !gone.has(other) ? other : null;
    };
    const joint = sessions.filter((s) => otherOf(s) !== null);
    const solo = sessions.filter((s) => otherOf(s) === null);
    const soloPaid = solo.filter((s) => s.paymentId).map((s) => s.id);
    const soloUnpaid = solo.filter((s) => !s.paymentId).map((s) => s.id);
    // Topics whose emails name them (every session they were in, joint ones too): cleared below.
    const topics = sessions.map((s) => `booking:${s.id}`);
    if (soloPaid.length) {
      counts.sessionNotesDeleted = (
        await tx.delete(sessionNotes).where(and(eq(sessionNotes.practiceId, practiceId), inArray(sessionNotes.bookingId, soloPaid))).returning({ id: sessionNotes.id })
      ).length;
    }
    if (soloUnpaid.length) {
      counts.sessionNotesDeleted =
        (counts.sessionNotesDeleted ?? 0) +
        (await tx.delete(sessionNotes).where(and(eq(sessionNotes.practiceId, practiceId), inArray(sessionNotes.bookingId, soloUnpaid))).returning({ id: sessionNotes.id }))
          .length;
      await tx.delete(bookings).where(and(eq(bookings.practiceId, practiceId), inArray(bookings.id, soloUnpaid)));
    }
    counts.sessionsDeleted = soloUnpaid.length;
    counts.sessionsKeptForPayments = soloPaid.length;
    counts.jointSessionsKept = joint.length;
    // What the deleted person typed on the sessions that stay.
    const kept = [...soloPaid, ...joint.map((s) => s.id)];
    if (kept.length) {
      await tx
        .update(bookings)
        .set({ bookerName: DELETED_CLIENT_NAME, bookerEmail: placeholder, bookerPhone: null, note: null })
        .where(and(eq(bookings.practiceId, practiceId), inArray(bookings.id, kept), eq(bookings.clientId, client.id)));
      await tx
        .update(bookings)
        .set({ partnerName: DELETED_CLIENT_NAME, partnerEmail: null })
        .where(and(eq(bookings.practiceId, practiceId), inArray(bookings.id, kept), eq(bookings.partnerClientId, client.id)));
    }
    if (soloPaid.length) {
      await tx.update(bookings).set({ cancelReason: null }).where(and(eq(bookings.practiceId, practiceId), inArray(bookings.id, soloPaid)));
    }
    // Refund reasons are the coach's words about the client; amounts and dates stay. Their money
    // is a session they booked, a package they bought or a month of their plan.
    const sessionPayments = tx.select({ id: payments.id }).from(payments).innerJoin(bookings, eq(bookings.id, payments.bookingId)).where(eq(bookings.clientId, client.id));
    const packagePayments = tx
      .select({ id: payments.id })
      .from(payments)
      .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
      .where(and(eq(packagePurchases.practiceId, practiceId), eq(packagePurchases.clientId, client.id)));
    const planMonths = tx.select({ id: planInvoices.id }).from(planInvoices).where(and(eq(planInvoices.practiceId, practiceId), eq(planInvoices.clientId, client.id)));
    await tx
      .update(refunds)
      .set({ reason: null })
      .where(
        and(
          eq(refunds.practiceId, practiceId),
          or(inArray(refunds.paymentId, sessionPayments), inArray(refunds.paymentId, packagePayments), inArray(refunds.planInvoiceId, planMonths)),
        ),
      );
    // Emails about their packages, plan and credits (the coach's dispute alerts name them too).
    const purchases = await tx.select({ id: packagePurchases.id }).from(packagePurchases).where(and(eq(packagePurchases.practiceId, practiceId), eq(packagePurchases.clientId, client.id)));
    const subscriptions = await tx
      .select({ id: planSubscriptions.id })
      .from(planSubscriptions)
      .where(and(eq(planSubscriptions.practiceId, practiceId), eq(planSubscriptions.clientId, client.id)));
    const grants = await tx.select({ id: creditGrants.id }).from(creditGrants).where(and(eq(creditGrants.practiceId, practiceId), eq(creditGrants.clientId, client.id)));
    topics.push(...purchases.map((p) => `package-purchase:${p.id}`), ...subscriptions.map((p) => `plan:${p.id}`), ...grants.map((g) => `credit-grant:${g.id}`));

    // 3. Intakes (answers, profiles; their crisis alerts go with them).
    const responses = await tx
      .delete(intakeResponses)
      .where(and(eq(intakeResponses.practiceId, practiceId), eq(intakeResponses.clientId, client.id)))
      .returning({ id: intakeResponses.id });
    topics.push(...responses.map((r) => `intake:${r.id}`));
    counts.intakeResponsesDeleted = responses.length;
    const alerts = await tx.delete(crisisAlerts).where(and(eq(crisisAlerts.practiceId, practiceId), eq(crisisAlerts.clientId, client.id))).returning({ id: crisisAlerts.id });
    topics.push(...alerts.map((a) => `crisis:${a.id}`));

    // Re-assessment check-ins set up for them stop (a couple's schedule with them too; the partner's copies stay).
    counts.checkInSchedulesDeleted = (
      await tx.delete(checkInSchedules).where(and(eq(checkInSchedules.practiceId, practiceId), eq(checkInSchedules.clientId, client.id))).returning({ id: checkInSchedules.id })
    ).length;

    // 4. Homework: their entries go; shared practices stay as the partner's alone; theirs alone go.
    counts.reflectionsDeleted = (
      await tx
        .delete(homeworkCompletions)
        .where(and(eq(homeworkCompletions.practiceId, practiceId), eq(homeworkCompletions.completedBy, client.id)))
        .returning({ id: homeworkCompletions.id })
    ).length;
    const handedOver = await tx
      .update(homeworkAssignments)
      .set({ clientId: sql`${homeworkAssignments.partnerClientId}`, partnerClientId: null })
      .where(and(eq(homeworkAssignments.practiceId, practiceId), eq(homeworkAssignments.clientId, client.id), sql`${homeworkAssignments.partnerClientId} is not null`))
      .returning({ id: homeworkAssignments.id });
    const released = await tx
      .update(homeworkAssignments)
      .set({ partnerClientId: null })
      .where(and(eq(homeworkAssignments.practiceId, practiceId), eq(homeworkAssignments.partnerClientId, client.id)))
      .returning({ id: homeworkAssignments.id });
    counts.sharedHomeworkKept = handedOver.length + released.length;
    counts.homeworkDeleted = (
      await tx
        .delete(homeworkAssignments)
        .where(and(eq(homeworkAssignments.practiceId, practiceId), eq(homeworkAssignments.clientId, client.id)))
        .returning({ id: homeworkAssignments.id })
    ).length;
    topics.push(`homework:${client.id}`, `deletion-request:${client.id}`);

    // 5. Emails: nothing more goes out to them; what was sent keeps only that it was sent.
    counts.emailsRedacted = await redactEmails(tx, practiceId, client.email, placeholder, topics);

    // 6. The row becomes a tombstone; the partner is released; portal access ends.
    if (partnerId) await tx.update(clients).set({ partnerId: null }).where(and(eq(clients.practiceId, practiceId), eq(clients.id, partnerId)));
    await tx
      .update(clients)
      .set({
        name: DELETED_CLIENT_NAME,
        email: placeholder,
        phone: null,
        userId: null,
        partnerId: null,
        status: "archived",
        homeworkEmail: "off",
        deletionRequestedAt: null,
        deletedAt: at,
      })
      .where(eq(clients.id, client.id));
    if (client.userId) await closePortalAccount(tx, practiceId, client.userId);

    const [record] = await tx
      .insert(clientDeletions)
      .values({ practiceId, clientId: client.id, deletedBy, requestedAt: client.deletionRequestedAt, deletedAt: at, counts })
      .returning();
    return record!;
  });
}

/**
 * Emails to the client's address, and those about what was deleted (its topics): pending ones are
 * withdrawn, and every one keeps its template, status and times but loses its data and recipient.
 * The dev mailbox's rendered copies of them go.
 */
async function redactEmails(tx: DbOrTx, practiceId: string, email: string, placeholder: string, topics: string[]) {
  const concerned = and(
    eq(emailOutbox.practiceId, practiceId),
    or(sql`lower(${emailOutbox.recipient}) = ${email.toLowerCase()}`, topics.length ? inArray(emailOutbox.topic, topics) : sql`false`),
  );
  await tx.update(emailOutbox).set({ status: "canceled" }).where(and(concerned, eq(emailOutbox.status, "pending")));
  const keys = (await tx.select({ key: emailOutbox.idempotencyKey }).from(emailOutbox).where(concerned)).map((r) => r.key);
  if (keys.length) await tx.delete(devMailbox).where(inArray(devMailbox.idempotencyKey, keys));
  const address = email.toLowerCase();
  const rows = await tx
    .update(emailOutbox)
    .set({
      recipient: sql`case when lower(${emailOutbox.recipient}) = ${address} then ${placeholder} else ${emailOutbox.recipient} end`,
      // Keys name the recipient ("booking:<id>:v0:confirmed:<email>"): the address goes from them too.
      idempotencyKey: sql`replace(lower(${emailOutbox.idempotencyKey}), ${address}, ${placeholder})`,
      requestKey: null,
      data: {},
      lastError: null,
    })
    .where(concerned)
    .returning({ id: emailOutbox.id });
  return rows.length;
}

/** Their client membership goes unless another record here is theirs; the account, once it opens nothing. */
async function closePortalAccount(tx: DbOrTx, practiceId: string, userId: string) {
  await dropClientMembershipIfUnused(tx, practiceId, userId);
  const [anyMembership] = await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)).limit(1);
  const [anyRecord] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.userId, userId)).limit(1);
  // Sessions and accounts go with the user (cascade): they are signed out everywhere.
  if (!anyMembership && !anyRecord) await tx.delete(users).where(eq(users.id, userId));
}

/**
 * The signed-in client asks for their record to be deleted: the request is kept on the record
 * (the coach's page shows it with a Delete button) and the coach is emailed once per request.
 * Asking again changes nothing. Returns when it was asked.
 */
export async function requestClientDeletion(scope: { practiceId: string; clientId: string }) {
  if (!idSchema.safeParse(scope.clientId).success) throw notFound("That client");
  return getDb().transaction(async (tx) => {
    const [client] = await tx
      .select()
      .from(clients)
      .where(and(eq(clients.practiceId, scope.practiceId), eq(clients.id, scope.clientId), isNull(clients.deletedAt)))
      .for("update");
    if (!client) throw notFound("That client");
    if (client.deletionRequestedAt) return { requestedAt: client.deletionRequestedAt };
    const at = now();
    await tx.update(clients).set({ deletionRequestedAt: at }).where(eq(clients.id, client.id));
    const [practice] = await tx.select({ name: practices.name, contactEmail: practices.contactEmail }).from(practices).where(eq(practices.id, scope.practiceId));
    await enqueueEmail(tx, {
      practiceId: scope.practiceId,
      to: practice!.contactEmail,
      template: "deletion-requested",
      data: { practiceName: practice!.name, clientName: client.name, clientUrl: new URL(`/coach/clients/${client.id}`, env().APP_URL).toString() },
      idempotencyKey: `deletion-request:${client.id}:${at.toISOString()}`,
      topic: `deletion-request:${client.id}`,
      priority: "transactional",
    });
    return { requestedAt: at };
  });
}
