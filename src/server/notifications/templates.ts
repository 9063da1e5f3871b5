import "server-only";
import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { z } from "zod";
import * as bookingCanceled from "@emails/booking-canceled";
import * as bookingConfirmed from "@emails/booking-confirmed";
import * as bookingNewLink from "@emails/booking-new-link";
import * as bookingPlaceChanged from "@emails/booking-place-changed";
import * as bookingReminder from "@emails/booking-reminder";
import * as bookingRescheduled from "@emails/booking-rescheduled";
import * as homeworkReminder from "@emails/homework-reminder";
import * as checkInAssigned from "@emails/checkin-assigned";
import * as crisisAlert from "@emails/crisis-alert";
import * as deletionRequested from "@emails/deletion-requested";
import * as intakeReminder from "@emails/intake-reminder";
import * as magicLink from "@emails/magic-link";
import * as packageExpiring from "@emails/package-expiring";
import * as packageOneLeft from "@emails/package-one-left";
import * as paymentAlert from "@emails/payment-alert";
import * as paymentHoldExpired from "@emails/payment-hold-expired";
import * as paymentReceipt from "@emails/payment-receipt";
import * as paymentRefunded from "@emails/payment-refunded";
import * as planDisputed from "@emails/plan-disputed";
import * as planPaymentFailed from "@emails/plan-payment-failed";
import * as planRefunded from "@emails/plan-refunded";
import * as welcome from "@emails/welcome";

/** A file sent along with the message; `content` is the file's text (an .ics invite, say). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  replyTo?: string;
  /** Extra headers (List-Unsubscribe on every non-transactional email). */
  headers?: Record<string, string>;
};

/**
 * One message kind: how to check its data, its subject, its body and,
 * optionally, the files and reply-to address that go with it. Everything
 * is a function of the data stored in the outbox row, so a retry renders
 * the very same message.
 */
export type EmailTemplate<S extends z.ZodType = z.ZodType> = {
  schema: S;
  subject: (data: z.output<S>) => string;
  Component: (props: z.output<S>) => ReactElement;
  attachments?: (data: z.output<S>) => EmailAttachment[];
  replyTo?: (data: z.output<S>) => string | undefined;
  headers?: (data: z.output<S>) => Record<string, string>;
};

/** What a file in emails/ exports. */
type TemplateModule<S extends z.ZodType> = {
  schema: S;
  subject: EmailTemplate<S>["subject"];
  default: EmailTemplate<S>["Component"];
  attachments?: EmailTemplate<S>["attachments"];
  replyTo?: EmailTemplate<S>["replyTo"];
  headers?: EmailTemplate<S>["headers"];
};

/** Turns an emails/<name>.tsx module into a registry entry, typed by its own schema. */
function fromModule<S extends z.ZodType>(module: TemplateModule<S>): EmailTemplate<S> {
  return {
    schema: module.schema,
    subject: module.subject,
    Component: module.default,
    attachments: module.attachments,
    replyTo: module.replyTo,
    headers: module.headers,
  };
}

/**
 * Every email Tend can send, by the name stored in `email_outbox.template`.
 * To add one: write `emails/<name>.tsx` (exports `schema`, `subject`, the
 * component as default, optionally `attachments`, `replyTo` and `headers`), import it
 * above and add a line here.
 */
export const templates = {
  "magic-link": fromModule(magicLink),
  welcome: fromModule(welcome),
  "booking-confirmed": fromModule(bookingConfirmed),
  "booking-rescheduled": fromModule(bookingRescheduled),
  "booking-canceled": fromModule(bookingCanceled),
  "booking-reminder": fromModule(bookingReminder),
  "booking-new-link": fromModule(bookingNewLink),
  "booking-place-changed": fromModule(bookingPlaceChanged),
  "homework-reminder": fromModule(homeworkReminder),
  "payment-receipt": fromModule(paymentReceipt),
  "payment-hold-expired": fromModule(paymentHoldExpired),
  "payment-refunded": fromModule(paymentRefunded),
  "payment-alert": fromModule(paymentAlert),
  "package-one-left": fromModule(packageOneLeft),
  "package-expiring": fromModule(packageExpiring),
  "plan-payment-failed": fromModule(planPaymentFailed),
  "plan-refunded": fromModule(planRefunded),
  "plan-disputed": fromModule(planDisputed),
  "intake-reminder": fromModule(intakeReminder),
  "crisis-alert": fromModule(crisisAlert),
  "checkin-assigned": fromModule(checkInAssigned),
  "deletion-requested": fromModule(deletionRequested),
};

type TemplateName = keyof typeof templates;
/** The data a template accepts, for callers that want `enqueueEmail` checked at compile time. */
export type TemplateData<N extends TemplateName> = z.input<(typeof templates)[N]["schema"]>;

/**
 * A message that can never be rendered: unknown template or data its schema
 * refuses. Retrying would fail the same way, so the dispatcher gives up on
 * the row at once instead of trying it for a day.
 */
export class EmailTemplateError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = "EmailTemplateError";
  }
}

function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(templates, name);
}

// html-to-text shouts headings in capitals by default; a calm email doesn't.
const plainTextOptions = {
  selectors: ["h1", "h2", "h3"].map((selector) => ({ selector, options: { uppercase: false } })),
};

export async function renderEmail(template: string, data: unknown): Promise<RenderedEmail> {
  if (!isTemplateName(template)) {
    throw new EmailTemplateError(`Unknown email template "${template}". Known: ${Object.keys(templates).join(", ")}.`);
  }
  return renderTemplate(template, templates[template] as EmailTemplate, data);
}

/** Renders any template definition (the registry's, or one under test). */
export async function renderTemplate<S extends z.ZodType>(
  template: string,
  definition: EmailTemplate<S>,
  data: unknown,
): Promise<RenderedEmail> {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(data)"}: ${i.message}`).join("; ");
    throw new EmailTemplateError(`Data for email template "${template}" is invalid: ${problems}`);
  }
  const html = await render(createElement(definition.Component as (props: object) => ReactElement, parsed.data as object));
  // One render: the text version is derived from the same HTML, with React
  // Email's own rules (images and the preview line skipped, links inline).
  const text = toPlainText(html, plainTextOptions);
  const attachments = definition.attachments?.(parsed.data);
  const replyTo = definition.replyTo?.(parsed.data);
  const headers = definition.headers?.(parsed.data);
  return {
    subject: definition.subject(parsed.data),
    html,
    text,
    ...(attachments?.length ? { attachments } : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(headers && Object.keys(headers).length ? { headers } : {}),
  };
}

/** The subject a stored message had (or would have): for lists that show what was sent, never the body. */
export function emailSubject(template: string, data: unknown): string | null {
  if (!isTemplateName(template)) return null;
  const definition = templates[template] as EmailTemplate;
  const parsed = definition.schema.safeParse(data);
  return parsed.success ? definition.subject(parsed.data) : null;
}
