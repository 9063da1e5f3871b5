import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { now } from "@/server/clock";
import { sealValue } from "@/server/crypto/sealed";
import { getDb } from "@/server/db/client";
import { reportProviderBusy, waitForSendSlot } from "./governor";
import { enqueueEmail } from "./outbox";
import { renderEmail } from "./templates";
import { EmailDeliveryError, getTransport, type EmailTransport } from "./transport";

/** Auth.js's default link lifetime; pass the real one when it differs. */
const DEFAULT_EXPIRES_IN_MINUTES = 30;
/** How long the sign-in request may wait for a send slot before the link goes to the outbox instead. */
const MAX_SLOT_WAIT_MS = 5_000;

/**
 * Sends a sign-in link straight away: the person is waiting at "check your
 * email", and a real failure should show on the sign-in page at once rather
 * than as a retry minutes later. It still takes a slot from the shared
 * send-rate governor, ahead of the dispatchers' next requests (they hold at
 * most one each). When the provider is busy (no slot within a few seconds,
 * or a 429), the link is written to the outbox as urgent instead, and the
 * dispatcher sends it before anything else once the provider lets it.
 */
export async function sendMagicLink(
  email: string,
  url: string,
  options: { expiresInMinutes?: number; transport?: EmailTransport } = {},
): Promise<void> {
  const link = new URL(url);
  const data = { url, host: link.host, expiresInMinutes: options.expiresInMinutes ?? DEFAULT_EXPIRES_IN_MINUTES };
  const rendered = await renderEmail("magic-link", data);
  const transport = options.transport ?? getTransport();
  const idempotencyKey = magicLinkKey(link);
  const later = async (retryAfterMs: number) => {
    // The link signs its holder in for half an hour: it waits in the outbox sealed, and the dispatcher opens it to render.
    const waiting = { ...data, url: sealValue(url) };
    await enqueueEmail(getDb(), { to: email, template: "magic-link", data: waiting, idempotencyKey, priority: "urgent", sendAfter: new Date(now().getTime() + retryAfterMs) });
  };

  if (transport.governed && !(await waitForSendSlot(getDb(), { maxWaitMs: MAX_SLOT_WAIT_MS }))) return later(0);
  try {
    await transport.send({ to: email, from: env().EMAIL_FROM, ...rendered, idempotencyKey, template: "magic-link" });
  } catch (error) {
    if (!(error instanceof EmailDeliveryError) || error.retryAfterMs === undefined) throw error;
    await reportProviderBusy(getDb(), error.retryAfterMs, error.message);
    await later(error.retryAfterMs);
  }
}

// Each link carries a fresh one-time token, so its hash names this very
// message (a double submit of one request is sent once) without putting
// the secret itself in a header or the mailbox's key column.
function magicLinkKey(link: URL): string {
  const token = link.searchParams.get("token");
  const id = token ? createHash("sha256").update(token).digest("hex").slice(0, 32) : randomUUID();
  return `magic-link:${id}`;
}
