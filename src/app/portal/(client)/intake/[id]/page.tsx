import type { Metadata } from "next";
import { AnswersList } from "@/components/intake/answers-list";
import { CrisisHelp } from "@/components/intake/crisis-help";
import { IntakeForm } from "@/components/intake/intake-form";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireClient } from "@/server/auth/guards";
import { getClientIntake } from "@/server/intake/responses";
import { emergencyHelpFor } from "@/lib/intake/emergency";
import { flagsCrisis } from "@/lib/intake/model";
import { saveIntakeAnswerAction, submitIntakeAction } from "../actions";
import { orNotFound } from "@/app/_lib/or-not-found";

export const metadata: Metadata = { title: "Intake" };

type Props = { params: Promise<{ id: string }> };

export default async function PortalIntakeAnswerPage({ params }: Props) {
  const { practiceId, clientId, client } = await requireClient();
  const { id } = await params;
  // Not theirs (a partner's copy included) or no such thing: the same 404.
  const { response, content } = await orNotFound(getClientIntake({ practiceId, clientId }, id));
  const submitted = response.status === "submitted";
  const inCrisis = content.questions.some((q) => flagsCrisis(q, response.answers[q.id]));

  return (
    <>
      <PageHeader title={content.title} description={submitted ? undefined : content.intro} back={<BackLink href="/portal/intake">All questionnaires</BackLink>} />
      <div className="max-w-2xl space-y-6">
        {submitted ? (
          <>
            <Notice>Thank you: your answers went to your coach. They can no longer be changed; here they are for you to read.</Notice>
            {inCrisis ? <CrisisHelp help={emergencyHelpFor(client.timeZone)} /> : null}
            <AnswersList questions={content.questions} answers={response.answers} />
          </>
        ) : (
          <IntakeForm
            content={content}
            initialAnswers={response.answers}
            timeZone={client.timeZone}
            actions={{ responseId: response.id, save: saveIntakeAnswerAction, submit: submitIntakeAction }}
          />
        )}
      </div>
    </>
  );
}
