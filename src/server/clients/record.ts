import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { describeAnswer } from "@/lib/intake/display";
import { isAnswerable } from "@/lib/intake/model";
import { now } from "@/server/clock";
import { getDb } from "@/server/db/client";
import {
  bookings,
  clients,
  creditGrants,
  creditLedger,
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
  practices,
  questionnaireVersions,
  questionnaires,
  refunds,
  sessionNotes,
} from "@/server/db/schema";
import { emailSubject } from "@/server/notifications/templates";
import { getClient } from "./clients";

/**
 * Who the export is for. The coach's copy has everything the practice holds about the client,
 * the coach's private session notes included; the client's own copy (the portal's "Download my
 * data") leaves out what the coach keeps to themself (private notes). Neither ever holds the other
 * partner's own answers, reflections or booking details: only what the couple shares.
 */
export type RecordAudience = "coach" | "client";

type Scope = { practiceId: string; clientId: string };

/**
 * One client's whole record, opened (notes, answers and reflections in plain text), for a GDPR
 * export: profile and email preferences, sessions with their notes, intakes with every question
 * and answer, homework with this client's reflections, payments (sessions, packages, plan months)
 * and refunds, credits, and the emails sent
 * to them (what and when, never the body). A foreign or deleted client is "not found".
 */
