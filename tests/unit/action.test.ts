import { Writable } from "node:stream";
import { notFound, redirect } from "next/navigation";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineAction, GENERIC_FAILURE } from "@/server/define-action";
import { AppError } from "@/server/errors";
import { createLogger } from "@/server/log";
import { offeringFormSchema } from "@/server/offerings/schemas";

// The wrapper as publicAction builds it (no sign-in), writing its log where the test can read it.
function harness() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const action = defineAction(async () => ({ practiceId: "p-1" }), createLogger(stream));
  const logged = () => lines.map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string; stack?: string } });
  return { action, logged };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};

const offeringForm = {
  kind: "one_on_one",
  name: "One-on-One",
  slug: "one-on-one",
  durationMinutes: "60",
  price: "150",
  format: "video",
  active: "on",
};

describe("the server action wrapper", () => {
  it("answers an unknown error with the generic message and logs the detail", async () => {
    const { action, logged } = harness();
    const run = action(z.object({ name: z.string() }), async () => {
      throw new Error("relation \"offerings\" does not exist at character 15");
    });
    const result = await run(null, form({ name: "Sam" }));
    expect(result).toEqual({ ok: false, code: "internal", error: GENERIC_FAILURE, values: { name: "Sam" } });
    expect(JSON.stringify(result)).not.toContain("relation");
    const [line] = logged();
    expect(line?.msg).toBe("server action failed unexpectedly");
    expect(line?.err?.message).toContain('relation "offerings" does not exist');
  });

  it("shows an AppError's user message only, and logs its internal message", async () => {
    const { action, logged } = harness();
    const run = action(z.object({}), async () => {
      throw new AppError("conflict", "That time is taken.", undefined, { internal: "booking b-1 overlaps b-2 for coach c-9" });
    });
    const result = await run(null, form({}));
    expect(result).toMatchObject({ ok: false, code: "conflict", error: "That time is taken." });
    expect(JSON.stringify(result)).not.toContain("b-1");
    expect(logged().map((l) => l.err?.message)).toEqual(["booking b-1 overlaps b-2 for coach c-9"]);
  });

  it("keeps the old constructor: code, user message, field errors", async () => {
    const { action, logged } = harness();
    const run = action(z.object({}), async () => {
      throw new AppError("invalid", "Please correct the highlighted fields.", { email: ["Enter an email address."] });
    });
    expect(await run(null, undefined)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: ["Enter an email address."] } });
    // Nothing internal to say: nothing logged.
    expect(logged()).toEqual([]);
  });

  it("lets redirect() and notFound() through to Next.js", async () => {
    const { action } = harness();
    const redirecting = action(z.object({}), async () => redirect("/coach/offerings?saved=1"));
    await expect(redirecting(null, form({}))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;.*\/coach\/offerings\?saved=1/) });
    const missing = action(z.object({}), async () => notFound());
    await expect(missing(null, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("404") });
  });

  it("maps form errors to field messages and echoes what was typed", async () => {
    const { action } = harness();
    let called = false;
    const run = action(offeringFormSchema, async () => {
      called = true;
    });
    const result = await run(null, form({ ...offeringForm, name: "", price: "abc", format: "in_person" }));
    expect(called).toBe(false);
    if (result.ok) throw new Error("expected the form to be refused");
    expect(result.code).toBe("invalid");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["location", "name", "price"]);
    expect(result.fieldErrors?.price).toEqual(["Enter a price as a number, like 150 or 149.50."]);
    expect(result.values).toMatchObject({ price: "abc", format: "in_person", slug: "one-on-one", active: "on" });
  });

  it("hands the handler typed values: money in integer cents, numbers, booleans", async () => {
    const { action } = harness();
    const run = action(offeringFormSchema, async (input, ctx) => ({ input, ctx }));
    const parsed = async (fields: Record<string, string>) => {
      const result = await run(null, form({ ...offeringForm, ...fields }));
      if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.fieldErrors)}`);
      return result.data;
    };
    const { input, ctx } = await parsed({});
    expect(ctx).toEqual({ practiceId: "p-1" });
    expect(input).toMatchObject({ priceCents: 15000, durationMinutes: 60, active: true });
    expect(input).not.toHaveProperty("price");
    expect((await parsed({ price: "150.5" })).input.priceCents).toBe(15050);
    expect((await parsed({ price: "$149.99" })).input.priceCents).toBe(14999);
    expect((await parsed({ price: "0" })).input.priceCents).toBe(0);
    // An unticked checkbox sends nothing.
    const unticked = Object.fromEntries(Object.entries(offeringForm).filter(([key]) => key !== "active"));
    const off = await run(null, form(unticked));
    expect(off.ok && off.data.input.active).toBe(false);
  });

  it("refuses prices it can't read as cents, on the price field", async () => {
    const { action } = harness();
    const run = action(offeringFormSchema, async (input) => input);
    for (const [price, message] of [
      ["abc", /as a number/],
      ["150.555", /two decimals/],
      ["-5", /negative/],
      ["100001", /at most 100,000/],
    ] as const) {
      const result = await run(null, form({ ...offeringForm, price }));
      expect(result.ok, price).toBe(false);
      expect(!result.ok && result.fieldErrors?.price?.[0], price).toMatch(message);
    }
  });
});
