import "server-only";
import { env } from "@/lib/env";
import type { DbOrTx } from "@/server/db/client";
import type { bookings, clients, offerings, packages, practices } from "@/server/db/schema";
import { enqueueEmail } from "@/server/notifications/outbox";
import type { TemplateData } from "@/server/notifications/templates";
import { coachSessionUrl } from "@/server/scheduling/invite-event";
import { manageUrlFor } from "@/server/scheduling/manage-token";

export type PaymentContext = {
  booking: typeof bookings.$inferSelect;
  practice: typeof practices.$inferSelect;
  offering: typeof offerings.$inferSelect;
};

type Money = { amountCents: number; currency: string };

/** The booker's copy of a payment email: their name, their clock, their booking link. */
function forBooker({ booking, practice, offering }: PaymentContext, money: Money, actionUrl: string | null) {
  return {
    recipientName: booking.bookerName,
    practiceName: practice.name,
    offeringName: offering.name,
    clientName: booking.bookerName,
    startIso: booking.startsAt.toISOString(),
    endIso: booking.endsAt.toISOString(),
    timeZone: booking.clientTimeZone,
    amountCents: money.amountCents,
    currency: money.currency,
    coachEmail: practice.contactEmail,
    actionUrl,
  };
}

const topicOf = (bookingId: string) => `booking:${bookingId}`;

/** Money for a package (no one session): the client's name and clock, the package's name. */
export type PackageMoneyContext = {
  practice: typeof practices.$inferSelect;
  client: typeof clients.$inferSelect;
  pkg: typeof packages.$inferSelect;
  purchase: { id: string };
};

/** Money not for one session (a package, a plan month): the client's name and clock, and what it bought by name. */
function forPurchase({ practice, client }: Pick<PackageMoneyContext, "practice" | "client">, what: string, money: Money, actionUrl: string) {
  return {
    recipientName: client.name,
    practiceName: practice.name,
    offeringName: what,
    clientName: client.name,
    startIso: null,
    endIso: null,
    timeZone: client.timeZone,
    amountCents: money.amountCents,
    currency: money.currency,
    coachEmail: practice.contactEmail,
    actionUrl,
  };
}

const forPackage = (ctx: PackageMoneyContext, money: Money, actionUrl: string) => forPurchase(ctx, ctx.pkg.name, money, actionUrl);

const portalPayments = () => new URL("/portal/payments", env().APP_URL).toString();

/**
 * The receipt for money that bought no one session: a package bought on its
 * own, a plan's month. Once per `key`; the button opens the portal's payments.
 */
export async function enqueuePurchaseReceipt(
  tx: DbOrTx,
  ctx: Pick<PackageMoneyContext, "practice" | "client">,
  receipt: Money & { what: string; topic: string; key: string },
) {
  const data: TemplateData<"payment-receipt"> = forPurchase(ctx, receipt.what, receipt, portalPayments());
  await enqueueEmail(tx, { practiceId: ctx.practice.id, to: ctx.client.email, template: "payment-receipt", data, topic: receipt.topic, idempotencyKey: receipt.key });
}

/** The receipt, once per payment. */
export async function enqueueReceipt(tx: DbOrTx, ctx: PaymentContext, payment: Money & { id: string }) {
  const data: TemplateData<"payment-receipt"> = forBooker(ctx, payment, manageUrlFor(ctx.booking, "booker"));
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.booking.bookerEmail,
    template: "payment-receipt",
    data,
    topic: topicOf(ctx.booking.id),
    idempotencyKey: `payment:${payment.id}:receipt`,
  });
}

/** The hold ran out before the payment came: the time is open again, book anew. */
export async function enqueueHoldExpired(tx: DbOrTx, ctx: PaymentContext, payment: Money & { id: string }) {
  const bookAgain = new URL(`/book/${ctx.practice.slug}/${ctx.offering.slug}`, env().APP_URL).toString();
  const data: TemplateData<"payment-hold-expired"> = forBooker(ctx, payment, bookAgain);
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.booking.bookerEmail,
    template: "payment-hold-expired",
    data,
    topic: topicOf(ctx.booking.id),
    idempotencyKey: `payment:${payment.id}:hold-expired`,
  });
}

/** Money on its way back, once per refund. */
export async function enqueueRefundIssued(tx: DbOrTx, ctx: PaymentContext, refund: Money & { id: string; explanation: string }) {
  const data: TemplateData<"payment-refunded"> = { ...forBooker(ctx, refund, manageUrlFor(ctx.booking, "booker")), explanation: refund.explanation };
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.booking.bookerEmail,
    template: "payment-refunded",
    data,
    topic: topicOf(ctx.booking.id),
    idempotencyKey: `refund:${refund.id}:issued`,
  });
}

/** To the coach: a payment that needs a person (wrong amount or currency; a dispute). */
export async function enqueueCoachAlert(
  tx: DbOrTx,
  ctx: PaymentContext,
  alert: { paymentId: string; problem: "mismatch" | "dispute"; asked: Money; reported: Money },
) {
  const data: TemplateData<"payment-alert"> = {
    ...forBooker(ctx, alert.asked, coachSessionUrl(ctx.booking.id)),
    recipientName: ctx.practice.name,
    timeZone: ctx.practice.timeZone,
    problem: alert.problem,
    reportedCents: alert.reported.amountCents,
    reportedCurrency: alert.reported.currency.toUpperCase(),
  };
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.practice.contactEmail,
    template: "payment-alert",
    data,
    topic: topicOf(ctx.booking.id),
    idempotencyKey: `payment:${alert.paymentId}:alert-${alert.problem}`,
  });
}

/** A package's money on its way back, once per refund; the button opens the portal's payments. */
export async function enqueuePackageRefundIssued(tx: DbOrTx, ctx: PackageMoneyContext, refund: Money & { id: string; explanation: string }) {
  const data: TemplateData<"payment-refunded"> = {
    ...forPackage(ctx, refund, portalPayments()),
    explanation: refund.explanation,
  };
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.client.email,
    template: "payment-refunded",
    data,
    topic: `package-purchase:${ctx.purchase.id}`,
    idempotencyKey: `refund:${refund.id}:issued`,
  });
}

/** To the coach: a package's payment needs a person (paid other than asked; a dispute); the button opens the client's page. */
export async function enqueuePackageAlert(
  tx: DbOrTx,
  ctx: PackageMoneyContext,
  alert: { paymentId: string; problem: "mismatch" | "dispute"; asked: Money; reported: Money },
) {
  const data: TemplateData<"payment-alert"> = {
    ...forPackage(ctx, alert.asked, new URL(`/coach/clients/${ctx.client.id}`, env().APP_URL).toString()),
    recipientName: ctx.practice.name,
    timeZone: ctx.practice.timeZone,
    problem: alert.problem,
    reportedCents: alert.reported.amountCents,
    reportedCurrency: alert.reported.currency.toUpperCase(),
  };
  await enqueueEmail(tx, {
    practiceId: ctx.practice.id,
    to: ctx.practice.contactEmail,
    template: "payment-alert",
    data,
    topic: `package-purchase:${ctx.purchase.id}`,
    idempotencyKey: `payment:${alert.paymentId}:alert-${alert.problem}`,
  });
}
