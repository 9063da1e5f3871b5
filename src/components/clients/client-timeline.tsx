import Link from "next/link";
import { IntakeStatusBadge } from "@/components/intake/intake-status";
import { Badge } from "@/components/ui/badge";
import { groupByMonth, type TimelineItem, type TimelineMoneyFor, type TimelinePage } from "@/lib/clients/timeline";
import { formatPrice } from "@/lib/format";
import { coachStatus } from "@/lib/scheduling/status";
import { formatDateRange, formatLongDate, formatMonth, formatTimeRange } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

const KIND_LABEL: Record<TimelineItem["kind"], string> = {
  session: "Session",
  intake: "Intake",
  homework: "Homework",
  reflection: "Reflection",
  payment: "Payment",
  refund: "Refund",
  email: "Email",
  crisis: "Safety alert",
};

/** "Solo", "Package of 6 (package)", "One-on-One plan, January 6 – February 6, 2027". */
function moneyFor(what: TimelineMoneyFor, timeZone: string) {
  switch (what.kind) {
    case "session":
      return what.offeringName;
    case "package":
      return `${what.packageName} (package)`;
    case "plan":
      return `${what.planName}, ${formatDateRange(localDateOf(what.periodStart, timeZone), localDateOf(what.periodEnd, timeZone))}`;
  }
}

function Entry({ item, clientId, timeZone }: { item: TimelineItem; clientId: string; timeZone: string }) {
  const day = formatLongDate(localDateOf(item.at, timeZone), { year: false });
  switch (item.kind) {
    case "session": {
      const status = coachStatus[item.status].label;
      return (
        <>
          <Link href={`/coach/calendar/sessions/${item.bookingId}`} className={linkClass}>
            {item.offeringName}, {day}, {formatTimeRange(item.at, item.endsAt, timeZone)}
          </Link>
          <p className="text-muted">
            {[status, item.with ? `Joint session with ${item.with.name}` : null].filter(Boolean).join(" · ") || "Booked"}
          </p>
          {item.notes.shared ? (
            <p className="mt-1 text-ink">
              <span className="font-medium">Shared note:</span> {item.notes.shared}
            </p>
          ) : null}
          {item.notes.private ? (
            <p className="mt-1 text-ink">
              <span className="font-medium">Private note:</span> {item.notes.private}
            </p>
          ) : null}
        </>
      );
    }
    case "intake":
      return (
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/coach/clients/${clientId}/intake/${item.responseId}`} className={linkClass}>
            {item.name}
          </Link>
          <IntakeStatusBadge status={item.status} />
          <span className="text-muted">{day}</span>
        </p>
      );
    case "homework":
      return (
        <p>
          Assigned <span className="font-medium text-ink">{item.title}</span>
          <span className="text-muted">
            {" "}
            · {day}
            {item.with ? ` · shared with ${item.with.name}` : ""}
            {item.status !== "active" ? ` · ${item.status}` : ""}
          </span>
        </p>
      );
    case "reflection":
      return (
        <>
          <p>
            Did <span className="font-medium text-ink">{item.title}</span>
            <span className="text-muted">
              {" "}
              · {day}
              {item.rating ? ` · rated ${item.rating} of 5` : ""}
            </span>
          </p>
          {item.excerpt ? <p className="mt-1 text-ink">“{item.excerpt}”</p> : null}
        </>
      );
    case "payment":
      return (
        <p>
          <span className="font-medium text-ink">{formatPrice(item.amountCents, item.currency, { freeLabel: "0" })}</span> for {moneyFor(item.for, timeZone)}
          <span className="text-muted">
            {" "}
            · {item.status.replace("_", " ")} · {day}
          </span>
        </p>
      );
    case "refund":
      return (
        <p>
          <span className="font-medium text-ink">{formatPrice(item.amountCents, item.currency)}</span> refunded for {moneyFor(item.for, timeZone)}
          <span className="text-muted">
            {" "}
            · {item.status} · {day}
          </span>
        </p>
      );
    case "email":
      return (
        <p>
          <span className="text-ink">{item.subject}</span>
          <span className="text-muted"> · sent {day}</span>
        </p>
      );
    case "crisis":
      return (
        <p className="flex flex-wrap items-center gap-2">
          <Link href={`/coach/clients/${clientId}/intake/${item.responseId}`} className={linkClass}>
            A safety answer was “yes”
          </Link>
          {item.acknowledgedAt ? <Badge>Seen</Badge> : <Badge tone="clay">Not yet seen</Badge>}
          <span className="text-muted">{day}</span>
        </p>
      );
  }
}

/**
 * The client's record as one timeline, newest first, grouped by month (in the practice's zone).
 * Gets a page of entries; "Show older" links to the next page.
 */
export function ClientTimeline({ page, clientId, timeZone, olderHref, newestHref }: { page: TimelinePage; clientId: string; timeZone: string; olderHref: string | null; newestHref: string | null }) {
  if (!page.items.length) {
    return <p className="text-sm text-muted">Nothing here yet. Sessions, intakes, homework, payments and emails appear here as they happen.</p>;
  }
  return (
    <div className="space-y-6">
      {groupByMonth(page.items, timeZone).map((group) => (
        <section key={group.month} aria-label={formatMonth(group.month)}>
          <h3 className="mb-2 text-sm font-semibold tracking-wide text-muted uppercase">{formatMonth(group.month)}</h3>
          <ol className="divide-y divide-line border-l-2 border-line pl-4">
            {group.items.map((item) => (
              <li key={item.key} className="py-2.5 text-sm">
                <span className="mb-0.5 block text-xs font-medium tracking-wide text-muted uppercase">{KIND_LABEL[item.kind]}</span>
                <Entry item={item} clientId={clientId} timeZone={timeZone} />
              </li>
            ))}
          </ol>
        </section>
      ))}
      {olderHref || newestHref ? (
        <p className="flex flex-wrap gap-4 text-sm">
          {newestHref ? (
            <Link href={newestHref} className={linkClass}>
              Back to the newest
            </Link>
          ) : null}
          {olderHref ? (
            <Link href={olderHref} className={linkClass} scroll={false}>
              Show older
            </Link>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
