import "server-only";
import { NextResponse } from "next/server";
import { env } from "@/lib/env";
import { AppError, toAppError } from "./errors";
import { log } from "./log";

/** JSON error body shared by every route handler: `{ error: { code, message, fieldErrors? } }`. */
export function errorResponse(thrown: unknown, headers?: HeadersInit) {
  const error = toAppError(thrown);
  if (error instanceof AppError) {
    if (error.hasInternalDetail) log.warn({ err: error, code: error.code }, "route handler refused");
    return NextResponse.json(
      { error: { code: error.code, message: error.userMessage, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) } },
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

/**
 * Reads a JSON body. Only `application/json` is accepted (415 otherwise), so
 * a plain HTML form on another site, which can only send form encodings or
 * text/plain, cannot post here; a malformed body is a 400, not a crash.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the request body as JSON, with `Content-Type: application/json`.");
  }
  try {
    return await request.json();
  } catch {
    throw new AppError("invalid", "The request body must be valid JSON.");
  }
}

/**
 * The address a request came from, for rate limits. The server appends the
 * socket's peer to X-Forwarded-For (src/server/socket-address.ts), so the
 * last entry is always real; each of the TRUST_PROXY_HOPS trusted proxies in
 * front appended the peer it saw, so the client is that many entries further
 * back. Entries further left are whatever the client wrote, and never used.
 */
export function clientAddress(headers: Headers, trustedHops = env().TRUST_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[Math.max(chain.length - 1 - trustedHops, 0)] ?? "unknown";
}
