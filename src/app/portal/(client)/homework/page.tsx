import type { Metadata } from "next";
import Link from "next/link";
import { ClientWeek } from "@/components/homework/client-week";
import { buttonClass } from "@/components/ui/button-class";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { addDays, parseLocalDate } from "@/lib/time/dates";
import { describeZone, formatDateRange } from "@/lib/time/format";
import { requireClient } from "@/server/auth/guards";
import { getClientWeek } from "@/server/homework/queries";
import { completeHomeworkAction, undoHomeworkAction } from "./actions";

export const metadata: Metadata = { title: "Homework" };

type Props = { searchParams: Promise<{ week?: string | string[] }> };

export default async function PortalHomeworkPage({ searchParams }: Props) {
  const { practiceId, clientId } = await requireClient();
  const { week: asked } = await searchParams;
  // Any day of the week to show; anything else is this week.
  const weekOf = typeof asked === "string" && parseLocalDate(asked) !== null ? asked : undefined;
  const week = await getClientWeek({ practiceId, clientId }, weekOf);
  const sunday = addDays(week.monday, 6);
  const isThisWeek = week.monday <= week.today && week.today <= sunday;

  return (
    <>
      <PageHeader
        title={isThisWeek ? "This week" : "Homework"}
        description={`${formatDateRange(week.monday, sunday)} · days in ${describeZone(week.timeZone)}`}
      />
      <nav aria-label="Weeks" className="mb-5 flex flex-wrap gap-2">
        <Link href={`/portal/homework?week=${addDays(week.monday, -7)}`} className={buttonClass("secondary")} rel="prev">
          ← Previous week
        </Link>
        {isThisWeek ? null : (
          <Link href="/portal/homework" className={buttonClass("secondary")}>
            This week
          </Link>
        )}
        {week.monday < week.today && !isThisWeek ? (
          <Link href={`/portal/homework?week=${addDays(week.monday, 7)}`} className={buttonClass("secondary")} rel="next">
            Next week →
          </Link>
        ) : null}
      </nav>
      {week.items.length === 0 ? (
        <EmptyState title={isThisWeek ? "Nothing to practise this week" : "No practices that week"}>
          Practices your coach gives you between sessions appear here, with how often to do them. Mark each time done and write a few words about how it went.
        </EmptyState>
      ) : (
        <ClientWeek week={week} actions={{ complete: completeHomeworkAction, undo: undoHomeworkAction }} />
      )}
    </>
  );
}
