import type { Metadata } from "next";
import { EmailPreferencesForm } from "@/components/portal/email-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { describeZone } from "@/lib/time/format";
import { requireClient } from "@/server/auth/guards";
import { saveEmailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Email preferences" };

export default async function PortalSettingsPage() {
  const { client } = await requireClient();
  return (
    <>
      <PageHeader title="Email preferences" description={`Times are in ${describeZone(client.timeZone)}.`} />
      <EmailPreferencesForm current={client.homeworkEmail} save={saveEmailPreferencesAction} />
    </>
  );
}
