import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findClientForUser, findClientOfPracticeForUser, findClosedPortalForUser, linkClientAccounts } from "@/server/clients/clients";
import { findCoachPractice } from "@/server/practices/queries";
import { auth } from "./index";

export type SignedInUser = { id: string; email: string; name: string | null };
export type CoachContext = {
  user: SignedInUser;
  practiceId: string;
  practice: NonNullable<Awaited<ReturnType<typeof findCoachPractice>>>;
};
export type ClientContext = {
  user: SignedInUser;
  practiceId: string;
  clientId: string;
  client: NonNullable<Awaited<ReturnType<typeof findClientForUser>>>["client"];
  practice: NonNullable<Awaited<ReturnType<typeof findClientForUser>>>["practice"];
};

/** The signed-in user, read from the database session; once per request. */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null };
});

export async function requireUser(next = "/"): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(next)}`);
  return user;
}

/** Every coach page and action starts here: signed in, and coach of a practice. */
export const requireCoach = cache(async (): Promise<CoachContext> => {
  const user = await requireUser("/coach");
  const practice = await findCoachPractice(user.id);
  if (!practice) redirect("/onboarding");
  return { user, practice, practiceId: practice.id };
});

/** Every portal page and action starts here: signed in, and a client of a practice. */
export const requireClient = cache(async (): Promise<ClientContext> => {
  const user = await requireUser("/portal");
  let found = await findClientForUser(user.id);
  if (!found) {
    // A coach may have added this email after the account was created.
    await linkClientAccounts(user.id, user.email);
    found = await findClientForUser(user.id);
  }
  if (!found) redirect("/portal/not-a-client");
  return { user, client: found.client, practice: found.practice, practiceId: found.practice.id, clientId: found.client.id };
});

/**
 * Where a user belongs after signing in: their dashboard, their portal, or onboarding. Someone
 * a coach knows as a client never lands on onboarding: an archived client goes to the page that
 * says their portal is closed.
 */
export async function homePathFor(user: SignedInUser): Promise<string> {
  if (await findCoachPractice(user.id)) return "/coach";
  await linkClientAccounts(user.id, user.email);
  if (await findClientForUser(user.id)) return "/portal";
  if (await findClosedPortalForUser(user.id)) return "/portal/not-a-client";
  return "/onboarding";
}

/**
 * On a practice's public booking page: the name, email and zone of the signed-in person's client
 * record in that practice, to fill in the form (the portal's "Book a session"). Null for a
 * visitor, a coach, or a client of another practice. Read from the session cookie, never the URL.
 */
export async function signedInClientDetails(practiceId: string) {
  const user = await currentUser();
  if (!user) return null;
  const client = await findClientOfPracticeForUser(practiceId, user.id);
  return client ? { name: client.name, email: client.email, timeZone: client.timeZone } : null;
}
