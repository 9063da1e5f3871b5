import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/server/db/client";
import { offerings, practices } from "@/server/db/schema";
import { conflict, isUniqueViolation, notFound } from "@/server/errors";
import { parseInput } from "@/server/validate";
import { practiceInput, type PracticeInput } from "./schemas";

export async function updatePractice(practiceId: string, input: PracticeInput) {
  const values = parseInput(practiceInput, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [practice] = await tx.update(practices).set(values).where(eq(practices.id, practiceId)).returning();
      if (!practice) throw notFound("That practice");
      // Prices are entered in the practice's currency; the offerings follow it.
      await tx.update(offerings).set({ currency: practice.currency }).where(eq(offerings.practiceId, practiceId));
      return practice;
    });
  } catch (error) {
    if (isUniqueViolation(error, "practices_slug_unique")) {
      throw conflict("That address is taken.", { slug: ["That address is already taken; try another."] });
    }
    throw error;
  }
}
