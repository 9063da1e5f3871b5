import { z } from "zod";
import { Divider, EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton } from "./_components/layout";

export const schema = z.object({
  url: z.url(),
  /** The site the link signs in to, shown so the reader can tell it is really us. */
  host: z.string().min(1),
  expiresInMinutes: z.number().int().positive(),
});

export type MagicLinkEmailData = z.infer<typeof schema>;

export const subject = (data: MagicLinkEmailData) => `Your sign-in link for ${data.host}`;

export default function MagicLinkEmail({ url, host, expiresInMinutes }: MagicLinkEmailData) {
  return (
    <EmailLayout preview={`Sign in to ${host}. The link expires in ${expiresInMinutes} minutes.`}>
      <Heading>Sign in to Tend</Heading>
      <Paragraph>{`Use the button below to sign in to ${host}. No password needed.`}</Paragraph>
      <PrimaryButton href={url}>Sign in</PrimaryButton>
      <FallbackUrl href={url} />
      <Divider />
      <Paragraph muted>
        {`This link works once and expires in ${expiresInMinutes} minutes. If you didn't ask to sign in, you can ` +
          "safely ignore this email: nobody can sign in without the link."}
      </Paragraph>
    </EmailLayout>
  );
}

// Sample data for the React Email preview server (`npm run email:preview`).
MagicLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/email?token=preview&email=coach%40demo.tend.test",
  host: "localhost:3000",
  expiresInMinutes: 30,
} satisfies MagicLinkEmailData;
