import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { isLocalAppUrl } from "@/lib/env";

const FEED_TIMEOUT_MS = 5_000;
const FEED_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 3;

/** Why a feed could not be read, in words for the coach; never contains the address. */
export class FeedFetchError extends Error {}

// Addresses a feed may not point at on a public server: this machine, its private networks,
// link-local (cloud metadata), carrier-grade NAT, multicast and reserved ranges.
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  PRIVATE.addSubnet(net, bits, "ipv6");
}

/** True for an address on this machine or a private network (IPv4-mapped IPv6 judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1]!, "ipv4");
  // The same in hex, as URLs write it: ::ffff:7f00:1 is 127.0.0.1.
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const [high, low] = [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16)];
    return PRIVATE.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, "ipv4");
  }
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Resolves the host and refuses private answers. It is the lookup the socket itself uses, so
 * the address checked is the address connected to (a second DNS answer can't slip past).
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
    if (allowed.length === 0) {
      return callback(Object.assign(new Error("private address"), { code: "TEND_PRIVATE_ADDRESS" }), "", 0);
    }
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0]!.address, allowed[0]!.family);
  });
};

/** The address as Tend reads it: webcal:// is https://; only http(s) with a host; no credentials inside. */
export function normalizeFeedUrl(input: string): URL | null {
  let url: URL;
  try {
    url = new URL(input.trim().replace(/^webcals?:\/\//i, "https://"));
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!url.hostname || url.username || url.password) return null;
  url.hash = "";
  return url;
}

function refuseLiteral(url: URL, allowPrivate: boolean) {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    throw new FeedFetchError("This address points at a private network or this server, which Tend does not read.");
  }
}

function getOnce(url: URL, allowPrivate: boolean, deadline: number): Promise<{ redirect: string } | { text: string }> {
  refuseLiteral(url, allowPrivate);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = Math.max(1, deadline - Date.now());
    const request = client.get(
      url,
      {
        lookup: allowPrivate ? undefined : guardedLookup,
        headers: { accept: "text/calendar, */*;q=0.5", "user-agent": "Tend busy-time sync" },
        timeout: remaining,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && response.headers.location) {
          response.resume();
          return resolve({ redirect: response.headers.location });
        }
        if (status !== 200) {
          response.resume();
          return reject(new FeedFetchError(`The calendar server answered ${status}${status === 404 || status === 403 ? " (the address may have been reset; paste the new one)" : ""}.`));
        }
        if (Number(response.headers["content-length"] ?? 0) > FEED_MAX_BYTES) {
          request.destroy();
          return reject(new FeedFetchError("The calendar is larger than 5 MB."));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > FEED_MAX_BYTES) {
            request.destroy();
            reject(new FeedFetchError("The calendar is larger than 5 MB."));
          } else chunks.push(chunk);
        });
        response.on("end", () => resolve({ text: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", () => reject(new FeedFetchError("The connection broke while reading the calendar.")));
      },
    );
    const timer = setTimeout(() => request.destroy(new FeedFetchError("The calendar server did not answer within 5 seconds.")), remaining);
    request.on("close", () => clearTimeout(timer));
    request.on("timeout", () => request.destroy(new FeedFetchError("The calendar server did not answer within 5 seconds.")));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof FeedFetchError) return reject(error);
      if (error.code === "TEND_PRIVATE_ADDRESS") {
        return reject(new FeedFetchError("This address points at a private network or this server, which Tend does not read."));
      }
      if (error.code === "ENOTFOUND") return reject(new FeedFetchError("The calendar's host name does not exist."));
      reject(new FeedFetchError(`Could not reach the calendar server (${error.code ?? "connection failed"}).`));
    });
  });
}

/**
 * Reads a feed, bounded: http(s) only, 5 s in all (redirects included), 5 MB, at most three
 * redirects, each checked like the first. Private and loopback addresses are refused unless
 * Tend itself runs on a loopback APP_URL (a laptop, where the calendar may be local too).
 * Errors never carry the address: it is a credential.
 */
export async function fetchFeed(address: string): Promise<string> {
  const allowPrivate = isLocalAppUrl();
  const deadline = Date.now() + FEED_TIMEOUT_MS;
  let url = normalizeFeedUrl(address);
  if (!url) throw new FeedFetchError("Give an http, https or webcal address.");
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const result = await getOnce(url, allowPrivate, deadline);
    if ("text" in result) return result.text;
    const next: URL | null = normalizeFeedUrl(new URL(result.redirect, url).toString());
    if (!next) throw new FeedFetchError("The calendar server redirected to an address that is not http(s).");
    url = next;
  }
  throw new FeedFetchError("The calendar server redirected too many times.");
}
