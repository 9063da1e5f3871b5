import "server-only";
import NextAuth from "next-auth";
import { clientAddress, errorResponse } from "@/server/http";
import { limitSignInLinks } from "@/server/rate-limit";
import { authConfig } from "./config";

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());

/**
 * Auth.js's own POST endpoint. `POST /api/auth/signin/email` emails a sign-in
 * link just as /signin does, so it gets the same limits before Auth.js runs
 * (429 with the usual JSON error; the same answer for any address).
 */
export async function authPost(request: Request): Promise<Response> {
  if (new URL(request.url).pathname.endsWith("/signin/email")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    try {
      await limitSignInLinks(form?.get("email"), clientAddress(request.headers));
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handlers.POST(request as Parameters<typeof handlers.POST>[0]);
}
