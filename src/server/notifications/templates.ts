import "server-only";
import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { z } from "zod";
import MagicLinkEmail, * as magicLink from "@emails/magic-link";
import WelcomeEmail, * as welcome from "@emails/welcome";

/** A file sent along with the message; `content` is the file's text (an .ics invite, say). */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  replyTo?: string;
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
};

/** Keeps each entry's functions typed by its own schema. */
function defineTemplate<S extends z.ZodType>(template: EmailTemplate<S>): EmailTemplate<S> {
  return template;
}

/**
 * Every email Tend can send, by the name stored in `email_outbox.template`.
 * To add one: write `emails/<name>.tsx` (schema, subject, default component,
 * optionally attachments/replyTo) and add a line here.
 */
export const templates = {
  "magic-link": defineTemplate({ schema: magicLink.schema, subject: magicLink.subject, Component: MagicLinkEmail }),
  welcome: defineTemplate({
    schema: welcome.schema,
    subject: welcome.subject,
    Component: WelcomeEmail,
    replyTo: welcome.replyTo,
  }),
};

export type TemplateName = keyof typeof templates;
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

export function isTemplateName(name: string): name is TemplateName {
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
  const definition = templates[template] as EmailTemplate;
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
  return {
    subject: definition.subject(parsed.data),
    html,
    text,
    ...(attachments?.length ? { attachments } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
}
