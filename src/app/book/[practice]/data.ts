import "server-only";
import { cache } from "react";
import { findActiveOfferingBySlug, listActiveOfferings } from "@/server/offerings/offerings";
import { getPracticeProfile } from "@/server/practices/profile";
import { findPracticeBySlug } from "@/server/practices/queries";

// Metadata and page both need these; cache() makes it one query per request.
export const practiceBySlug = cache(async (slug: string) => findPracticeBySlug(slug));
export const activeOfferings = cache(async (practiceId: string) => listActiveOfferings(practiceId));
export const activeOfferingBySlug = cache(async (practiceId: string, slug: string) => findActiveOfferingBySlug(practiceId, slug.toLowerCase()));
export const practiceProfile = cache(async (practiceId: string, slug: string) => getPracticeProfile(practiceId, slug));
