import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import {
  createOffering,
  deleteOffering,
  listActiveOfferings,
  listOfferings,
  setOfferingActive,
  updateOffering,
} from "@/server/offerings/offerings";
import { createCoachWithPractice } from "../support/factories";

const valid = {
  kind: "one_on_one" as const,
  name: "One-on-One Coaching",
  slug: "one-on-one",
  description: "For a man working on himself.",
  durationMinutes: 60,
  priceCents: 15000,
  format: "video" as const,
  active: true,
};

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("offerings", () => {
  it("creates, lists, updates, hides and deletes an offering", async () => {
    const { practiceId } = await createCoachWithPractice();
    const created = await createOffering(practiceId, valid);
    expect(created).toMatchObject({ slug: "one-on-one", priceCents: 15000, currency: "USD", active: true, durationMinutes: 60 });

    const updated = await updateOffering(practiceId, created.id, { ...valid, priceCents: 14950, durationMinutes: 90 });
    expect(updated).toMatchObject({ priceCents: 14950, durationMinutes: 90 });

    await setOfferingActive(practiceId, created.id, false);
    expect(await listActiveOfferings(practiceId)).toHaveLength(0);
    expect(await listOfferings(practiceId)).toHaveLength(1);

    await deleteOffering(practiceId, created.id);
    expect(await listOfferings(practiceId)).toHaveLength(0);
  });

  it("answers bad input with field messages, never a crash", async () => {
    const { practiceId } = await createCoachWithPractice();
    // Typed input is validated too: a cron job or a test gets the same guarantees as the form.
    const negative = await failure(createOffering(practiceId, { ...valid, priceCents: -500 }));
    expect(negative.code).toBe("invalid");
    expect(negative.fieldErrors?.priceCents?.[0]).toMatch(/negative/);

    const long = await failure(createOffering(practiceId, { ...valid, name: "x".repeat(81) }));
    expect(long.fieldErrors?.name?.[0]).toMatch(/80/);

    const several = await failure(
      createOffering(practiceId, { ...valid, kind: "therapy" as never, durationMinutes: 0, slug: "Bad Slug", format: "in_person" }),
    );
    expect(Object.keys(several.fieldErrors ?? {}).sort()).toEqual(["durationMinutes", "kind", "location", "slug"]);

    const fraction = await failure(createOffering(practiceId, { ...valid, priceCents: 150.5 }));
    expect(fraction.fieldErrors?.priceCents?.[0]).toMatch(/whole cents/);
    // Form-shaped strings are refused, not re-parsed (the form schema turned "150" into 15000 already).
    const formShaped = await failure(createOffering(practiceId, { ...valid, priceCents: "150" as unknown as number }));
    expect(formShaped.fieldErrors?.priceCents).toBeDefined();
  });

  it("keeps slugs unique within a practice but not across practices", async () => {
    const a = await createCoachWithPractice();
    const b = await createCoachWithPractice();
    await createOffering(a.practiceId, valid);
    const duplicate = await failure(createOffering(a.practiceId, { ...valid, name: "Another" }));
    expect(duplicate.code).toBe("conflict");
    expect(duplicate.fieldErrors?.slug).toBeDefined();
    await expect(createOffering(b.practiceId, valid)).resolves.toMatchObject({ slug: "one-on-one" });
  });
});
