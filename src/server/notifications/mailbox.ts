import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { laptopConveniencesEnabled } from "@/lib/env";
import { getDb } from "@/server/db/client";
import { devMailbox } from "@/server/db/schema";
import { notFound } from "@/server/errors";
import { countOutboxByStatus } from "./health";

/**
 * The dev mailbox holds sign-in links, so reading it is reading anyone's
 * account. It is a laptop convenience (laptopConveniencesEnabled: APP_URL on
 * a loopback address and no RESEND_API_KEY), open in `npm run dev`, a
 * production build on localhost and the end-to-end suite. A deployment that
 * forgot its Resend key gets no readable mailbox: sign-in emails are kept,
 * not exposed.
 */
export async function isDevMailboxEnabled(): Promise<boolean> {
  return laptopConveniencesEnabled();
}

async function assertEnabled() {
  if (!(await isDevMailboxEnabled())) throw notFound("The dev mailbox");
}

const idSchema = z.uuid();

export type MailboxListItem = {
  id: string;
  recipient: string;
  subject: string;
  template: string;
  createdAt: Date;
  attachmentCount: number;
};

/** Newest first; optionally only messages to one address (case-insensitive). */
export async function listMailboxMessages(options: { to?: string; limit?: number } = {}): Promise<MailboxListItem[]> {
  await assertEnabled();
  // Control characters (a NUL from a hand-typed URL) match no address and would upset Postgres.
  const to = options.to?.replace(/[\u0000-\u001f]/g, "").trim().toLowerCase();
  return getDb()
    .select({
      id: devMailbox.id,
      recipient: devMailbox.recipient,
      subject: devMailbox.subject,
      template: devMailbox.template,
      createdAt: devMailbox.createdAt,
      attachmentCount: sql<number>`coalesce(jsonb_array_length(${devMailbox.attachments}), 0)::int`,
    })
    .from(devMailbox)
    .where(to ? sql`lower(${devMailbox.recipient}) = ${to}` : undefined)
    .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
    .limit(Math.min(Math.max(options.limit ?? 100, 1), 500));
}

export async function getMailboxMessage(id: string) {
  await assertEnabled();
  if (!idSchema.safeParse(id).success) throw notFound("That message");
  const [row] = await getDb().select().from(devMailbox).where(eq(devMailbox.id, id)).limit(1);
  if (!row) throw notFound("That message");
  return { ...row, attachments: row.attachments ?? [], headers: Object.entries(row.headers ?? {}) };
}

export async function getMailboxAttachment(id: string, index: number) {
  const message = await getMailboxMessage(id);
  const attachment = Number.isInteger(index) ? message.attachments[index] : undefined;
  if (!attachment) throw notFound("That attachment");
  return attachment;
}

/**
 * The message's HTML made fit for an iframe on the mailbox page: links open
 * in the top window (a sign-in link must not sign in inside the frame).
 */
export async function getMailboxHtmlForFrame(id: string): Promise<string> {
  const { html } = await getMailboxMessage(id);
  return withTopTarget(html);
}

export function withTopTarget(html: string): string {
  const base = '<base target="_top">';
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `${base}${html}`;
}

/** Every link target in the HTML, in order, without duplicates. */
export function linksIn(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeEntities(match[1] ?? match[2] ?? "");
    if (href) found.add(href);
  }
  return [...found];
}

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** How many outbox rows are in each state, to see at a glance what is waiting or stuck. */
export async function outboxSummary() {
  await assertEnabled();
  return countOutboxByStatus();
}
