import { z } from "zod";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton } from "./_components/layout";

export const schema = z.object({
  recipientName: z.string().min(1),
  practiceName: z.string().min(1),
  questionnaireName: z.string().min(1),
  /** Every N weeks, or null for a one-off. */
  everyWeeks: z.number().int().min(1).max(26).nullable(),
  /** The client's own copy in the portal (sign-in needed). */
  checkInUrl: z.url(),
});

type Data = z.output<typeof schema>;

export const subject = (d: Data) => `${d.practiceName}: a short check-in for you`;

const cadence = (weeks: number) => (weeks === 1 ? "every week" : `every ${weeks} weeks`);

export default function CheckInAssignedEmail(d: Data) {
  return (
    <EmailLayout
      brand={d.practiceName}
      preview="A couple of minutes: how are the five pillars in your relationship right now?"
      footer={`You are receiving this because you are a client of ${d.practiceName}.`}
    >
      <Heading>{d.questionnaireName}</Heading>
      <Paragraph>
        {`Hi ${d.recipientName}, your coach at ${d.practiceName} would like to know how things are going. ` +
          "It takes a couple of minutes, your answers are saved as you go, and you and your coach can see how things change over time."}
      </Paragraph>
      <PrimaryButton href={d.checkInUrl}>Answer the check-in</PrimaryButton>
      <FallbackUrl href={d.checkInUrl} />
      <Paragraph muted>
        {(d.everyWeeks ? `Your coach asks for this ${cadence(d.everyWeeks)}. ` : "") + "Only you and your coach see your answers."}
      </Paragraph>
    </EmailLayout>
  );
}

CheckInAssignedEmail.PreviewProps = {
  recipientName: "Sam",
  practiceName: "Demo Coaching",
  questionnaireName: "Pillars check-in",
  everyWeeks: 4,
  checkInUrl: "http://localhost:3000/portal/intake/00000000-0000-4000-8000-000000000000",
} satisfies Data;
