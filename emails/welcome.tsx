import { z } from "zod";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton, styles } from "./_components/layout";
import { Link } from "@react-email/components";

export const schema = z.object({
  clientName: z.string().min(1),
  practiceName: z.string().min(1),
  /** Where replies go, and the address the client is told to write to. */
  coachEmail: z.email(),
  portalUrl: z.url(),
});

export type WelcomeEmailData = z.infer<typeof schema>;

export const subject = (data: WelcomeEmailData) => `Welcome to ${data.practiceName}`;

/** Replies reach the coach, not an unattended sender address. */
export const replyTo = (data: WelcomeEmailData) => data.coachEmail;

export default function WelcomeEmail({ clientName, practiceName, coachEmail, portalUrl }: WelcomeEmailData) {
  return (
    <EmailLayout
      brand={practiceName}
      preview={`${practiceName} has set up your client portal.`}
      footer={`You are receiving this because ${practiceName} added you as a client.`}
    >
      <Heading>{`Welcome, ${clientName}`}</Heading>
      <Paragraph>
        {`${practiceName} has set up a private client portal for you. There you can book and see your sessions, ` +
          "each in your own time zone, reschedule or cancel them, answer the intake questions your coach asks before you start, " +
          "and keep up with the practices your coach gives you between sessions."}
      </Paragraph>
      <Paragraph>Sign in with this email address; we&apos;ll send you a link, so there is no password to remember.</Paragraph>
      <PrimaryButton href={portalUrl}>Open your portal</PrimaryButton>
      <FallbackUrl href={portalUrl} />
      <Paragraph muted>
        Questions? Reply to this email or write to{" "}
        <Link href={`mailto:${coachEmail}`} style={styles.link}>
          {coachEmail}
        </Link>
        .
      </Paragraph>
    </EmailLayout>
  );
}

WelcomeEmail.PreviewProps = {
  clientName: "Jordan",
  practiceName: "Demo Coaching",
  coachEmail: "coach@demo.tend.test",
  portalUrl: "http://localhost:3000/signin?as=client",
} satisfies WelcomeEmailData;
