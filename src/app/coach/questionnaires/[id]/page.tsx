import type { Metadata } from "next";
import { QuestionnaireBuilder } from "@/components/intake/builder/questionnaire-builder";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { getQuestionnaire } from "@/server/intake/questionnaires";
import { orNotFound } from "@/app/_lib/or-not-found";
import { saveQuestionnaireAction } from "../actions";

export const metadata: Metadata = { title: "Edit questionnaire" };

export default async function QuestionnairePage({ params }: { params: Promise<{ id: string }> }) {
  const { practiceId, practice } = await requireCoach();
  const { id } = await params;
  const { questionnaire, version } = await orNotFound(getQuestionnaire(practiceId, id));
  return (
    <>
      <PageHeader
        title={questionnaire.name}
        description={`Version ${version.version}. Once a client has started answering, saving makes a new version; their answers keep the one they saw.`}
        back={<BackLink href="/coach/questionnaires">All questionnaires</BackLink>}
      />
      <QuestionnaireBuilder id={questionnaire.id} name={questionnaire.name} content={version.content} timeZone={practice.timeZone} save={saveQuestionnaireAction} />
    </>
  );
}
