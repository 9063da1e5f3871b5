import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Fragment } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getMailboxMessage, isDevMailboxEnabled, linksIn } from "@/server/notifications/mailbox";
import { formatInstant } from "../format";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false, follow: false } };

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  if (!(await isDevMailboxEnabled())) notFound();
  const { id } = await params;
  const message = await orNotFound(getMailboxMessage(id));
  const links = linksIn(message.html).filter((href) => /^https?:/i.test(href));

  return (
    <main id="main" className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-12">
      <PageHeader
        title={message.subject}
        back={
          <Link href="/dev/mailbox" className="text-brand-700 underline underline-offset-2">
            ← All messages
          </Link>
        }
      />

      <Card className="mb-6">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-muted">To</dt>
          <dd className="break-all">{message.recipient}</dd>
          <dt className="text-muted">From</dt>
          <dd className="break-all">{message.sender}</dd>
          <dt className="text-muted">Sent</dt>
          <dd>
            <time dateTime={message.createdAt.toISOString()}>{formatInstant(message.createdAt)}</time>
          </dd>
          <dt className="text-muted">Template</dt>
          <dd>
            <Badge tone="brand">{message.template}</Badge>
          </dd>
          {message.headers.map(([name, value]) => (
            <Fragment key={name}>
              <dt className="text-muted">{name}</dt>
              <dd className="break-all font-mono text-xs">{value}</dd>
            </Fragment>
          ))}
        </dl>
        {links.length > 0 ? (
          <div className="mt-4 border-t border-line pt-4">
            <h2 id="message-links" className="text-sm font-medium text-ink">
              Links in this message
            </h2>
            <ul aria-labelledby="message-links" className="mt-2 space-y-1 text-sm">
              {links.map((href) => (
                <li key={href}>
                  <a href={href} className="break-all text-brand-700 underline underline-offset-2">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {message.attachments.length > 0 ? (
          <div className="mt-4 border-t border-line pt-4">
            <h2 className="text-sm font-medium text-ink">Attachments</h2>
            <ul className="mt-2 space-y-1 text-sm">
              {message.attachments.map((attachment, index) => (
                <li key={`${index}-${attachment.filename}`}>
                  <a
                    href={`/dev/mailbox/${message.id}/attachments/${index}`}
                    download={attachment.filename}
                    className="text-brand-700 underline underline-offset-2"
                  >
                    {attachment.filename}
                  </a>{" "}
                  <span className="text-muted">({attachment.contentType})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Card>

      <section aria-labelledby="html-version" className="mb-8">
        <h2 id="html-version" className="mb-2 font-serif text-lg font-semibold">
          As the recipient sees it
        </h2>
        <iframe
          src={`/dev/mailbox/${message.id}/html`}
          title={`Email: ${message.subject}`}
          className="h-[70vh] min-h-96 w-full rounded-2xl border border-line bg-white"
        />
      </section>

      <section aria-labelledby="text-version">
        <h2 id="text-version" className="mb-2 font-serif text-lg font-semibold">
          Plain-text version
        </h2>
        <pre className="overflow-x-auto whitespace-pre-wrap break-words rounded-2xl border border-line bg-white p-4 font-sans text-sm text-ink">
          {message.text}
        </pre>
      </section>
    </main>
  );
}
