import { Link } from "@react-email/components";
import { z } from "zod";
import { EmailLayout, FallbackUrl, Heading, Paragraph, PrimaryButton, styles } from "./_components/layout";

export const schema = z.object({
  clientName: z.string().min(1),
  practiceName: z.string().min(1),
  /** Which email this is: today's (daily) or the week's (weekly, on Monday). */
  cadence: z.enum(["daily", "weekly"]),
  /** "Wednesday, March 11" or "the week of Monday, March 9", on the client's calendar. */
  periodLabel: z.string().min(1),
  /** What is due, each with when it is due by, in the client's words and dates. */
  items: z
    .array(z.object({ title: z.string().min(1), due: z.string().min(1) }))
    .min(1),
  portalUrl: z.url(),
  preferencesUrl: z.url(),
  /** The one-click unsubscribe link (RFC 8058): POST turns this email off, GET asks first. */
  unsubscribeUrl: z.url(),
});

export type HomeworkReminderData = z.infer<typeof schema>;

const count = (n: number) => (n === 1 ? "1 practice" : `${n} practices`);

export const subject = (d: HomeworkReminderData) =>
  d.cadence === "daily" ? `Homework for today: ${count(d.items.length)}` : `Your homework this week: ${count(d.items.length)}`;

/**
 * Not transactional: mail clients show an unsubscribe button from these, and
 * Gmail and Yahoo require them of bulk senders.
 */
export const headers = (d: HomeworkReminderData) => ({
  "List-Unsubscribe": `<${d.unsubscribeUrl}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

export default function HomeworkReminderEmail(d: HomeworkReminderData) {
  return (
    <EmailLayout
      brand={d.practiceName}
      preview={d.items.map((i) => i.title).join(", ")}
      footer={`You are receiving this because ${d.practiceName} gave you homework and your homework email is ${d.cadence}.`}
    >
      <Heading>{d.cadence === "daily" ? "Today's homework" : "This week's homework"}</Heading>
      <Paragraph>{`Hi ${d.clientName}, here is what is due ${d.cadence === "daily" ? "on" : "in"} ${d.periodLabel}:`}</Paragraph>
      <ul style={{ margin: "0 0 16px", paddingLeft: "20px" }}>
        {d.items.map((item, index) => (
          <li key={index} style={{ margin: "0 0 8px", fontSize: "15px", lineHeight: "22px" }}>
            <strong>{item.title}</strong> <span style={{ color: "#6b6459" }}>{`(${item.due})`}</span>
          </li>
        ))}
      </ul>
      <PrimaryButton href={d.portalUrl}>Open your homework</PrimaryButton>
      <FallbackUrl href={d.portalUrl} />
      <Paragraph muted>
        Daily, weekly or not at all?{" "}
        <Link href={d.preferencesUrl} style={styles.link}>
          Change your email preferences
        </Link>{" "}
        or{" "}
        <Link href={d.unsubscribeUrl} style={styles.link}>
          unsubscribe from homework emails
        </Link>
        .
      </Paragraph>
    </EmailLayout>
  );
}

HomeworkReminderEmail.PreviewProps = {
  clientName: "Jordan",
  practiceName: "Demo Coaching",
  cadence: "daily",
  periodLabel: "Wednesday, March 11",
  items: [
    { title: "Daily appreciation", due: "today" },
    { title: "Weekly state of the union", due: "by Sunday, March 15" },
  ],
  portalUrl: "http://localhost:3000/portal/homework",
  preferencesUrl: "http://localhost:3000/portal/settings",
  unsubscribeUrl: "http://localhost:3000/u/preview-token",
} satisfies HomeworkReminderData;
