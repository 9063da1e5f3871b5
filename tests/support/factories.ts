import { resetEnvCache } from "@/lib/env";
import { resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { createOffering } from "@/server/offerings/offerings";
import type { OfferingInput } from "@/server/offerings/schemas";
import { getPracticeCoachId, setWeeklyHours } from "@/server/scheduling/availability-store";
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

/**
 * Points the server's clock (TEND_TEST_CLOCK) at an instant, or back at real
 * time with null; domain code reads it through now().
 */
export function setTestClock(instant: Date | null) {
  if (instant) process.env.TEND_TEST_CLOCK = instant.toISOString();
  else delete process.env.TEND_TEST_CLOCK;
  resetEnvCache();
  resetClock();
}

/** Monday to Friday, 09:00–17:00 in the practice's zone. */
const WEEKDAY_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" }));

/**
 * A coach whose practice works weekday office hours in `timeZone`, with one offering (one-on-one,
 * 60 min, $150 unless overridden). Its payment is collected offline unless the test says
 * otherwise: scheduling tests book confirmed sessions; billing tests ask for `at_booking`.
 */
export async function createBookablePractice(timeZone: string, offering: Partial<OfferingInput> = {}, practice: { name?: string } = {}) {
  const coach = await createCoachWithPractice({ timeZone, ...practice });
  const coachId = await getPracticeCoachId(coach.practiceId);
  await setWeeklyHours(coach.practiceId, coachId, WEEKDAY_HOURS);
  const created = await createOffering(coach.practiceId, {
    kind: "one_on_one",
    name: "One-on-One",
    slug: "one-on-one",
    durationMinutes: 60,
    priceCents: 15000,
    active: true,
    paymentCollection: "offline",
    ...offering,
  });
  return { ...coach, coachId, offering: created };
}
