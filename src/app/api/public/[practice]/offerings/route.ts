import { NextResponse } from "next/server";
import { handleRoute } from "@/server/http";
import { listActiveOfferings } from "@/server/offerings/offerings";
import { getPracticeBySlug } from "@/server/practices/queries";

export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ practice: string }> }) => {
  const practice = await getPracticeBySlug((await params).practice);
  const offerings = await listActiveOfferings(practice.id);
  return NextResponse.json({
    offerings: offerings.map((o) => ({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      durationMinutes: o.durationMinutes,
      price: o.priceCents / 100,
      currency: o.currency,
    })),
  });
});
