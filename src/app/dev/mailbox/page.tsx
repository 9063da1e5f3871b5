import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { isDevMailboxEnabled, listMailboxMessages, outboxSummary } from "@/server/notifications/mailbox";
import { formatInstant } from "./format";
import { SendDueButton } from "./send-due-button";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  await connection();
  if (!(await isDevMailboxEnabled())) notFound();
  const { to } = await searchParams;
  const recipient = typeof to === "string" && to.trim() ? to.trim() : undefined;
  const [messages, outbox] = await Promise.all([listMailboxMessages({ to: recipient }), outboxSummary()]);

  return (
    <main id="main" className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title="Dev mailbox"
        description="Every email this server sends while no RESEND_API_KEY is set lands here instead of in someone's inbox. Newest first."
        actions={<SendDueButton />}
      />

      <p className="mb-6 text-sm text-muted">
        Outbox: {outbox.pending} waiting · {outbox.sending} being sent · {outbox.sent} sent · {outbox.failed} failed
        {outbox.canceled ? ` · ${outbox.canceled} canceled` : ""}
      </p>

      <form method="get" className="mb-6 flex flex-col gap-2 sm:flex-row sm:items-end" role="search">
        <div className="flex grow flex-col gap-1">
          <label htmlFor="mailbox-to" className="text-sm font-medium text-ink">
            Recipient
          </label>
          <input
            id="mailbox-to"
            name="to"
            type="email"
            defaultValue={recipient ?? ""}
            placeholder="someone@example.com"
            className="min-h-10 rounded-lg border border-line bg-white px-3 py-2 text-sm"
          />
        </div>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            Show their mail
          </button>
          {recipient ? (
            <Link href="/dev/mailbox" className={buttonClass("ghost")}>
              Show everyone&apos;s
            </Link>
          ) : null}
        </div>
      </form>

      {messages.length === 0 ? (
        <EmptyState title={recipient ? "No mail for that address" : "No mail yet"}>
          Sign in, or add a client with a welcome email, and the message shows up here.
        </EmptyState>
      ) : (
        <ul className="divide-y divide-line overflow-hidden rounded-2xl border border-line bg-white" aria-label="Messages">
          {messages.map((message) => (
            <li key={message.id}>
              <Link
                href={`/dev/mailbox/${message.id}`}
                className="flex flex-col gap-1 px-4 py-4 hover:bg-brand-50 focus-visible:bg-brand-50 sm:px-5"
              >
                <span className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                  <span className="font-medium text-ink">{message.subject}</span>
                  <time dateTime={message.createdAt.toISOString()} className="text-xs text-muted">
                    {formatInstant(message.createdAt)}
                  </time>
                </span>
                <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <span className="break-all">To {message.recipient}</span>
                  <Badge tone="brand">{message.template}</Badge>
                  {message.attachmentCount > 0 ? (
                    <Badge>
                      {message.attachmentCount} attachment{message.attachmentCount === 1 ? "" : "s"}
                    </Badge>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
