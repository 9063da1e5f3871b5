"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { coachAction } from "@/server/action";
import { createClient, setClientPartner, setClientStatus, updateClient } from "@/server/clients/clients";
import { deleteClient } from "@/server/clients/deletion";
import { clientEditFormSchema, clientFormSchema } from "@/server/clients/schemas";

export const createClientAction = coachAction(clientFormSchema, async (input, { practiceId }) => {
  const client = await createClient(practiceId, input);
  revalidatePath("/coach", "layout");
  redirect(`/coach/clients/${client.id}?added=1${input.notifyClient ? "&welcomed=1" : ""}`);
});

export const updateClientAction = coachAction(clientEditFormSchema, async ({ id, ...input }, { practiceId }) => {
  await updateClient(practiceId, id, input);
  revalidatePath("/coach", "layout");
  redirect(`/coach/clients/${id}?saved=1`);
});

const partnerInput = z.object({ id: z.string(), partnerId: z.string().trim().optional().transform((v) => v || null) });

export const setClientPartnerAction = coachAction(
  partnerInput,
  async ({ id, partnerId }, { practiceId }) => {
    await setClientPartner(practiceId, id, partnerId);
    revalidatePath("/coach", "layout");
    return { partnerId };
  },
);

const statusInput = z.object({ id: z.string(), status: z.enum(["active", "archived"]) });

export const setClientStatusAction = coachAction(statusInput, async ({ id, status }, { practiceId }) => {
  const client = await setClientStatus(practiceId, id, status);
  revalidatePath("/coach", "layout");
  return { status: client.status };
});

/** The coach typed "delete" in the confirmation dialog; the record goes (docs/security.md, "Export and deletion"). */
const deleteInput = z.object({
  id: z.string(),
  confirm: z
    .string()
    .trim()
    .refine((v) => v.toLowerCase() === "delete", { error: "Type delete to confirm." }),
});

export const deleteClientAction = coachAction(deleteInput, async ({ id }, { practiceId, user }) => {
  await deleteClient(practiceId, user.id, id);
  revalidatePath("/coach", "layout");
  redirect("/coach/clients?deleted=1");
});
