import { z } from "zod";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton } from "./_components/layout";

/** To the coach: a client asked, from the portal, to have their record deleted. The coach decides. */
export const schema = z.object({
  practiceName: z.string().min(1),
  clientName: z.string().min(1),
  /** The client's page in the dashboard, where the request shows with a Delete button. */
  clientUrl: z.url(),
});

type Data = z.output<typeof schema>;

export const subject = (d: Data) => `${d.clientName.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, " ")} asked to delete their account`;

export default function DeletionRequestedEmail(d: Data) {
  return (
    <EmailLayout preview={`${d.clientName} asked you to delete their record.`} footer={`Sent by Tend for ${d.practiceName}.`}>
      <Heading>{`${d.clientName} asked to delete their account`}</Heading>
      <Paragraph>
        {`${d.clientName} asked, from their client portal, for their account and record to be deleted. ` +
          "Their page shows the request: download their record first if you need a copy, then delete it there. " +
          "Data protection law (GDPR) expects an answer within a month."}
      </Paragraph>
      <PrimaryButton href={d.clientUrl}>Open their page</PrimaryButton>
      <FallbackUrl href={d.clientUrl} />
    </EmailLayout>
  );
}

DeletionRequestedEmail.PreviewProps = {
  practiceName: "Demo Coaching",
  clientName: "Sam Rivera",
  clientUrl: "http://localhost:3000/coach/clients/00000000-0000-4000-8000-000000000000",
} satisfies Data;
