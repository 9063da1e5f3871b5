import type { Metadata } from "next";
import { IntakeStatusBadge } from "@/components/intake/intake-status";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/server/auth/guards";
import { now } from "@/server/clock";
import { listClientIntakes } from "@/server/intake/responses";
import { formatDayInList } from "@/lib/time/format";

export const metadata: Metadata = { title: "Intake" };

export default async function PortalIntakePage() {
  const { practiceId, clientId, client } = await requireClient();
  const intakes = await listClientIntakes({ practiceId, clientId });
  const today = now();
  return (
    <>
      <PageHeader title="Intake" description="Questions your coach asks before you start. Answer at your own pace: your answers are saved as you go, and only you and your coach see them." />
      {intakes.length === 0 ? (
        <EmptyState title="Nothing to fill in">When your coach asks you to answer a questionnaire, it will appear here.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {intakes.map((intake) => (
            <li key={intake.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-line bg-white p-4 sm:p-5">
              <div>
                <Link href={`/portal/intake/${intake.id}`} className="font-medium text-brand-800 underline underline-offset-4">
                  {intake.title}
                </Link>
                <p className="text-xs text-muted">
                  {intake.submittedAt ? `Submitted ${formatDayInList(intake.submittedAt, client.timeZone, today)}` : `Asked ${formatDayInList(intake.assignedAt, client.timeZone, today)}`}
                </p>
              </div>
              <IntakeStatusBadge status={intake.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
