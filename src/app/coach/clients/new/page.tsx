import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { createClientAction } from "../actions";
import { ClientForm } from "../client-form";

export const metadata: Metadata = { title: "Add client" };

export default async function NewClientPage() {
  const { practice } = await requireCoach();
  return (
    <>
      <PageHeader
        title="Add client"
        description="For a couple, add each partner separately, then link them on either one's page."
        back={<BackLink href="/coach/clients">All clients</BackLink>}
      />
      <Card className="max-w-3xl">
        <ClientForm
          action={createClientAction}
          initial={{ name: "", email: "", phone: "", timeZone: practice.timeZone }}
          isNew
          cancelHref="/coach/clients"
        />
      </Card>
    </>
  );
}
