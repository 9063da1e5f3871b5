import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatWhen } from "@/lib/time/format";
import { requireCoach } from "@/server/auth/guards";
import { listFeeds, MAX_FEEDS } from "@/server/busy-feeds/feeds";
import { ActionButton } from "../../calendar/action-button";
import { removeBusyFeedAction, refreshBusyFeedsAction } from "./actions";
import { AddFeedForm } from "./add-feed-form";

export const metadata: Metadata = { title: "Your calendars" };

export default async function CalendarsPage() {
  const { practice } = await requireCoach();
  const feeds = await listFeeds(practice.id);
  const zone = practice.timeZone;

  return (
    <>
      <PageHeader
        title="Your calendars"
        description="Busy times in your own calendars block booking, so clients can't book you when you're already taken. Tend only reads them, every few minutes."
      />
      <div className="max-w-3xl space-y-6">
        <Card aria-labelledby="feeds-heading">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="feeds-heading" className="font-serif text-lg font-semibold text-ink">
              Connected calendars
            </h2>
            {feeds.length ? <ActionButton action={refreshBusyFeedsAction} fields={{}} label="Refresh now" pendingLabel="Refreshing…" /> : null}
          </div>
          {feeds.length ? (
            <ul className="mt-3 divide-y divide-line">
              {feeds.map((feed) => {
                const name = feed.label || feed.host;
                return (
                  <li key={feed.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 text-sm">
                      <p className="font-medium text-ink">{name}</p>
                      {feed.label ? <p className="text-muted">{feed.host}</p> : null}
                      <p className="text-muted">
                        {feed.lastSyncedAt ? `Last read ${formatWhen(feed.lastSyncedAt, zone)}` : "Not read yet"}
                      </p>
                      {feed.lastError ? (
                        <p role="alert" className="mt-1 text-clay-600">
                          {feed.lastError}
                          {feed.lastSyncedAt ? " Tend keeps using the busy times it read last." : ""}
                        </p>
                      ) : null}
                    </div>
                    <ActionButton
                      action={removeBusyFeedAction}
                      fields={{ id: feed.id }}
                      label="Remove"
                      pendingLabel="Removing…"
                      variant="danger"
                      accessibleLabel={`Remove calendar ${name}`}
                    />
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted">No calendars connected. Until you add one, only your working hours, time off, blocks and sessions decide when clients can book.</p>
          )}
        </Card>
        {feeds.length < MAX_FEEDS ? (
          <Card aria-labelledby="add-feed-heading">
            <h2 id="add-feed-heading" className="font-serif text-lg font-semibold text-ink">
              Connect a calendar
            </h2>
            <p className="mb-5 mt-1 text-sm text-muted">
              Paste the calendar&rsquo;s private address. Treat it like a password: anyone with it can read that calendar. Tend stores it encrypted and shows only its
              host. Events marked &ldquo;free&rdquo; don&rsquo;t block; all-day events block the whole day.
            </p>
            <AddFeedForm />
          </Card>
        ) : null}
      </div>
    </>
  );
}
