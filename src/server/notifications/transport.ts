import "server-only";
import { eq } from "drizzle-orm";
import { Resend } from "resend";
import { env, laptopConveniencesEnabled } from "@/lib/env";
import { getDb, type Db } from "@/server/db/client";
import { devMailbox } from "@/server/db/schema";
import { log } from "@/server/log";
import type { EmailAttachment } from "./templates";

export type OutgoingEmail = {
  to: string;
  from: string;
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
  replyTo?: string;
  /** The same key always means the same message: the provider delivers it at most once. */
  idempotencyKey: string;
  /** Which template produced it, for the mailbox and the provider's tags. */
  template: string;
};

export interface EmailTransport {
  readonly name: string;
  /** Resolves with the provider's message id, or throws `EmailDeliveryError`. */
  send(message: OutgoingEmail): Promise<{ id: string }>;
}

/**
 * A send that did not go through. `permanent` means this message will never
 * be accepted as it is (a malformed address, say), so retrying is pointless;
 * everything else (network, 5xx, rate limits, a bad API key the operator can
 * fix) is worth another try later.
 */
export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}

// Resend error names that are about this message itself, not the service or
// our configuration. Config problems (invalid_api_key, invalid_from_address)
// stay retryable so fixing the setting delivers the backlog.
const PERMANENT_RESEND_ERRORS = new Set([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_attachment",
  "invalid_idempotency_key",
  // Same key, different payload: the first request (with this key) was
  // accepted, so the message has most likely gone out already.
  "invalid_idempotent_request",
]);

export function createResendTransport(apiKey: string, baseUrl?: string): EmailTransport {
  // Passed explicitly (the SDK would also read RESEND_BASE_URL itself) so
  // the parsed setting is the single source, and a trailing slash is harmless.
  const client = new Resend(apiKey, baseUrl ? { baseUrl: baseUrl.replace(/\/+$/, "") } : undefined);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await client.emails.send(
        {
          to: message.to,
          from: message.from,
          subject: message.subject,
          html: message.html,
          text: message.text,
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          // Resend wants base64; a Buffer is encoded by the SDK.
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content, "utf8"),
          })),
          tags: [{ name: "template", value: message.template.replace(/[^A-Za-z0-9_-]/g, "_") }],
        },
        { idempotencyKey: message.idempotencyKey },
      );
      if (error || !data) {
        const status = error?.statusCode ?? "no response";
        const name = error?.name ?? "unknown_error";
        throw new EmailDeliveryError(
          `Resend refused the message (${status}, ${name}): ${error?.message ?? "no details"}`,
          PERMANENT_RESEND_ERRORS.has(name),
        );
      }
      return { id: data.id };
    },
  };
}

/**
 * Keeps messages in the `dev_mailbox` table instead of sending them, for
 * development, tests and any server without a Resend key. Idempotent like
 * Resend: the same key stores one message.
 */
export function createDevMailboxTransport(db: () => Db = getDb): EmailTransport {
  return {
    name: "dev-mailbox",
    async send(message) {
      const [inserted] = await db()
        .insert(devMailbox)
        .values({
          recipient: message.to,
          sender: message.from,
          subject: message.subject,
          html: message.html,
          text: message.text,
          template: message.template,
          attachments: message.attachments ?? null,
          idempotencyKey: message.idempotencyKey,
        })
        .onConflictDoNothing({ target: devMailbox.idempotencyKey })
        .returning({ id: devMailbox.id });
      if (inserted) return inserted;
      const [existing] = await db()
        .select({ id: devMailbox.id })
        .from(devMailbox)
        .where(eq(devMailbox.idempotencyKey, message.idempotencyKey));
      if (!existing) throw new EmailDeliveryError("The dev mailbox lost a message it had just stored.", false);
      return existing;
    },
  };
}

let warnedAboutProduction = false;

/** Resend when RESEND_API_KEY is set, otherwise the dev mailbox. */
export function getTransport(): EmailTransport {
  const settings = env();
  if (settings.RESEND_API_KEY) return createResendTransport(settings.RESEND_API_KEY, settings.RESEND_BASE_URL);
  if (settings.NODE_ENV === "production" && !warnedAboutProduction) {
    warnedAboutProduction = true;
    log.warn(
      laptopConveniencesEnabled(settings)
        ? "RESEND_API_KEY is not set: emails are kept in the dev mailbox at /dev/mailbox (readable because APP_URL is on localhost)."
        : "RESEND_API_KEY is not set: emails are kept, unread and unsent (the dev mailbox is closed on a public APP_URL). " +
            "Set RESEND_API_KEY so people receive their sign-in links and reminders.",
    );
  }
  return createDevMailboxTransport();
}

