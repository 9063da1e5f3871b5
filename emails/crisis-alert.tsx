import { z } from "zod";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton } from "./_components/layout";

/** Urgent: a client's safety answer says someone may be in danger. Names no answer, only where to look. */
export const schema = z.object({
  practiceName: z.string().min(1),
  clientName: z.string().min(1),
  questionnaireName: z.string().min(1),
  /** The client's page in the dashboard, where the alert is acknowledged. */
  clientUrl: z.url(),
});

type Data = z.output<typeof schema>;

export const subject = (d: Data) => `Urgent: ${d.clientName.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ")} answered a safety question with "yes"`;

export default function CrisisAlertEmail(d: Data) {
  return (
    <EmailLayout preview={`${d.clientName} may be in danger. Please check in as soon as you can.`} footer={`Sent by Tend for ${d.practiceName}: crisis alerts are sent at once, at any hour.`}>
      <Heading>{`${d.clientName} may be in danger`}</Heading>
      <Paragraph>
        {`In the ${d.questionnaireName}, ${d.clientName} just answered "yes" to a safety question. They were shown emergency numbers and the 988 Suicide & Crisis Lifeline straight away. ` +
          "Please check in with them as soon as you can; the answer is on their page, where you can acknowledge this alert."}
      </Paragraph>
      <PrimaryButton href={d.clientUrl}>Open their page</PrimaryButton>
      <FallbackUrl href={d.clientUrl} />
    </EmailLayout>
  );
}

CrisisAlertEmail.PreviewProps = {
  practiceName: "Demo Coaching",
  clientName: "Sam Rivera",
  questionnaireName: "Crisis intake",
  clientUrl: "http://localhost:3000/coach/clients/00000000-0000-4000-8000-000000000000",
} satisfies Data;
