"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { emailSchema } from "@/lib/validation";
import { publicAction, userAction } from "@/server/action";
import { signIn, signOut } from "@/server/auth";
import { createPractice } from "@/server/practices/create-practice";
import { practiceInput } from "@/server/practices/schemas";
import { clientAddress } from "@/server/http";
import { limitSignInLinks } from "@/server/rate-limit";
import { safeNextPath } from "@/lib/safe-next";
import { AppError } from "@/server/errors";

const signInInput = z.object({ email: emailSchema, next: z.string().optional() });

/**
 * Sends a magic link. Limited per client address and per email address so
 * nobody can flood an inbox; the answer is the same whether or not the
 * address has an account.
 */
export const requestSignInLink = publicAction(signInInput, async ({ email, next }) => {
  await limitSignInLinks(email, clientAddress(await headers()));
  const outcome: string = await signIn("email", {
    email,
    redirectTo: `/home?next=${encodeURIComponent(safeNextPath(next))}`,
    redirect: false,
  });
  // Auth.js answers with its error page when the link could not be sent.
  if (new URL(outcome, "http://local").searchParams.has("error")) {
    throw new AppError("invalid", "We couldn't send a sign-in link just now. Please try again in a minute.", undefined, {
      internal: `Auth.js could not send a sign-in link: ${outcome}`,
    });
  }
  // Straight to our page rather than through Auth.js's /api/auth/verify-request.
  redirect("/check-email");
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

/** Onboarding: the signed-in person becomes the coach of a new practice. */
export const createPracticeAction = userAction(practiceInput, async (input, user) => {
  await createPractice(user.id, input);
  redirect("/coach?welcome=1");
});
