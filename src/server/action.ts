import "server-only";
import {
  requireClient,
  requireCoach,
  requireUser,
  type ClientContext,
  type CoachContext,
  type SignedInUser,
} from "@/server/auth/guards";
import { defineAction } from "@/server/define-action";

// The one wrapper every server action goes through (see define-action.ts), once per way of signing in.

export const coachAction = defineAction<CoachContext>(requireCoach);

export const clientAction = defineAction<ClientContext>(requireClient);

/** Signed in, whatever the role (onboarding, account settings). */
export const userAction = defineAction<SignedInUser>(() => requireUser());

export const publicAction = defineAction<null>(async () => null);
