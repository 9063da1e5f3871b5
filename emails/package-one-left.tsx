import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { expiryDate, packageEmailSchema, samplePackage, type PackageEmail } from "./_components/package";

export const schema = packageEmailSchema;

export const subject = (d: PackageEmail) => `One session left in your ${d.packageName}`;

export const replyTo = (d: PackageEmail) => d.coachEmail;

export default function PackageOneLeftEmail(d: PackageEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`One session left, valid until ${expiryDate(d)}.`} footer={`About your package with ${d.practiceName}.`}>
      <Heading>One session left in your package</Heading>
      <Paragraph>{`Hi ${d.recipientName}, you have one session left in your ${d.packageName} with ${d.practiceName}. It is valid until ${expiryDate(d)}.`}</Paragraph>
      <Paragraph>When it is used, sessions are paid one by one again, or you can buy another package on the booking page.</Paragraph>
      <PrimaryButton href={d.bookUrl}>Book a session</PrimaryButton>
    </EmailLayout>
  );
}

PackageOneLeftEmail.PreviewProps = samplePackage;
