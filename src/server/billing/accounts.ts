import "server-only";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { getDb, type DbOrTx } from "@/server/db/client";
import { practices, stripeAccounts } from "@/server/db/schema";
import { AppError, notFound } from "@/server/errors";
import { connectEnabled, paymentMode, stripe, type PaymentMode, type Stripe } from "./stripe-client";

/** What Settings → Payments shows: how this server takes money, and the practice's account under Connect. */
export type PaymentAccountStatus = {
  mode: PaymentMode;
  connect: boolean;
  /** Connect only: null until the coach starts connecting. */
  account: { id: string; chargesEnabled: boolean; detailsSubmitted: boolean } | null;
  /** Whether paid offerings set to "at booking" go through checkout right now. */
  canCollect: boolean;
};

export async function getPaymentAccountStatus(practiceId: string, db: DbOrTx = getDb()): Promise<PaymentAccountStatus> {
  const mode = paymentMode();
  const connect = connectEnabled();
  const [row] = await db.select().from(stripeAccounts).where(eq(stripeAccounts.practiceId, practiceId));
  const account = row ? { id: row.accountId, chargesEnabled: row.chargesEnabled, detailsSubmitted: row.detailsSubmitted } : null;
  const canCollect = mode === "test" || (mode === "stripe" && (!connect || !!account?.chargesEnabled));
  return { mode, connect, account, canCollect };
}

/**
 * Starts (or resumes) onboarding of the practice's own Stripe account: creates
 * the connected account once, then a fresh single-use Account Link to Stripe's
 * hosted onboarding. Returns the link's URL to redirect the coach to.
 */
export async function createOnboardingLink(practiceId: string): Promise<string> {
  if (paymentMode() !== "stripe" || !connectEnabled()) {
    throw new AppError("conflict", "Connecting a Stripe account needs STRIPE_SECRET_KEY and STRIPE_CONNECT=on on the server.");
  }
  const [practice] = await getDb().select().from(practices).where(eq(practices.id, practiceId));
  if (!practice) throw notFound("That practice");
  let [row] = await getDb().select().from(stripeAccounts).where(eq(stripeAccounts.practiceId, practiceId));
  if (!row) {
    const account = await stripe().accounts.create(
      {
        email: practice.contactEmail,
        business_profile: { name: practice.name },
        // The practice owns its account and its dashboard; Stripe handles losses and fees with it.
        controller: { stripe_dashboard: { type: "full" }, fees: { payer: "account" }, losses: { payments: "stripe" } },
        metadata: { practiceId },
      },
      { idempotencyKey: `connect-account:${practiceId}` },
    );
    await getDb().insert(stripeAccounts).values({ practiceId, accountId: account.id }).onConflictDoNothing();
    [row] = await getDb().select().from(stripeAccounts).where(eq(stripeAccounts.practiceId, practiceId));
  }
  const back = new URL("/coach/settings/payments", env().APP_URL).toString();
  const link = await stripe().accountLinks.create({ account: row!.accountId, type: "account_onboarding", refresh_url: `${back}?connect=retry`, return_url: `${back}?connect=done` });
  return link.url;
}

/** `account.updated`: keep whether the connected account can take charges. */
export async function recordAccountUpdated(tx: DbOrTx, account: Stripe.Account) {
  await tx
    .update(stripeAccounts)
    .set({ chargesEnabled: account.charges_enabled ?? false, detailsSubmitted: account.details_submitted ?? false })
    .where(eq(stripeAccounts.accountId, account.id));
}

/** After onboarding returns: re-read the account from Stripe rather than wait for the webhook. */
export async function refreshConnectedAccount(practiceId: string) {
  const status = await getPaymentAccountStatus(practiceId);
  if (status.mode !== "stripe" || !status.account) return status;
  const account = await stripe().accounts.retrieve(status.account.id);
  await recordAccountUpdated(getDb(), account);
  return getPaymentAccountStatus(practiceId);
}
