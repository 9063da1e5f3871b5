import { Auth } from "@auth/core";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { authConfig } from "@/server/auth/config";
import { getDb } from "@/server/db/client";
import { devMailbox, memberships, sessions, users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { createPractice } from "@/server/practices/create-practice";
import { findCoachPractice } from "@/server/practices/queries";

const base = "http://localhost:3000";
const config = () => ({ ...authConfig(), basePath: "/api/auth" });

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The real Auth.js email flow: csrf → POST signin → link from the mailbox → callback → session. */
async function signInByMagicLink(email: string) {
  const csrfResponse = await Auth(new Request(`${base}/api/auth/csrf`), config());
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signIn = await Auth(
    new Request(`${base}/api/auth/signin/email`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfResponse) },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: `${base}/home` }),
    }),
    config(),
  );
  expect(signIn.status).toBe(302);
  // Auth.js's own verify-request URL, which forwards to our /check-email page.
  const verify = signIn.headers.get("location")!;
  expect(verify).toContain("/api/auth/verify-request");
  const checkEmail = await Auth(new Request(verify), config());
  expect(checkEmail.headers.get("location")).toContain("/check-email");

  const [mail] = await getDb().select().from(devMailbox).where(eq(devMailbox.recipient, email.toLowerCase()));
  expect(mail, "the magic link was delivered to the dev mailbox").toBeDefined();
  const link = mail!.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\?\S+/)?.[0];
  expect(link).toBeDefined();

  const callback = await Auth(new Request(link!), config());
  expect(callback.status).toBe(302);
  expect(callback.headers.get("location")).toBe(`${base}/home`);
  const sessionToken = callback.headers
    .getSetCookie()
    .find((c) => c.startsWith("authjs.session-token="))
    ?.split(";")[0]
    ?.split("=")[1];
  expect(sessionToken).toBeTruthy();
  const [session] = await getDb().select().from(sessions).where(eq(sessions.sessionToken, sessionToken!));
  return { session: session!, link: link! };
}

describe("sign-up, then onboarding", () => {
  it("signs a new coach in by magic link and creates their practice", async () => {
    const { session, link } = await signInByMagicLink("New.Coach@Example.test");
    const [user] = await getDb().select().from(users).where(eq(users.id, session.userId));
    expect(user!.email).toBe("new.coach@example.test");
    expect(user!.emailVerified).toBeInstanceOf(Date);
    expect(await findCoachPractice(user!.id)).toBeNull();

    const practice = await createPractice(user!.id, {
      name: "Wayne Miller Coaching",
      slug: "wayne-miller",
      timeZone: "America/Chicago",
      currency: "usd",
      contactEmail: "wayne@example.test",
    });
    expect(practice).toMatchObject({ slug: "wayne-miller", timeZone: "America/Chicago", currency: "USD" });
    expect((await findCoachPractice(user!.id))?.id).toBe(practice.id);
    const roles = await getDb().select().from(memberships).where(eq(memberships.userId, user!.id));
    expect(roles.map((m) => m.role)).toEqual(["coach"]);

    // A magic link works once.
    const replay = await Auth(new Request(link), config());
    expect(replay.headers.get("location")).toContain("error=Verification");
  });

  it("rejects a malformed email at sign-in without sending anything", async () => {
    const csrfResponse = await Auth(new Request(`${base}/api/auth/csrf`), config());
    const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
    const response = await Auth(
      new Request(`${base}/api/auth/signin/email`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrfResponse) },
        body: new URLSearchParams({ csrfToken, email: "not-an-email", callbackUrl: base }),
      }),
      config(),
    );
    expect(response.headers.get("location")).toContain("error=");
    const mail = await getDb().select().from(devMailbox).where(eq(devMailbox.recipient, "not-an-email"));
    expect(mail).toHaveLength(0);
  });

  it("refuses a taken or malformed web address with field messages", async () => {
    const { session } = await signInByMagicLink("second@example.test");
    const other = await signInByMagicLink("third@example.test");
    await createPractice(session.userId, { name: "First", slug: "taken", timeZone: "UTC", contactEmail: "a@example.test" });

    const taken = await createPractice(other.session.userId, {
      name: "Second",
      slug: "taken",
      timeZone: "UTC",
      contactEmail: "b@example.test",
    }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(AppError);
    expect((taken as AppError).code).toBe("conflict");
    expect((taken as AppError).fieldErrors?.slug?.[0]).toMatch(/taken/);

    const bad = await createPractice(other.session.userId, {
      name: "x".repeat(101),
      slug: "Not A Slug!",
      timeZone: "Mars/Olympus",
      contactEmail: "nope",
    }).catch((e: unknown) => e as AppError);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).code).toBe("invalid");
    expect(Object.keys((bad as AppError).fieldErrors ?? {}).sort()).toEqual(["contactEmail", "name", "slug", "timeZone"]);

    const reserved = await createPractice(other.session.userId, {
      name: "Reserved",
      slug: "coach",
      timeZone: "UTC",
      contactEmail: "b@example.test",
    }).catch((e: unknown) => e as AppError);
    expect((reserved as AppError).fieldErrors?.slug?.[0]).toMatch(/reserved/);
  });
});
