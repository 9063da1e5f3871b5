// What an offering can be, and the words for it. The Postgres enums (src/server/db/schema) are
// made from these lists, so the forms, the pages and the emails can't drift from the database.

export const OFFERING_KINDS = ["relationship", "crisis", "one_on_one"] as const;
export const OFFERING_FORMATS = ["video", "phone", "in_person"] as const;

export type OfferingKind = (typeof OFFERING_KINDS)[number];
export type OfferingFormat = (typeof OFFERING_FORMATS)[number];

export const isOfferingKind = (value: string): value is OfferingKind => (OFFERING_KINDS as readonly string[]).includes(value);

export const offeringKindLabels: Record<OfferingKind, string> = {
  relationship: "Relationship Coaching",
  crisis: "Crisis Coaching",
  one_on_one: "One-on-One Coaching",
};

export const offeringFormatLabels: Record<OfferingFormat, string> = {
  video: "Video call",
  phone: "Phone call",
  in_person: "In person",
};
