import "server-only";
import { env } from "@/lib/env";
import { priceInputValue } from "@/lib/format";
import { OFFERING_FORMATS, OFFERING_KINDS, offeringFormatLabels, offeringKindLabels } from "@/lib/offerings";
import type { offerings } from "@/server/db/schema";
import type { OfferingFormValues, Option } from "./offering-form";
import { schedulingValuesOf } from "./scheduling-fields";

export const kindOptions: Option[] = OFFERING_KINDS.map((value) => ({ value, label: offeringKindLabels[value] }));
export const formatOptions: Option[] = OFFERING_FORMATS.map((value) => ({ value, label: offeringFormatLabels[value] }));

export const bookingBaseFor = (practiceSlug: string) => `${env().APP_URL.replace(/\/$/, "")}/book/${practiceSlug}`;

export const newOfferingValues: OfferingFormValues = {
  name: "",
  slug: "",
  kind: "relationship",
  durationMinutes: "60",
  price: "",
  format: "video",
  videoLink: "automatic",
  location: "",
  description: "",
  noteTemplate: "",
  active: true,
};

export function offeringValues(offering: typeof offerings.$inferSelect): OfferingFormValues {
  return {
    id: offering.id,
    name: offering.name,
    slug: offering.slug,
    kind: offering.kind,
    durationMinutes: String(offering.durationMinutes),
    price: priceInputValue(offering.priceCents),
    format: offering.format,
    videoLink: offering.videoLink,
    location: offering.location ?? "",
    description: offering.description,
    noteTemplate: offering.noteTemplate,
    active: offering.active,
    scheduling: schedulingValuesOf(offering),
  };
}
