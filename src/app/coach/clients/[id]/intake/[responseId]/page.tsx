import type { Metadata } from "next";
import { AnswersList } from "@/components/intake/answers-list";
import { IntakeStatusBadge } from "@/components/intake/intake-status";
import { ProfileView } from "@/components/intake/profile-view";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { getIntakeProfile } from "@/server/intake/coach-view";
import { formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Intake profile" };

type Props = { params: Promise<{ id: string; responseId: string }> };

export default async function IntakeProfilePage({ params }: Props) {
  const { practiceId, practice } = await requireCoach();
  const { id, responseId } = await params;
  const { mine, partner } = await orNotFound(getIntakeProfile(practiceId, id, responseId));
  const { response, content, client } = mine;
  const submitted = response.status === "submitted" && response.profile;
  const people = [{ name: client.name, profile: response.profile!, questions: content.questions, answers: response.answers }];
  if (submitted && partner?.response.profile) {
    people.push({ name: partner.client.name, profile: partner.response.profile, questions: partner.content.questions, answers: partner.response.answers });
  }

  return (
    <>
      <PageHeader
        title={`${mine.questionnaireName}: ${people.map((p) => p.name).join(" and ")}`}
        description={
          <span className="flex flex-wrap items-center gap-2 text-sm">
            <IntakeStatusBadge status={response.status} />
            {response.submittedAt ? <span>Submitted {formatLongDate(localDateOf(response.submittedAt, practice.timeZone))}</span> : null}
            {people.length > 1 ? <span>Side by side with {partner!.client.name}&apos;s own answers</span> : null}
          </span>
        }
        back={<BackLink href={`/coach/clients/${client.id}`}>{client.name}</BackLink>}
      />
      <div className="max-w-4xl">
        {submitted ? (
          <ProfileView people={people} />
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-muted">
              {response.status === "not_started"
                ? "Not started yet. The profile appears here once they submit."
                : "In progress. The profile is scored when they submit; here is what they have answered so far."}
            </p>
            {response.status === "in_progress" ? <AnswersList questions={content.questions} answers={response.answers} /> : null}
          </div>
        )}
      </div>
    </>
  );
}
