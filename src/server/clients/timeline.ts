import "server-only";
import { and, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { compareTimeline, excerptOf, type TimelineItem, type TimelineMoneyFor, type TimelinePage, type TimelinePerson } from "@/lib/clients/timeline";
import { getDb } from "@/server/db/client";
import {
  bookings,
  clients,
  crisisAlerts,
  emailOutbox,
  homeworkAssignments,
  homeworkCompletions,
  intakeResponses,
  offerings,
  packagePurchases,
  packages,
  payments,
  planInvoices,
  planSubscriptions,
  plans,
  questionnaires,
  refunds,
  sessionNotes,
} from "@/server/db/schema";
import { emailSubject } from "@/server/notifications/templates";
import { getClient } from "./clients";

/** Entries per page; "Show older" asks for the next. */
const TIMELINE_PAGE_SIZE = 30;

/** Rows each source may return beyond a page, so entries at the cursor's very instant are not lost. */
const SLACK = 20;

/** "<ISO instant>~<entry key>": where the previous page ended. Anything else reads as the first page. */
const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx) => {
    const [iso, key] = value.split("~");
    const at = z.iso.datetime({ offset: true }).safeParse(iso);
    if (!at.success || !key) {
      ctx.addIssue({ code: "custom", message: "not a cursor" });
      return z.NEVER;
    }
    return { at: new Date(at.data), key };
  });

const cursorOf = (item: Pick<TimelineItem, "at" | "key">) => `${item.at.toISOString()}~${item.key}`;

type TimelineOptions = { before?: string; limit?: number };

/**
 * One client's record on one timeline, newest first: sessions (as booker or as partner, once
 * each, with the start of the coach's notes), intakes, homework assigned and reflections written,
 * payments (sessions, packages, plan months) and refunds, emails sent to them (subject only), crisis alerts. Scoped to the
 * practice: a foreign or deleted client is "not found". Bounded: `TIMELINE_PAGE_SIZE` entries
 * at a time; `older` continues where this page ended.
 */
export async function clientTimeline(practiceId: string, clientId: string, options: TimelineOptions = {}): Promise<TimelinePage> {
  return timelineOf(practiceId, await getClient(practiceId, clientId), options);
}