export async function exportClientRecord(scope: Scope, audience: RecordAudience) {
  const client = await getClient(scope.practiceId, scope.clientId);
  const { practiceId } = scope;
  const db = getDb();
  const [practice] = await db
    .select({ name: practices.name, contactEmail: practices.contactEmail, timeZone: practices.timeZone })
    .from(practices)
    .where(eq(practices.id, practiceId));
  const partner = client.partnerId
    ? ((await db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.practiceId, practiceId), eq(clients.id, client.partnerId))))[0] ?? null)
    : null;

  // Sessions: as the booker or the partner. What the booker typed is the booker's: a partner's
  // export shows the partner's own name and email on the booking, never the booker's note.
  const sessionRows = await db
    .select({ booking: bookings, offeringName: offerings.name })
    .from(bookings)
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(eq(bookings.practiceId, practiceId), or(eq(bookings.clientId, client.id), eq(bookings.partnerClientId, client.id))))
    .orderBy(asc(bookings.startsAt));
  const bookingIds = sessionRows.map((r) => r.booking.id);
  const notes = bookingIds.length
    ? await db
        .select({ bookingId: sessionNotes.bookingId, visibility: sessionNotes.visibility, body: sessionNotes.body, updatedAt: sessionNotes.updatedAt })
        .from(sessionNotes)
        .where(
          and(
            eq(sessionNotes.practiceId, practiceId),
            inArray(sessionNotes.bookingId, bookingIds),
            // The client's own copy never selects a private note.
            ...(audience === "client" ? [eq(sessionNotes.visibility, "shared")] : []),
          ),
        )
    : [];
  const otherNames = new Map<string, string>();
  const others = [...new Set(sessionRows.flatMap(({ booking: b }) => [b.clientId, b.partnerClientId]).filter((id): id is string => !!id && id !== client.id))];
  if (others.length) {
    for (const row of await db.select({ id: clients.id, name: clients.name }).from(clients).where(and(eq(clients.practiceId, practiceId), inArray(clients.id, others)))) {
      otherNames.set(row.id, row.name);
    }
  }
  const noteOf = (bookingId: string, visibility: "shared" | "private") => {
    const note = notes.find((n) => n.bookingId === bookingId && n.visibility === visibility);
    return note ? { body: note.body, updatedAt: note.updatedAt } : null;
  };
  const sessions = sessionRows.map(({ booking: b, offeringName }) => {
    const asBooker = b.clientId === client.id;
    const other = asBooker ? b.partnerClientId : b.clientId;
    return {
      id: b.id,
      offering: offeringName,
      startsAt: b.startsAt,
      endsAt: b.endsAt,
      status: b.status,
      paymentStatus: b.paymentStatus,
      role: asBooker ? ("booker" as const) : ("partner" as const),
      withPartner: other ? (otherNames.get(other) ?? null) : null,
      bookedAs: asBooker ? { name: b.bookerName, email: b.bookerEmail, phone: b.bookerPhone } : { name: b.partnerName, email: b.partnerEmail, phone: null },
      noteToCoach: asBooker ? (b.note ?? null) : null,
      bookedAt: b.createdAt,
      bookedBy: b.bookedBy,
      canceledAt: b.canceledAt,
      canceledBy: b.canceledBy,
      cancelReason: b.cancelReason,
      notes: audience === "coach" ? { shared: noteOf(b.id, "shared"), private: noteOf(b.id, "private") } : { shared: noteOf(b.id, "shared") },
    };
  });

  // Intakes: this client's own responses only (each partner answers their own copy).
  const intakeRows = await db
    .select({ response: intakeResponses, name: questionnaires.name, version: questionnaireVersions.version, content: questionnaireVersions.content })
    .from(intakeResponses)
    .innerJoin(questionnaires, eq(questionnaires.id, intakeResponses.questionnaireId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.id, intakeResponses.versionId))
    .where(and(eq(intakeResponses.practiceId, practiceId), eq(intakeResponses.clientId, client.id)))
    .orderBy(asc(intakeResponses.assignedAt));
  const intakes = intakeRows.map(({ response: r, name, version, content }) => ({
    id: r.id,
    questionnaire: name,
    title: content.title,
    version,
    status: r.status,
    assignedAt: r.assignedAt,
    startedAt: r.startedAt,
    submittedAt: r.submittedAt,
    profile: r.profile,
    questions: content.questions.filter(isAnswerable).map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      answer: r.answers[q.id] ?? null,
      answerText: describeAnswer(q, r.answers[q.id]),
    })),
  }));

  // Homework: assignments for this client (alone or shared), with the entries THEY made.
  const assignmentRows = await db
    .select()
    .from(homeworkAssignments)
    .where(and(eq(homeworkAssignments.practiceId, practiceId), or(eq(homeworkAssignments.clientId, client.id), eq(homeworkAssignments.partnerClientId, client.id))))
    .orderBy(asc(homeworkAssignments.createdAt));
  const completions = assignmentRows.length
    ? await db
        .select()
        .from(homeworkCompletions)
        .where(
          and(
            eq(homeworkCompletions.practiceId, practiceId),
            inArray(homeworkCompletions.assignmentId, assignmentRows.map((a) => a.id)),
            eq(homeworkCompletions.completedBy, client.id),
          ),
        )
        .orderBy(asc(homeworkCompletions.completedAt))
    : [];
  const homework = assignmentRows.map((a) => ({
    id: a.id,
    title: a.title,
    instructions: a.instructions,
    personalInstructions: a.personalInstructions,
    reflectionPrompt: a.reflectionPrompt,
    cadence: { kind: a.cadenceKind, timesPerWeek: a.timesPerWeek, dueDate: a.dueDate },
    startDate: a.startDate,
    endDate: a.endDate,
    status: a.status,
    sharedWithPartner: !!a.partnerClientId,
    assignedAt: a.createdAt,
    entries: completions
      .filter((c) => c.assignmentId === a.id)
      .map((c) => ({ occurrenceDate: c.occurrenceDate, completedAt: c.completedAt, rating: c.rating, reflection: c.reflection ?? null })),
  }));

  // Money: what this client paid (sessions they booked, packages they bought, months of their
  // plan), each with its refunds. All of it is this client's alone: a partner's export has none.
  const paymentRows = await db
    .select({ payment: payments, offeringName: offerings.name, startsAt: bookings.startsAt })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .innerJoin(offerings, eq(offerings.id, bookings.offeringId))
    .where(and(eq(payments.practiceId, practiceId), eq(bookings.clientId, client.id)))
    .orderBy(asc(payments.createdAt));
  const packageRows = await db
    .select({ payment: payments, purchase: packagePurchases, packageName: packages.name })
    .from(payments)
    .innerJoin(packagePurchases, eq(packagePurchases.id, payments.packagePurchaseId))
    .innerJoin(packages, eq(packages.id, packagePurchases.packageId))
    .where(and(eq(payments.practiceId, practiceId), eq(packagePurchases.clientId, client.id)))
    .orderBy(asc(payments.createdAt));
  const monthRows = await db
    .select({ invoice: planInvoices, planName: plans.name })
    .from(planInvoices)
    .innerJoin(planSubscriptions, eq(planSubscriptions.id, planInvoices.subscriptionId))
    .innerJoin(plans, eq(plans.id, planSubscriptions.planId))
    .where(and(eq(planInvoices.practiceId, practiceId), eq(planInvoices.clientId, client.id)))
    .orderBy(asc(planInvoices.periodStart));
  const paymentIds = [...paymentRows, ...packageRows].map((p) => p.payment.id);
  const monthIds = monthRows.map((m) => m.invoice.id);
  const refundRows =
    paymentIds.length || monthIds.length
      ? await db
          .select()
          .from(refunds)
          .where(
            and(
              eq(refunds.practiceId, practiceId),
              or(paymentIds.length ? inArray(refunds.paymentId, paymentIds) : sql`false`, monthIds.length ? inArray(refunds.planInvoiceId, monthIds) : sql`false`),
            ),
          )
          .orderBy(asc(refunds.createdAt))
      : [];
  const refundsOf = (match: (r: (typeof refundRows)[number]) => boolean) =>
    refundRows
      .filter(match)
      .map((r) => ({ id: r.id, amountCents: r.amountCents, status: r.status, cause: r.cause, reason: r.reason, createdAt: r.createdAt, confirmedAt: r.confirmedAt }));
  const paymentList = paymentRows.map(({ payment: p, offeringName, startsAt }) => ({
    id: p.id,
    bookingId: p.bookingId,
    session: { offering: offeringName, startsAt },
    provider: p.provider,
    amountCents: p.amountCents,
    currency: p.currency,
    status: p.status,
    refundedCents: p.refundedCents,
    paidAt: p.paidAt,
    createdAt: p.createdAt,
    refunds: refundsOf((r) => r.paymentId === p.id),
  }));
  const packageList = packageRows.map(({ payment: p, purchase, packageName }) => ({
    id: p.id,
    purchaseId: purchase.id,
    package: packageName,
    provider: p.provider,
    amountCents: p.amountCents,
    currency: p.currency,
    status: p.status,
    refundedCents: p.refundedCents,
    paidAt: p.paidAt,
    createdAt: p.createdAt,
    refunds: refundsOf((r) => r.paymentId === p.id),
  }));
  const planMonthList = monthRows.map(({ invoice: m, planName }) => ({
    id: m.id,
    plan: planName,
    periodStart: m.periodStart,
    periodEnd: m.periodEnd,
    state: m.state,
    amountCents: m.amountCents,
    currency: m.currency,
    refundedCents: m.refundedCents,
    paidAt: m.paidAt,
    refunds: refundsOf((r) => r.planInvoiceId === m.id),
  }));

  // Credits (packages and plans): the grants and every ledger row of this client.
  const grants = await db
    .select({ id: creditGrants.id, kind: creditGrants.kind, label: creditGrants.label, quantity: creditGrants.quantity, validFrom: creditGrants.validFrom, expiresAt: creditGrants.expiresAt })
    .from(creditGrants)
    .where(and(eq(creditGrants.practiceId, practiceId), eq(creditGrants.clientId, client.id)))
    .orderBy(asc(creditGrants.createdAt));
  const ledger = await db
    .select({ grantId: creditLedger.grantId, kind: creditLedger.kind, delta: creditLedger.delta, bookingId: creditLedger.bookingId, reason: creditLedger.reason, at: creditLedger.createdAt })
    .from(creditLedger)
    .where(and(eq(creditLedger.practiceId, practiceId), eq(creditLedger.clientId, client.id)))
    .orderBy(asc(creditLedger.createdAt));
  const credits = grants.map((g) => ({ ...g, entries: ledger.filter((e) => e.grantId === g.id).map((e) => ({ kind: e.kind, delta: e.delta, bookingId: e.bookingId, reason: e.reason, at: e.at })) }));

  const emailRows = await db
    .select({ template: emailOutbox.template, data: emailOutbox.data, status: emailOutbox.status, createdAt: emailOutbox.createdAt, sentAt: emailOutbox.sentAt })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.practiceId, practiceId), sql`lower(${emailOutbox.recipient}) = ${client.email.toLowerCase()}`))
    .orderBy(asc(emailOutbox.createdAt));
  const emails = emailRows.map((e) => ({ template: e.template, subject: emailSubject(e.template, e.data) ?? e.template, status: e.status, queuedAt: e.createdAt, sentAt: e.sentAt }));

  const alerts = await db
    .select({ responseId: crisisAlerts.responseId, raisedAt: crisisAlerts.raisedAt, acknowledgedAt: crisisAlerts.acknowledgedAt })
    .from(crisisAlerts)
    .where(and(eq(crisisAlerts.practiceId, practiceId), eq(crisisAlerts.clientId, client.id)))
    .orderBy(asc(crisisAlerts.raisedAt));

  return {
    format: "tend-client-record" as const,
    version: 1 as const,
    exportedAt: now(),
    audience,
    practice: practice!,
    client: {
      id: client.id,
      name: client.name,
      email: client.email,
      phone: client.phone,
      timeZone: client.timeZone,
      status: client.status,
      hasPortalAccount: !!client.userId,
      addedAt: client.createdAt,
      deletionRequestedAt: client.deletionRequestedAt,
    },
    partner: partner ? { name: partner.name } : null,
    emailPreferences: { homeworkEmail: client.homeworkEmail },
    sessions,
    intakes,
    homework,
    /** Sessions' payments (the shape since version 1); packages and plan months are beside it. */
    payments: paymentList,
    packages: packageList,
    planMonths: planMonthList,
    credits,
    emails,
    crisisAlerts: alerts,
  };
}

export type ClientRecord = Awaited<ReturnType<typeof exportClientRecord>>;
