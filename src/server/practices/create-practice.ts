import "server-only";
import { getDb } from "@/server/db/client";
import { memberships, practices } from "@/server/db/schema";
import { addFrameworkPractices } from "@/server/homework/framework-practices";
import { conflict, isUniqueViolation } from "@/server/errors";
import { seedIntakeTemplates } from "@/server/intake/questionnaires";
import { parseInput } from "@/server/validate";
import { practiceInput, type PracticeInput } from "./schemas";

/** Onboarding: creates a practice, makes the user its coach and gives it the intake templates, in one transaction. */
export async function createPractice(userId: string, input: PracticeInput) {
  const values = parseInput(practiceInput, input);
  try {
    return await getDb().transaction(async (tx) => {
      const [practice] = await tx.insert(practices).values(values).returning();
      await tx.insert(memberships).values({ practiceId: practice!.id, userId, role: "coach" });
      await addFrameworkPractices(tx, practice!.id);
      await seedIntakeTemplates(tx, practice!.id);
      return practice!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "practices_slug_unique")) {
      throw conflict("That address is taken.", { slug: ["That address is already taken; try another."] });
    }
    throw error;
  }
}
