"use server";

import { z } from "zod";
import { publicAction } from "@/server/action";
import { abandonTestCheckout, payTestCheckout } from "@/server/billing/test-checkout";

const checkoutForm = z.object({ session: z.string().regex(/^test_cs_[0-9a-f]{36}$/, "This isn't a test checkout.") });

/** "Pay": the same domain function a paid `checkout.session.completed` reaches. */
export const payTestCheckoutAction = publicAction(checkoutForm, async ({ session }) => ({ url: await payTestCheckout(session) }));

/** "Abandon": the same domain function `checkout.session.expired` reaches. */
export const abandonTestCheckoutAction = publicAction(checkoutForm, async ({ session }) => ({ url: await abandonTestCheckout(session) }));
