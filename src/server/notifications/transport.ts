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
  /** Extra headers, e.g. List-Unsubscribe; sent to Resend as its `headers` option. */
  headers?: Record<string, string>;
  /** The same key always means the same message: the provider delivers it at most once. */
  idempotencyKey: string;
  /** Which template produced it, for the mailbox and the provider's tags. */
  template: string;
};

/** Per message of a batch, in the order given: its id, or why the provider refused it alone. */
export type BatchResult = ({ id: string } | { error: string })[];

export interface EmailTransport {
  readonly name: string;
  /**
   * Whether requests count against a provider's rate limit, so they wait for
   * a slot from the shared governor (src/server/notifications/governor.ts).
   */
  readonly governed?: boolean;
  /** Resolves with the provider's message id, or throws `EmailDeliveryError`. */
  send(message: OutgoingEmail): Promise<{ id: string }>;
  /**
   * Several messages without attachments in one request, delivered at most
   * once per `idempotencyKey` (which must always come with the same
   * messages). Throws `EmailDeliveryError` when the request as a whole failed.
   */
  sendBatch?(messages: OutgoingEmail[], idempotencyKey: string): Promise<BatchResult>;
}

/**
 * A send that did not go through. `permanent` means this message will never
 * be accepted as it is (a malformed address, say), so retrying is pointless;
 * everything else (network, 5xx, rate limits, a bad API key the operator can
 * fix) is worth another try later. `retryAfterMs` is set when the provider
 * was busy and said when to come back (429, or a 5xx with `retry-after`):
 * that is not the message's fault and not a failed attempt.
 */
export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}

/** A `retry-after` header (seconds or an HTTP date) in milliseconds, if there is one. */
function parseRetryAfter(value: string | null | undefined, nowMs = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** No answer within this long is an unknown outcome: the retry repeats the very same request. */
const REQUEST_TIMEOUT_MS = 30_000;

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
    governed: true,
    async send(message) {
      const { data, error, headers } = await client.emails.send(toResend(message, true), {
        idempotencyKey: message.idempotencyKey,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      if (error || !data) throw refusal("the message", error, headers);
      return { id: data.id };
    },
    async sendBatch(messages, idempotencyKey) {
      // Permissive: a message Resend finds invalid is reported by its index
      // and the others still go, instead of the whole request failing.
      const { data, error, headers } = await client.batch.send(
        messages.map((m) => toResend(m, false)),
        { idempotencyKey, batchValidation: "permissive", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      );
      if (error || !data) throw refusal("the batch", error, headers);
      const refused = new Map((data.errors ?? []).map((e) => [e.index, e.message]));
      let next = 0;
      return messages.map((_, index) => {
        const problem = refused.get(index);
        if (problem !== undefined) return { error: `Resend refused the message in its batch: ${problem}` };
        // Resend lists ids for the accepted messages only, in order.
        const id = data.data[next++]?.id;
        return id ? { id } : { error: "Resend accepted the batch but gave no id for this message." };
      });
    },
  };
}

function toResend(message: OutgoingEmail, withAttachments: boolean) {
  return {
    to: message.to,
    from: message.from,
    subject: message.subject,
    html: message.html,
    text: message.text,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    ...(message.headers ? { headers: message.headers } : {}),
    // Resend wants base64; a Buffer is encoded by the SDK.
    ...(withAttachments && message.attachments?.length
      ? {
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.content, "utf8"),
          })),
        }
      : {}),
    tags: [{ name: "template", value: message.template.replace(/[^A-Za-z0-9_-]/g, "_") }],
  };
}

type ResendError = { statusCode?: number | null; name?: string; message?: string } | null;

function refusal(what: string, error: ResendError, headers: Record<string, string> | null): EmailDeliveryError {
  const status = error?.statusCode ?? null;
  const name = error?.name ?? "unknown_error";
  const retryAfter = parseRetryAfter(headers?.["retry-after"]);
  // Busy: a rate limit always, a server error only when it says when to come back.
  const busy = status === 429 || (status !== null && status >= 500 && retryAfter !== undefined);
  return new EmailDeliveryError(
    `Resend refused ${what} (${status ?? "no response"}, ${name}): ${error?.message ?? "no details"}`,
    PERMANENT_RESEND_ERRORS.has(name),
    busy ? (retryAfter ?? 1000) : undefined,
  );
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
          headers: message.headers ?? null,
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
    async sendBatch(messages) {
      // Each message keeps its own key here, which makes the batch idempotent too.
      const results: BatchResult = [];
      for (const message of messages) results.push(await this.send(message));
      return results;
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

