import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireCoach } from "@/server/auth/guards";
import { listQuestionnaires } from "@/server/intake/questionnaires";
import { getOffering } from "@/server/offerings/offerings";
import { orNotFound } from "@/app/_lib/or-not-found";
import { updateOfferingAction } from "../actions";
import { bookingBaseFor, formatOptions, kindOptions, offeringValues } from "../form-support";
import { DeleteOffering } from "../delete-offering";
import { OfferingIntakeForm } from "../intake-form";
import { OfferingForm } from "../offering-form";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { practiceId } = await requireCoach();
  const { id } = await params;
  const offering = await getOffering(practiceId, id).catch(() => null);
  return { title: offering ? `Edit ${offering.name}` : "Offering not found" };
}

export default async function EditOfferingPage({ params }: Props) {
  const { practice, practiceId } = await requireCoach();
  const { id } = await params;
  const offering = await orNotFound(getOffering(practiceId, id));
  const publicPath = `/book/${practice.slug}/${offering.slug}`;

  return (
    <>
      <PageHeader
        title={offering.name}
        description={
          offering.active ? (
            <>
              <Badge tone="brand">On booking page</Badge>{" "}
              <Link href={publicPath} className="ml-1 text-brand-700 underline underline-offset-4">
                {publicPath}
              </Link>
            </>
          ) : (
            <Badge>Hidden from booking page</Badge>
          )
        }
        back={<BackLink href="/coach/offerings">All offerings</BackLink>}
      />
      <div className="max-w-3xl space-y-8">
        <Card>
          <h2 className="sr-only">Edit offering</h2>
          <OfferingForm
            action={updateOfferingAction}
            initial={offeringValues(offering)}
            bookingBase={bookingBaseFor(practice.slug)}
            currency={practice.currency}
            kinds={kindOptions}
            formats={formatOptions}
            isNew={false}
          />
        </Card>
        <OfferingIntakeForm
          offeringId={offering.id}
          current={offering.intakeQuestionnaireId}
          required={offering.intakeRequired}
          questionnaires={(await listQuestionnaires(practiceId)).map((q) => ({ id: q.id, name: q.name }))}
        />
        <DeleteOffering id={offering.id} name={offering.name} />
      </div>
    </>
  );
}
