import { describe, expect, it } from "vitest";
import { z } from "zod";
import { EmailLayout, Heading, Paragraph } from "@emails/_components/layout";
import { EmailTemplateError, renderEmail, renderTemplate, templates, type EmailTemplate } from "@/server/notifications/templates";

const welcomeData = {
  clientName: "Sam Rivera",
  practiceName: "Harbor Coaching",
  coachEmail: "coach@harbor.test",
  portalUrl: "http://localhost:3000/signin?next=/portal",
};

describe("email templates", () => {
  it("renders the magic link with its subject, a clickable link, the expiry and the ignore-me note", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?callbackUrl=%2Fhome&token=abc123&email=a%40b.test";
    const email = await renderEmail("magic-link", { url, host: "localhost:3000", expiresInMinutes: 30 });

    expect(email.subject).toBe("Your sign-in link for localhost:3000");
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(email.text).toContain("expires in 30 minutes");
    expect(email.text).toMatch(/didn.t ask to sign in, you can safely ignore this email/);
    // The text version carries the link as a bare, copyable address.
    const link = email.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
    expect(link).toBe(url);
    expect(email.attachments).toBeUndefined();
  });

  it("renders the homework email with its list, the preferences link, and the one-click unsubscribe headers", async () => {
    const data = {
      clientName: "Sam <Rivera>",
      practiceName: "Harbor Coaching",
      cadence: "daily",
      periodLabel: "Wednesday, March 11",
      items: [
        { title: "Daily appreciation", due: "today" },
        { title: "State of the union", due: "by Sunday, March 15" },
      ],
      portalUrl: "http://localhost:3000/portal/homework",
      preferencesUrl: "http://localhost:3000/portal/settings",
      unsubscribeUrl: "http://localhost:3000/u/abc.def",
    };
    const email = await renderEmail("homework-reminder", data);
    expect(email.subject).toBe("Homework for today: 2 practices");
    expect(email.headers).toEqual({
      "List-Unsubscribe": "<http://localhost:3000/u/abc.def>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(email.html).toContain("Sam &lt;Rivera&gt;");
    expect(email.text).toContain("Daily appreciation (today)");
    expect(email.text).toContain("State of the union (by Sunday, March 15)");
    expect(email.text).toContain("http://localhost:3000/portal/settings");
    expect(email.text).toContain("http://localhost:3000/u/abc.def");
    expect((await renderEmail("homework-reminder", { ...data, cadence: "weekly", items: data.items.slice(0, 1) })).subject).toBe(
      "Your homework this week: 1 practice",
    );
    // Transactional mail carries no unsubscribe headers.
    expect((await renderEmail("welcome", welcomeData)).headers).toBeUndefined();
    await expect(renderEmail("homework-reminder", { ...data, items: [] })).rejects.toBeInstanceOf(EmailTemplateError);
  });

  it("renders the welcome email from the practice, replying to the coach", async () => {
    const email = await renderEmail("welcome", welcomeData);
    expect(email.subject).toBe("Welcome to Harbor Coaching");
    expect(email.replyTo).toBe("coach@harbor.test");
    expect(email.html).toContain("Welcome, Sam Rivera");
    expect(email.html).toContain('href="http://localhost:3000/signin?next=/portal"');
    expect(email.html).toContain("mailto:coach@harbor.test");
    expect(email.text).toContain("Harbor Coaching has set up a private client portal for you");
    expect(email.text).toContain("reschedule or cancel them");
    // It promises only what the portal does today: sessions and intake; homework and payments are planned.
    expect(email.text).toContain("answer the intake questions your coach asks");
    expect(email.text).not.toMatch(/homework|payment/i);
    expect(email.text).toContain("http://localhost:3000/signin?next=/portal");
    expect(email.text).not.toContain("<");
  });

  it("escapes what people typed, so a name can't inject markup", async () => {
    const email = await renderEmail("welcome", { ...welcomeData, clientName: '<img src=x onerror="alert(1)">' });
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x");
  });

  it("refuses an unknown template with an error that names it", async () => {
    const error = await renderEmail("no-such-template", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailTemplateError);
    expect((error as Error).message).toContain('Unknown email template "no-such-template"');
    expect((error as EmailTemplateError).permanent).toBe(true);
  });

  it("refuses data its schema rejects, naming the fields", async () => {
    const error = await renderEmail("welcome", { ...welcomeData, coachEmail: "not an email", portalUrl: undefined }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EmailTemplateError);
    expect((error as Error).message).toMatch(/coachEmail/);
    expect((error as Error).message).toMatch(/portalUrl/);
  });

  it("carries a template's attachments and reply-to address, computed from its data", async () => {
    const schema = z.object({ name: z.string(), ics: z.string() });
    const invite: EmailTemplate<typeof schema> = {
      schema,
      subject: (d) => `Invite for ${d.name}`,
      Component: (d) => (
        <EmailLayout preview="An invite">
          <Heading>{`Hello ${d.name}`}</Heading>
          <Paragraph>See the attached invite.</Paragraph>
        </EmailLayout>
      ),
      attachments: (d) => [{ filename: "session.ics", contentType: "text/calendar; method=REQUEST", content: d.ics }],
      replyTo: () => "coach@example.test",
    };
    const email = await renderTemplate("invite", invite, { name: "Ana", ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" });
    expect(email.subject).toBe("Invite for Ana");
    expect(email.text).toContain("Hello Ana");
    expect(email.replyTo).toBe("coach@example.test");
    expect(email.attachments).toEqual([
      { filename: "session.ics", contentType: "text/calendar; method=REQUEST", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" },
    ]);
  });

  it("has a schema, subject and component for every registered template", () => {
    for (const [name, template] of Object.entries(templates)) {
      expect(typeof template.subject, name).toBe("function");
      expect(typeof template.Component, name).toBe("function");
      expect(typeof template.schema.safeParse, name).toBe("function");
    }
  });
});
