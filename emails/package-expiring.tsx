import { EmailLayout, Heading, Paragraph, PrimaryButton } from "./_components/layout";
import { expiryDate, packageEmailSchema, samplePackage, type PackageEmail } from "./_components/package";

export const schema = packageEmailSchema;

const sessions = (n: number) => `${n} session${n === 1 ? "" : "s"}`;

export const subject = (d: PackageEmail) => `Your ${d.packageName} expires on ${expiryDate(d)}`;

export const replyTo = (d: PackageEmail) => d.coachEmail;

export default function PackageExpiringEmail(d: PackageEmail) {
  return (
    <EmailLayout brand={d.practiceName} preview={`${sessions(d.left)} left; book before ${expiryDate(d)}.`} footer={`About your package with ${d.practiceName}.`}>
      <Heading>Your package expires in two weeks</Heading>
      <Paragraph>{`Hi ${d.recipientName}, your ${d.packageName} with ${d.practiceName} still has ${sessions(d.left)}. Sessions not booked by ${expiryDate(d)} expire.`}</Paragraph>
      <PrimaryButton href={d.bookUrl}>Book a session</PrimaryButton>
      <Paragraph muted>If you need more time, reply to this email and your coach will see what they can do.</Paragraph>
    </EmailLayout>
  );
}

PackageExpiringEmail.PreviewProps = { ...samplePackage, left: 3 };
