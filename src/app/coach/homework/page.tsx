import type { Metadata } from "next";
import { LibraryForm, RetireForm } from "@/components/homework/library-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { describeCadence } from "@/lib/homework/cadence";
import type { LibraryPracticeView } from "@/lib/homework/view";
import { requireCoach } from "@/server/auth/guards";
import { listLibrary } from "@/server/homework/library";
import { retireLibraryPracticeAction, saveLibraryPracticeAction } from "./actions";
import { libraryViewOf } from "./library-view";

export const metadata: Metadata = { title: "Homework" };

/** The practice library: the framework's twelve and the coach's own; assign them from a client's page. */
export default async function HomeworkLibraryPage() {
  const { practiceId } = await requireCoach();
  const library = (await listLibrary(practiceId, { includeRetired: true })).map(libraryViewOf);
  const offered = library.filter((p) => !p.retired);
  const retired = library.filter((p) => p.retired);
  return (
    <>
      <PageHeader
        title="Homework library"
        description="Practices clients do between sessions. Assign one from a client's page; edits here don't change what was already assigned."
      />
      <div className="max-w-3xl space-y-6">
        <ul className="space-y-3">
          {offered.map((p) => (
            <PracticeItem key={p.id} practice={p} />
          ))}
        </ul>
        <Card aria-labelledby="new-practice-heading">
          <h2 id="new-practice-heading" className="mb-4 font-serif text-lg font-semibold text-ink">
            Add a practice of your own
          </h2>
          <LibraryForm save={saveLibraryPracticeAction} />
        </Card>
        {retired.length ? (
          <section aria-labelledby="retired-heading">
            <h2 id="retired-heading" className="mb-3 font-serif text-lg font-semibold text-ink">
              Retired
            </h2>
            <ul className="space-y-3">
              {retired.map((p) => (
                <PracticeItem key={p.id} practice={p} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}

function PracticeItem({ practice }: { practice: LibraryPracticeView }) {
  const cadence = describeCadence(
    practice.cadenceKind === "times_per_week"
      ? { kind: "times_per_week", timesPerWeek: practice.timesPerWeek ?? 3 }
      : practice.cadenceKind === "once"
        ? { kind: "weekly" }
        : { kind: practice.cadenceKind },
  );
  return (
    <Card as="li" className={practice.retired ? "opacity-80" : ""}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-ink">{practice.title}</h3>
        <span className="flex items-center gap-2 text-xs text-muted">
          {practice.cadenceKind === "once" ? "Once" : cadence}
          {practice.frameworkKey ? <Badge tone="brand">Framework</Badge> : <Badge>Your own</Badge>}
        </span>
      </div>
      <p className="mt-2 whitespace-pre-line text-sm text-ink/90">{practice.instructions}</p>
      <p className="mt-2 text-sm text-muted">Asks: “{practice.reflectionPrompt}”</p>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
        <div className="mt-4 space-y-4">
          <LibraryForm practice={practice} save={saveLibraryPracticeAction} />
          <RetireForm practice={practice} retire={retireLibraryPracticeAction} />
        </div>
      </details>
    </Card>
  );
}
