import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmailPreferencesForm } from "@/components/portal/email-preferences-form";
import { reminderWindow } from "@/lib/homework/reminders";

const never = async () => ({ ok: false as const, code: "internal" as const, error: "not in this test" });

describe("the email preferences form", () => {
  it("offers daily, weekly and off as labelled radio buttons with the current choice checked", () => {
    const html = renderToStaticMarkup(<EmailPreferencesForm current="weekly" save={never} />);
    expect(html.match(/type="radio"/g)).toHaveLength(3);
    const checked = [...html.matchAll(/<input[^>]*>/g)].filter((m) => m[0].includes('checked=""')).map((m) => /value="(\w+)"/.exec(m[0])?.[1]);
    expect(checked).toEqual(["weekly"]);
    expect(html).toContain("<legend");
    expect(html).toContain("Never between 21:00 and 08:00");
  });
});

describe("when the homework email goes out", () => {
  // 2026-03-09 is a Monday, 2026-03-11 a Wednesday.
  it("daily from 08:00 until the quiet hours start at 21:00, covering that day", () => {
    expect(reminderWindow("daily", "2026-03-11", 7 * 60 + 59)).toBeNull();
    expect(reminderWindow("daily", "2026-03-11", 8 * 60)).toEqual({ from: "2026-03-11", to: "2026-03-11" });
    expect(reminderWindow("daily", "2026-03-11", 20 * 60 + 59)).not.toBeNull();
    expect(reminderWindow("daily", "2026-03-11", 21 * 60)).toBeNull();
  });

  it("weekly only on Mondays, covering Monday to Sunday; never when off", () => {
    expect(reminderWindow("weekly", "2026-03-09", 8 * 60)).toEqual({ from: "2026-03-09", to: "2026-03-15" });
    expect(reminderWindow("weekly", "2026-03-11", 8 * 60)).toBeNull();
    expect(reminderWindow("off", "2026-03-09", 9 * 60)).toBeNull();
  });
});
