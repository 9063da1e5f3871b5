import { describe, expect, it } from "vitest";
import { embedOriginsForSlug, setEmbedOrigins } from "@/server/practices/embedding";
import { embedSettingsFormSchema } from "@/server/practices/schemas";
import { createCoachWithPractice } from "../support/factories";

describe("the websites allowed to embed a booking page", () => {
  it("starts empty (any website), and stores a typed list as bare https origins", async () => {
    const { practiceId, practice } = await createCoachWithPractice();
    expect(await embedOriginsForSlug(practice.slug)).toEqual([]);

    const typed = "https://www.example.com/\n  https://Booking.Example.org:8443 , https://www.example.com\n";
    const saved = await setEmbedOrigins(practiceId, embedSettingsFormSchema.parse({ embedOrigins: typed }));
    expect(saved).toEqual(["https://www.example.com", "https://booking.example.org:8443"]);
    expect(await embedOriginsForSlug(practice.slug.toUpperCase())).toEqual(saved);

    // Blank again: any website.
    expect(await setEmbedOrigins(practiceId, embedSettingsFormSchema.parse({ embedOrigins: "  " }))).toEqual([]);
    expect(await embedOriginsForSlug(practice.slug)).toEqual([]);

    // Typed callers pass the list; it is normalised the same way.
    expect(await setEmbedOrigins(practiceId, { embedOrigins: ["https://Booking.Example.org:8443/", "https://booking.example.org:8443"] })).toEqual([
      "https://booking.example.org:8443",
    ]);
  });

  it.each([
    "http://www.example.com",
    "www.example.com",
    "https://www.example.com/booking",
    "https://www.example.com/?x=1",
    "https://user:pw@www.example.com",
    "https://localhost",
    "https://www.example.com; script-src *",
    "javascript:alert(1)",
  ])("refuses %j with a message on the field, and keeps the saved list", async (entry) => {
    const { practiceId, practice } = await createCoachWithPractice();
    const notAWebsite = /is not a website address like https:\/\/www\.example\.com/;
    await setEmbedOrigins(practiceId, { embedOrigins: ["https://www.example.com"] });
    const form = embedSettingsFormSchema.safeParse({ embedOrigins: `https://ok.example.com\n${entry}` });
    expect(form.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["embedOrigins", expect.stringMatching(notAWebsite)]]);
    await expect(setEmbedOrigins(practiceId, { embedOrigins: ["https://ok.example.com", entry] })).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { "embedOrigins.1": [expect.stringMatching(notAWebsite)] },
    });
    expect(await embedOriginsForSlug(practice.slug)).toEqual(["https://www.example.com"]);
  });

  it("changes only the practice it is given, and knows no unknown slug", async () => {
    const one = await createCoachWithPractice();
    const other = await createCoachWithPractice();
    await setEmbedOrigins(one.practiceId, { embedOrigins: ["https://one.example.com"] });
    expect(await embedOriginsForSlug(other.practice.slug)).toEqual([]);
    expect(await embedOriginsForSlug("no-such-practice")).toBeNull();
    expect(await embedOriginsForSlug("../etc")).toBeNull();
    await expect(setEmbedOrigins("00000000-0000-4000-8000-000000000000", { embedOrigins: [] })).rejects.toMatchObject({ code: "not_found" });
  });
});
