"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publicAction } from "@/server/action";
import { notFound } from "@/server/errors";
import { drainDueEmails } from "@/server/notifications/dispatcher";
import { isDevMailboxEnabled } from "@/server/notifications/mailbox";

/** Sends what is due now instead of waiting for the dispatcher's next round. */
export const sendDueEmailsAction = publicAction(z.object({}), async () => {
  if (!(await isDevMailboxEnabled())) throw notFound("The dev mailbox");
  const result = await drainDueEmails();
  revalidatePath("/dev/mailbox", "layout");
  return result;
});
