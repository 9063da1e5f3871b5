import Link from "next/link";
import { unstable_rethrow } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { SproutIcon, Wordmark } from "@/components/site/wordmark";
import { currentUser, homePathFor } from "@/server/auth/guards";
import { log } from "@/server/log";

// Who is signed in is read from the request's cookie, so this page is rendered per request.
export const dynamic = "force-dynamic";

async function dashboardPath(): Promise<string | null> {
  try {
    const user = await currentUser();
    return user ? await homePathFor(user) : null;
  } catch (error) {
    unstable_rethrow(error);
    // The landing page must open even if the session can't be read right now.
    log.error({ err: error }, "landing page could not read the session");
    return null;
  }
}

// What is built, then what is planned and labelled so: the page sells nothing a coach can't use yet.
const FEATURES: { title: string; text: string; planned?: boolean }[] = [
  {
    title: "Booking that respects your time",
    text: "Clients pick a relationship, crisis or one-on-one session from your page, in their own time zone. Reminders go out for you.",
  },
  {
    title: "A quiet place for clients",
    text: "Each client gets a private portal to see, move or cancel their sessions. No app to install, no password to forget.",
  },
  {
    title: "Paid when they book",
    text: "Choose which sessions are paid at booking through Stripe, into your own account. Cancellations refund by the policy the client saw.",
  },
  {
    title: "Intake that finds the root causes",
    text: "Questionnaires that surface unresolved history, communication breakdowns and unmet needs, with both partners side by side.",
  },
  {
    title: "Homework between sessions",
    text: "Give practices like a daily check-in or a weekly date night, and see clients’ reflections before you meet again.",
  },
  {
    title: "Session notes, private or shared",
    text: "Keep your own notes on each session, encrypted at rest, and share the ones a client should see in their portal.",
  },
];

export default async function LandingPage() {
  const home = await dashboardPath();
  const homeLabel = home === "/portal" ? "Go to your portal" : "Go to your dashboard";

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-4 px-4 py-5 sm:px-6">
        <Wordmark />
        <nav aria-label="Account">
          {home ? (
            <Link href={home} className={buttonClass("secondary")}>
              {homeLabel}
            </Link>
          ) : (
            <Link href="/signin" className={buttonClass("ghost")}>
              Sign in
            </Link>
          )}
        </nav>
      </header>

      <main id="main" className="flex-1">
        <section className="mx-auto max-w-5xl px-4 pb-16 pt-10 sm:px-6 sm:pb-24 sm:pt-20">
          <p className="text-sm font-medium text-brand-700">For relationship coaches</p>
          <h1 className="mt-3 max-w-3xl font-serif text-4xl font-semibold leading-tight text-ink sm:text-5xl">
            A calm home for your coaching practice.
          </h1>
          <p className="mt-5 max-w-2xl text-lg leading-relaxed text-muted">
            Tend keeps the practical side of coaching in one place: your booking page, your sessions and your clients, with an intake that
            shows where to start and homework between sessions. So your attention stays on the people in front of you.
          </p>
          <div className="mt-8 flex flex-col gap-3 sm:flex-row">
            {home ? (
              <Link href={home} className={buttonClass("primary", "px-6 py-3 text-base")}>
                {homeLabel}
              </Link>
            ) : (
              <Link href="/signin" className={buttonClass("primary", "px-6 py-3 text-base")}>
                Sign in
              </Link>
            )}
            <Link href="/book/demo" className={buttonClass("secondary", "px-6 py-3 text-base")}>
              See the demo practice
            </Link>
          </div>
          {home ? null : (
            <p className="mt-4 text-sm text-muted">New here? Sign in with your email and we’ll help you set up your practice in a minute.</p>
          )}
        </section>

        <section aria-labelledby="features-heading" className="border-t border-line bg-white">
          <div className="mx-auto max-w-5xl px-4 py-14 sm:px-6 sm:py-20">
            <h2 id="features-heading" className="font-serif text-2xl font-semibold text-ink sm:text-3xl">
              Built around how you coach
            </h2>
            <ul className="mt-8 grid gap-6 sm:grid-cols-2">
              {FEATURES.map((feature) => (
                <li key={feature.title} className="rounded-2xl border border-line bg-paper p-6">
                  <SproutIcon className="h-5 w-5 text-brand-600" />
                  <h3 className="mt-3 flex flex-wrap items-center gap-2 font-semibold text-ink">
                    {feature.title}
                    {feature.planned ? <Badge>Coming soon</Badge> : null}
                  </h3>
                  <p className="mt-1.5 text-sm leading-relaxed text-muted">{feature.text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>

      <footer className="border-t border-line">
        <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-8 text-sm text-muted sm:flex-row sm:justify-between sm:px-6">
          <p>Tend is open-source practice management for coaches.</p>
          <Link href="/book/demo" className="underline underline-offset-4 hover:text-ink">
            Demo booking page
          </Link>
        </div>
      </footer>
    </div>
  );
}
