import type { Metadata } from "next";
import { BackLink } from "@/components/ui/back-link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { createOfferingAction } from "../actions";
import { bookingBaseFor, formatOptions, kindOptions, newOfferingValues } from "../form-support";
import { OfferingForm } from "../offering-form";

export const metadata: Metadata = { title: "New offering" };

export default async function NewOfferingPage() {
  const { practice } = await requireCoach();
  return (
    <>
      <PageHeader
        title="New offering"
        description="Describe a kind of session you run. You can change any of this later."
        back={<BackLink href="/coach/offerings">All offerings</BackLink>}
      />
      <Card className="max-w-3xl">
        <OfferingForm
          action={createOfferingAction}
          initial={newOfferingValues}
          bookingBase={bookingBaseFor(practice.slug)}
          currency={practice.currency}
          kinds={kindOptions}
          formats={formatOptions}
          isNew
        />
      </Card>
    </>
  );
}
