import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/portal/email-preferences-form";
import { YourData } from "@/components/portal/your-data";
import { PageHeader } from "@/components/ui/page-header";
import { describeZone, formatLongDate } from "@/lib/time/format";
import { localDateOf } from "@/lib/time/zones";
import { requireClient } from "@/server/auth/guards";
import { requestDeletionAction, saveEmailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function PortalSettingsPage() {
  const { client, practice } = await requireClient();
  return (
    <>
      <PageHeader title="Email preferences" description={`Times are in ${describeZone(client.timeZone)}.`} />
      <EmailPreferencesForm current={client.homeworkEmail} save={saveEmailPreferencesAction} />
      <YourData
        coachName={practice.name}
        requestedOn={client.deletionRequestedAt ? formatLongDate(localDateOf(client.deletionRequestedAt, client.timeZone)) : null}
        request={requestDeletionAction}
      />
    </>
  );
}
