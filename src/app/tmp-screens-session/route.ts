// TEMPORARY (screens helper): dev-only session for screenshots. Delete before handing back.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/server/db/client";
import { sessions, users } from "@/server/db/schema";

export async function GET(request: Request) {
  if (process.env.NODE_ENV === "production") return new NextResponse(null, { status: 404 });
  const email = new URL(request.url).searchParams.get("email") ?? "coach@demo.tend.test";
  let [user] = await getDb().select().from(users).where(eq(users.email, email));
  if (!user) [user] = await getDb().insert(users).values({ email }).returning();
  const token = randomUUID();
  await getDb().insert(sessions).values({ sessionToken: token, userId: user!.id, expires: new Date(Date.now() + 86400000) });
  return new NextResponse(token);
}
