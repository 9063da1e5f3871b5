import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { renderEmail } from "./templates";
import { getTransport, type EmailTransport } from "./transport";

/** Auth.js's default link lifetime; pass the real one when it differs. */
const DEFAULT_EXPIRES_IN_MINUTES = 30;

/**
 * Sends a sign-in link straight away, bypassing the outbox: the person is
 * waiting at "check your email", and a failure should show at once on the
 * sign-in page rather than as a retry minutes later.
 */
export async function sendMagicLink(
  email: string,
  url: string,
  options: { expiresInMinutes?: number; transport?: EmailTransport } = {},
): Promise<void> {
  const link = new URL(url);
  const rendered = await renderEmail("magic-link", {
    url,
    host: link.host,
    expiresInMinutes: options.expiresInMinutes ?? DEFAULT_EXPIRES_IN_MINUTES,
  });
  const transport = options.transport ?? getTransport();
  await transport.send({
    to: email,
    from: env().EMAIL_FROM,
    ...rendered,
    idempotencyKey: magicLinkKey(link),
    template: "magic-link",
  });
}

// Each link carries a fresh one-time token, so its hash names this very
// message (a double submit of one request is sent once) without putting
// the secret itself in a header or the mailbox's key column.
function magicLinkKey(link: URL): string {
  const token = link.searchParams.get("token");
  const id = token ? createHash("sha256").update(token).digest("hex").slice(0, 32) : randomUUID();
  return `magic-link:${id}`;
}
