import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/server/errors";

/**
 * Pages load records through domain functions that throw AppError("not_found")
 * for a foreign or malformed id; here that becomes Next's 404 page instead of
 * an error screen. Any other failure still propagates.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
