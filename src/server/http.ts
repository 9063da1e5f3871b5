import "server-only";
import { NextResponse } from "next/server";
import { AppError, toAppError } from "./errors";
import { log } from "./log";

/** JSON error body shared by every route handler: `{ error: { code, message, fieldErrors? } }`. */
export function errorResponse(thrown: unknown, headers?: HeadersInit) {
  const error = toAppError(thrown);
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
      { status: error.status, headers },
    );
  }
  log.error({ err: error }, "route handler failed unexpectedly");
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side. Please try again." } },
    { status: 500, headers },
  );
}

/** Wraps a route handler so thrown AppErrors become their status and nothing else leaks. */
export function handleRoute<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Reads a JSON body; a malformed one is a 400, not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("invalid", "The request body must be valid JSON.");
  }
}

/** The caller's IP as the first proxy saw it, for rate limiting. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}