/** `clientTimeline` for a client row the caller has already read (the client page), so it isn't read again. */
export async function timelineOf(practiceId: string, client: Pick<typeof clients.$inferSelect, "id" | "email">, options: TimelineOptions = {}): Promise<TimelinePage> {
  const limit = Math.min(Math.max(options.limit ?? TIMELINE_PAGE_SIZE, 1), 100);
  const cursor = options.before ? (cursorSchema.safeParse(options.before).data ?? null) : null;
  const take = limit + 1 + SLACK;
  /** `at` at or before the cursor's instant (the key breaks the tie below), newest first. */
  const upTo = (at: SQL | AnyPgColumn) => (cursor ? sql`${at} <= ${cursor.at.toISOString()}::timestamptz` : sql`true`);
  const db = getDb();
  const mine = or(eq(bookings.clientId, client.id), eq(bookings.partnerClientId, client.id))!;

  const [sessionRows, intakeRows, assignmentRows, completionRows, paymentRows, monthRows, refundRows, emailRows, crisisRows] = await Promise.all([
    db
      .select({ booking: bookings, offeringName: offerings.name })
      .from(bookings)
      .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
      .where(and(eq(bookings.practiceId, practiceId), mine, upTo(bookings.startsAt)))
      .orderBy(desc(bookings.startsAt))
      .limit(take),
    (() => {
      const at = sql`coalesce(${intakeResponses.submittedAt}, ${intakeResponses.assignedAt})`;
      return db
        .select({ id: intakeResponses.id, name: questionnaires.name, status: intakeResponses.status, assignedAt: intakeResponses.assignedAt, submittedAt: intakeResponses.submittedAt })
        .from(intakeResponses)
        .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
        .where(and(eq(intakeResponses.practiceId, practiceId), eq(intakeResponses.clientId, client.id), upTo(at)))
        .orderBy(desc(at))
        .limit(take);
    })(),
    db
      .select({
        id: homeworkAssignments.id,
        title: homeworkAssignments.title,
        status: homeworkAssignments.status,
        clientId: homeworkAssignments.clientId,
        partnerClientId: homeworkAssignments.partnerClientId,
        createdAt: homeworkAssignments.createdAt,
      })
      .from(homeworkAssignments)
      .where(
        and(
          eq(homeworkAssignments.practiceId, practiceId),
          or(eq(homeworkAssignments.clientId, client.id), eq(homeworkAssignments.partnerClientId, client.id)),
          upTo(homeworkAssignments.createdAt),
        ),
      )
      .orderBy(desc(homeworkAssignments.createdAt))
      .limit(take),
    // Reflections this client wrote (a shared practice's other entries are the partner's).
    db
      .select({
        id: homeworkCompletions.id,
        assignmentId: homeworkCompletions.assignmentId,
        title: homeworkAssignments.title,
        completedAt: homeworkCompletions.completedAt,
        reflection: homeworkCompletions.reflection,
        rating: homeworkCompletions.rating,
      })
      .from(homeworkCompletions)
      .innerJoin(homeworkAssignments, eq(homeworkAssignments.id, homeworkCompletions.assignmentId))
      .where(and(eq(homeworkCompletions.practiceId, practiceId), eq(homeworkCompletions.completedBy, client.id), upTo(homeworkCompletions.completedAt)))
      .orderBy(desc(homeworkCompletions.completedAt))
      .limit(take),
    // Money is the payer's: a joint session's payment shows on the partner who booked it; a
    // package on the client who bought it; a plan's month on its subscriber.
    (() => {
      const at = sql`coalesce(${payments.paidAt}, ${payments.createdAt})`;
      return db
        .select({ payment: payments, offeringName: offerings.name, packageName: packages.name })
        .from(payments)
        .leftJoin(bookings, eq(bookings.id, payments.bookingId))
        .leftJoin(offerings, eq(offerings.id, bookings.offeringId))
        .leftJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
        .leftJoin(packages, eq(packages.id, packagePurchases.packageId))
        .where(and(eq(payments.practiceId, practiceId), or(eq(bookings.clientId, client.id), eq(packagePurchases.clientId, client.id)), upTo(at)))
        .orderBy(desc(at))
        .limit(take);
    })(),
    (() => {
      const at = sql`coalesce(${planInvoices.paidAt}, ${planInvoices.createdAt})`;
      return db
        .select({ invoice: planInvoices, planName: plans.name })
        .from(planInvoices)
        .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
        .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
        .where(and(eq(planInvoices.practiceId, practiceId), eq(planInvoices.clientId, client.id), upTo(at)))
        .orderBy(desc(at))
        .limit(take);
    })(),
    (() => {
      const at = sql`coalesce(${refunds.confirmedAt}, ${refunds.createdAt})`;
      return db
        .select({
          refund: refunds,
          payment: { currency: payments.currency, bookingId: payments.bookingId, packagePurchaseId: payments.packagePurchaseId },
          offeringName: offerings.name,
          packageName: packages.name,
          invoice: { currency: planInvoices.currency, periodStart: planInvoices.periodStart, periodEnd: planInvoices.periodEnd },
          planName: plans.name,
        })
        .from(refunds)
        .leftJoin(payments, eq(payments.id, refunds.paymentId))
        .leftJoin(bookings, eq(bookings.id, payments.bookingId))
        .leftJoin(offerings, eq(offerings.id, bookings.offeringId))
        .leftJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
        .leftJoin(packages, eq(packages.id, packagePurchases.packageId))
        .leftJoin(planInvoices, eq(planInvoices.id, refunds.planInvoiceId))
        .leftJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
        .leftJoin(plans, eq(plans.id, planSubscriptions.planId))
        .where(
          and(
            eq(refunds.practiceId, practiceId),
            or(eq(bookings.clientId, client.id), eq(packagePurchases.clientId, client.id), eq(planInvoices.clientId, client.id)),
            upTo(at),
          ),
        )
        .orderBy(desc(at))
        .limit(take);
    })(),
    // Emails that went to the client's address: what and when, never the body.
    db
      .select({ id: emailOutbox.id, template: emailOutbox.template, data: emailOutbox.data, sentAt: emailOutbox.sentAt })
      .from(emailOutbox)
      .where(
        and(
          eq(emailOutbox.practiceId, practiceId),
          sql`lower(${emailOutbox.recipient}) = ${client.email.toLowerCase()}`,
          eq(emailOutbox.status, "sent"),
          upTo(emailOutbox.sentAt),
        ),
      )
      .orderBy(desc(emailOutbox.sentAt))
      .limit(take),
    db
      .select({ id: crisisAlerts.id, responseId: crisisAlerts.responseId, raisedAt: crisisAlerts.raisedAt, acknowledgedAt: crisisAlerts.acknowledgedAt })
      .from(crisisAlerts)
      .where(and(eq(crisisAlerts.practiceId, practiceId), eq(crisisAlerts.clientId, client.id), upTo(crisisAlerts.raisedAt)))
      .orderBy(desc(crisisAlerts.raisedAt))
      .limit(take),
  ]);

  // The other partner on joint sessions and shared homework, by name.
  const otherOf = (row: { clientId: string; partnerClientId: string | null }) => (row.clientId === client.id ? row.partnerClientId : row.clientId);
  const otherIds = new Set([...sessionRows.map(({ booking }) => otherOf(booking)), ...assignmentRows.map(otherOf)].filter((id) => id !== null));
  const people = otherIds.size
    ? await db
        .select({ id: clients.id, name: clients.name })
        .from(clients)
        .where(and(eq(clients.practiceId, practiceId), inArray(clients.id, [...otherIds])))
    : [];
  const person = (id: string | null): TimelinePerson | null => (id ? (people.find((p) => p.id === id) ?? null) : null);

  const items: TimelineItem[] = [
    ...sessionRows.map(({ booking, offeringName }): TimelineItem => ({
      kind: "session",
      key: `session:${booking.id}`,
      at: booking.startsAt,
      bookingId: booking.id,
      endsAt: booking.endsAt,
      offeringName,
      status: booking.status,
      with: person(otherOf(booking)),
      notes: { shared: null, private: null },
    })),
    ...intakeRows.map((r): TimelineItem => ({ kind: "intake", key: `intake:${r.id}`, at: r.submittedAt ?? r.assignedAt, responseId: r.id, name: r.name, status: r.status })),
    ...assignmentRows.map((a): TimelineItem => ({
      kind: "homework",
      key: `homework:${a.id}`,
      at: a.createdAt,
      assignmentId: a.id,
      title: a.title,
      status: a.status,
      with: person(otherOf(a)),
    })),
    ...completionRows.map((c): TimelineItem => ({
      kind: "reflection",
      key: `reflection:${c.id}`,
      at: c.completedAt,
      assignmentId: c.assignmentId,
      title: c.title,
      rating: c.rating,
      excerpt: excerptOf(c.reflection),
    })),
    ...paymentRows.map(({ payment, offeringName, packageName }): TimelineItem => ({
      kind: "payment",
      key: `payment:${payment.id}`,
      at: payment.paidAt ?? payment.createdAt,
      for: paymentFor(payment, offeringName, packageName),
      amountCents: payment.amountCents,
      currency: payment.currency,
      status: payment.status,
    })),
    ...monthRows.map(({ invoice, planName }): TimelineItem => ({
      kind: "payment",
      key: `plan-invoice:${invoice.id}`,
      at: invoice.paidAt ?? invoice.createdAt,
      for: { kind: "plan", planInvoiceId: invoice.id, planName, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd },
      amountCents: invoice.amountCents,
      currency: invoice.currency,
      status: monthStatus(invoice),
    })),
    ...refundRows.map(({ refund, payment, offeringName, packageName, invoice, planName }): TimelineItem => ({
      kind: "refund",
      key: `refund:${refund.id}`,
      at: refund.confirmedAt ?? refund.createdAt,
      // Exactly one of the two is set (a check in the database).
      for: refund.planInvoiceId
        ? { kind: "plan", planInvoiceId: refund.planInvoiceId, planName: planName!, periodStart: invoice!.periodStart!, periodEnd: invoice!.periodEnd! }
        : paymentFor(payment!, offeringName, packageName),
      amountCents: refund.amountCents,
      currency: (refund.planInvoiceId ? invoice!.currency : payment!.currency)!,
      status: refund.status,
    })),
    ...emailRows.map((e): TimelineItem => ({
      kind: "email",
      key: `email:${e.id}`,
      at: e.sentAt!,
      template: e.template,
      subject: emailSubject(e.template, e.data) ?? e.template,
    })),
    ...crisisRows.map((c): TimelineItem => ({ kind: "crisis", key: `crisis:${c.id}`, at: c.raisedAt, responseId: c.responseId, acknowledgedAt: c.acknowledgedAt })),
  ]
    .filter((item) => !cursor || compareTimeline(cursor, item) < 0)
    .sort(compareTimeline);

  const page = items.slice(0, limit);
  await attachNoteExcerpts(practiceId, page);
  return { items: page, older: items.length > limit ? cursorOf(page.at(-1)!) : null };
}

