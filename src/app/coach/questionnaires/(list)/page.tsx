import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { listQuestionnaires } from "@/server/intake/questionnaires";
import { listOfferings } from "@/server/offerings/offerings";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";

export const metadata: Metadata = { title: "Questionnaires" };

export default async function QuestionnairesPage() {
  const { practiceId, practice } = await requireCoach();
  const [questionnaires, offerings] = await Promise.all([listQuestionnaires(practiceId), listOfferings(practiceId)]);
  return (
    <>
      <PageHeader
        title="Questionnaires"
        description="What clients answer before their first session. Each offering asks for its intake when a client first books it; you can also assign one from a client's page."
      />
      <ul className="space-y-3">
        {questionnaires.map((q) => {
          const usedBy = offerings.filter((o) => o.intakeQuestionnaireId === q.id).map((o) => o.name);
          return (
            <li key={q.id} className="rounded-2xl border border-line bg-white p-4 shadow-sm sm:p-5">
              <Link href={`/coach/questionnaires/${q.id}`} className="font-medium text-brand-800 underline underline-offset-4">
                {q.name}
              </Link>
              <p className="mt-1 text-sm text-muted">
                {usedBy.length ? `Intake for ${usedBy.join(", ")}` : "Not the intake of any offering"} · edited {formatLongDate(localDateOf(q.updatedAt, practice.timeZone))}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
