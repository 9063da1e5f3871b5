import { getDb } from "@/server/db/client";
import { users } from "@/server/db/schema";
import { createPractice } from "@/server/practices/create-practice";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A user row as Auth.js would create it on first sign-in. */
export async function createUser(email = `user-${unique()}@example.test`) {
  const [user] = await getDb().insert(users).values({ email, emailVerified: new Date() }).returning();
  return user!;
}

/** A coach with a practice of their own, through the same path as onboarding. */
export async function createCoachWithPractice(overrides: Partial<{ slug: string; timeZone: string; name: string }> = {}) {
  const user = await createUser();
  const slug = overrides.slug ?? `practice-${unique()}`;
  const practice = await createPractice(user.id, {
    name: overrides.name ?? `Practice ${slug}`,
    slug,
    timeZone: overrides.timeZone ?? "America/Los_Angeles",
    currency: "USD",
    contactEmail: user.email!,
  });
  return { user, practice, practiceId: practice.id };
}