/** A payment is a session's (it names the booking) or a package's (it names the purchase): the database keeps exactly one. */
function paymentFor(payment: { bookingId: string | null; packagePurchaseId: string | null }, offeringName: string | null, packageName: string | null): TimelineMoneyFor {
  if (payment.bookingId) return { kind: "session", bookingId: payment.bookingId, offeringName: offeringName! };
  return { kind: "package", purchaseId: payment.packagePurchaseId!, packageName: packageName! };
}

/** A plan month in the words of a payment's status: paid, refunded (in part or in full), or failed. */
function monthStatus(invoice: { state: "paid" | "failed"; amountCents: number; refundedCents: number }) {
  if (invoice.state === "failed") return "failed";
  if (invoice.refundedCents > 0) return invoice.refundedCents >= invoice.amountCents ? "refunded" : "partially_refunded";
  return "paid";
}

/** The start of each session's notes, opened for the coach's page (private ones included). */
async function attachNoteExcerpts(practiceId: string, page: TimelineItem[]) {
  const sessions = page.filter((i) => i.kind === "session");
  if (!sessions.length) return;
  const notes = await getDb()
    .select({ bookingId: sessionNotes.bookingId, visibility: sessionNotes.visibility, body: sessionNotes.body })
    .from(sessionNotes)
    .where(and(eq(sessionNotes.practiceId, practiceId), inArray(sessionNotes.bookingId, sessions.map((s) => s.bookingId))));
  for (const note of notes) {
    const session = sessions.find((s) => s.bookingId === note.bookingId);
    if (session) session.notes[note.visibility] = excerptOf(note.body);
  }
}
