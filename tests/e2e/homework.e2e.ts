import { afterAll, describe, expect, it } from "vitest";
import { closeBrowser, newPage, PHONE, screenshot, signInAs, visible } from "./support/browser";
import { expectAccessible } from "./support/axe";

afterAll(closeBrowser);

/**
 * Homework, as the coach and a client take it: the demo coach assigns Sam two practices from
 * the library, Sam marks each done with a reflection on a phone-sized screen, and the coach
 * sees the adherence and the reflections on Sam's page.
 */
const COACH = "coach@demo.tend.test";
const SAM = "sam@demo.tend.test";

describe("homework", () => {
  it("coach assigns two practices; the client marks them done on a phone; the coach sees how it went", async () => {
    const coach = await newPage();
    await signInAs(coach, COACH);
    await coach.goto("/coach/clients");
    await coach.getByRole("link", { name: /^Sam Rivera/ }).click();
    await visible(coach.getByRole("heading", { name: "Homework" }));
    await expectAccessible(coach);
    const clientPage = coach.url();

    for (const practice of ["Daily check-in ritual", "Date night"]) {
      await coach.getByText("Assign a practice").click();
      await coach.getByLabel("Practice", { exact: true }).selectOption({ label: practice });
      await coach.getByRole("button", { name: "Assign practice" }).click();
      await visible(coach.getByText("Practice assigned."));
      await coach.goto(clientPage);
    }
    await visible(coach.getByText("Daily check-in ritual").first());
    await expectAccessible(coach, "the client page with homework assigned");
    await screenshot(coach, "homework-coach-assigned");

    const sam = await newPage({ viewport: PHONE, timezoneId: "America/New_York" });
    await signInAs(sam, SAM);
    await sam.goto("/portal/homework");
    await visible(sam.getByRole("heading", { name: "This week" }));
    await expectAccessible(sam);

    const reflections = { "Daily check-in ritual": "We each talked for five minutes, no phones.", "Date night": "A walk by the river; we laughed a lot." };
    for (const [title, words] of Object.entries(reflections)) {
      const card = sam.getByRole("article", { name: title });
      await card.getByRole("button", { name: /mark done/ }).first().click();
      await card.locator("textarea[name=reflection]").fill(words);
      await card.locator("label", { hasText: /^4$/ }).click();
      await card.getByRole("button", { name: "Mark done", exact: true }).click();
      await visible(card.getByRole("button", { name: /: done$/ }).first());
    }
    await expectAccessible(sam, "the homework done on a phone");
    await screenshot(sam, "homework-client-phone");
    // Nothing on the page is wider than the phone.
    expect(await sam.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await coach.goto(clientPage);
    // Each reflection shows in the adherence panel and on the timeline: the first is enough.
    for (const words of Object.values(reflections)) await visible(coach.getByText(words).first());
    await visible(coach.getByText(/100% done \(1 of 1\)/).first());
    await expectAccessible(coach, "the client page with adherence");
    await screenshot(coach, "homework-coach-adherence");
  });
});
