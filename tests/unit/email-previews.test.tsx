import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderTemplate, templates, type EmailTemplate } from "@/server/notifications/templates";

// Every template's PreviewProps (what `npm run email:preview` shows) must still pass its schema
// and render, so the samples can't rot while the templates move on.

const emailsDir = path.resolve(__dirname, "../../emails");

describe("email previews", () => {
  it("every file in emails/ is a registered template", () => {
    const files = readdirSync(emailsDir)
      .filter((f) => f.endsWith(".tsx"))
      .map((f) => f.replace(/\.tsx$/, ""))
      .sort();
    expect(files).toEqual(Object.keys(templates).sort());
  });

  for (const [name, definition] of Object.entries(templates) as [string, EmailTemplate][]) {
    it(`${name} renders its PreviewProps`, async () => {
      const sample = (definition.Component as { PreviewProps?: unknown }).PreviewProps;
      expect(sample, `${name} has no PreviewProps`).toBeTypeOf("object");
      const email = await renderTemplate(name, definition, sample);
      expect(email.subject.trim()).not.toBe("");
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.text.trim().length).toBeGreaterThan(100);
      for (const attachment of email.attachments ?? []) expect(attachment.content).toContain("BEGIN:VCALENDAR");
    });
  }
});
