import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "./client";
import type { OfferingKind } from "@/lib/offerings";
import { schedulingDefaultsFor } from "@/lib/scheduling/policy";
import { addFrameworkPractices } from "@/server/homework/framework-practices";
import { seedIntakeTemplates } from "@/server/intake/questionnaires";
import { clients, memberships, offerings, packages, plans, practiceProfiles, practices, users, weeklyHours } from "./schema";

/** The offering columns for a kind's scheduling defaults (see docs/scheduling.md). */
function schedulingFor(kind: OfferingKind) {
  const { minimumNoticeHours, ...rest } = schedulingDefaultsFor(kind);
  return { ...rest, minimumNoticeMinutes: minimumNoticeHours * 60 };
}

const DEMO_COACH_EMAIL = "coach@demo.tend.test";
const DEMO_PRACTICE_SLUG = "demo";

/**
 * The demo practice a new developer signs in to. Runs only on a database
 * with no practices yet (or when forced), so it never touches real data.
 * Returns whether it seeded.
 */
export async function seedDemoPractice({ force = false } = {}): Promise<boolean> {
  const db = getDb();
  return db.transaction(async (tx) => {
    // Serialise concurrent starts on a Postgres server (no-op cost on PGlite).
    await tx.execute(sql`select pg_advisory_xact_lock(724211002)`);
    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(practices);
    const [existingDemo] = await tx.select({ id: practices.id }).from(practices).where(sql`${practices.slug} = ${DEMO_PRACTICE_SLUG}`);
    if (existingDemo || (count > 0 && !force)) return false;

    const [coach] = await tx
      .insert(users)
      .values({ email: DEMO_COACH_EMAIL, name: "Wayne (demo coach)" })
      .onConflictDoUpdate({ target: users.email, set: { name: "Wayne (demo coach)" } })
      .returning();
    const [practice] = await tx
      .insert(practices)
      .values({
        name: "Wayne's Relationship Coaching (demo)",
        slug: DEMO_PRACTICE_SLUG,
        timeZone: "America/Los_Angeles",
        currency: "USD",
        contactEmail: DEMO_COACH_EMAIL,
      })
      .returning();
    await tx.insert(memberships).values({ practiceId: practice!.id, userId: coach!.id, role: "coach" });
    // What the booking pages say about the coach (a photo is the coach's own to upload).
    await tx.insert(practiceProfiles).values({
      practiceId: practice!.id,
      bio: "I have coached men and couples for more than 30 years. Most people come to me when the distance has grown quietly and neither of them knows how to close it. We find what sits underneath, then rebuild trust and closeness step by step, with small practices between sessions.",
      credentials: "30+ years coaching men and couples · Certified relationship coach",
      languages: ["English", "Spanish"],
    });
    const intake = await seedIntakeTemplates(tx, practice!.id);

    const seeded = await tx.insert(offerings).values([
      {
        practiceId: practice!.id,
        kind: "relationship",
        ...schedulingFor("relationship"),
        intakeQuestionnaireId: intake.relationship,
        // Both partners answer before the first session; the coach is warned if not (docs/intake.md).
        intakeRequired: true,
        slug: "relationship",
        name: "Relationship Coaching",
        description:
          "For a man or a couple who want to reconnect. We find the root causes behind the distance, then rebuild trust and emotional intimacy step by step, with practices between sessions.",
        durationMinutes: 60,
        priceCents: 20000,
        currency: "USD",
        // Per session, collected by the coach (packages come with billing part 2).
        paymentCollection: "offline",
        format: "video",
        sortOrder: 1,
      },
      {
        practiceId: practice!.id,
        kind: "crisis",
        ...schedulingFor("crisis"),
        intakeQuestionnaireId: intake.crisis,
        slug: "crisis",
        name: "Crisis Coaching",
        description:
          "For an acute relationship crisis, such as discovered infidelity or a threat of separation. Bookable at short notice; the first session runs 90 minutes.",
        durationMinutes: 90,
        priceCents: 30000,
        currency: "USD",
        // Paid when booked, through Checkout (or the test checkout on a laptop without Stripe keys).
        paymentCollection: "at_booking",
        format: "video",
        sortOrder: 2,
      },
      {
        practiceId: practice!.id,
        kind: "one_on_one",
        ...schedulingFor("one_on_one"),
        intakeQuestionnaireId: intake.one_on_one,
        slug: "one-on-one",
        name: "One-on-One Coaching",
        description: "For an individual working on himself: what he brings into his relationships, and how to show up differently.",
        durationMinutes: 60,
        priceCents: 15000,
        currency: "USD",
        paymentCollection: "offline",
        format: "video",
        sortOrder: 3,
      },
    ]).returning();
    // Relationship sessions are also sold ahead (docs/billing.md, packages).
    const relationship = seeded.find((o) => o.slug === "relationship")!;
    await tx.insert(packages).values({
      practiceId: practice!.id,
      name: "Relationship package of 6",
      offeringIds: [relationship.id],
      sessions: 6,
      priceCents: 110000,
      currency: "USD",
      validDays: 180,
    });

    // One-on-one also sold as a monthly plan: 4 sessions for $500 a month (docs/billing.md).
    const oneOnOne = seeded.find((o) => o.slug === "one-on-one")!;
    await tx.insert(plans).values({ practiceId: practice!.id, name: "One-on-One Coaching plan", offeringIds: [oneOnOne.id], sessionsPerPeriod: 4, priceCents: 50000, currency: "USD" });

    // Monday to Friday, 09:00–17:00 in the practice's zone.
    await tx
      .insert(weeklyHours)
      .values([1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice!.id, coachId: coach!.id, weekday, startTime: "09:00", endTime: "17:00" })));

    const [sam] = await tx
      .insert(clients)
      .values({ practiceId: practice!.id, name: "Sam Rivera", email: "sam@demo.tend.test", timeZone: "America/New_York" })
      .returning();
    const [alex] = await tx
      .insert(clients)
      .values({ practiceId: practice!.id, name: "Alex Rivera", email: "alex@demo.tend.test", timeZone: "America/New_York", partnerId: sam!.id })
      .returning();
    await tx.update(clients).set({ partnerId: alex!.id }).where(sql`${clients.id} = ${sam!.id}`);
    await addFrameworkPractices(tx, practice!.id);
    return true;
  });
}
