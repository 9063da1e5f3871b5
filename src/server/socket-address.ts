import "server-only";
import http from "node:http";
import https from "node:https";

const INSTALLED = Symbol.for("tend.socketAddressForwarding");

/**
 * Makes the address of the TCP peer part of every request, the way a reverse
 * proxy would: it is appended to X-Forwarded-For before Next.js sees the
 * request.
 *
 * Why here: `next start` keeps an X-Forwarded-For the client sent as it is
 * (it only fills the header in when there is none), and no API gives route
 * handlers, server actions or proxy.ts the socket's address. Without this, a
 * client could name its own address and get a fresh rate limit per request.
 * With it, the last entry is always the peer this server really talked to,
 * and `clientAddress()` counts TRUST_PROXY_HOPS entries back from there.
 *
 * Installed once, from instrumentation's register(), which runs in the
 * process that owns the HTTP server before it handles a request.
 */
export function forwardSocketAddresses() {
  for (const server of [http.Server, https.Server]) {
    type Emit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    const prototype = server.prototype as unknown as { emit: Emit; [INSTALLED]?: true };
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit;
    prototype.emit = function (event, ...args) {
      if (event === "request") appendPeer(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    };
    prototype[INSTALLED] = true;
  }
}

function appendPeer(request: http.IncomingMessage) {
  const peer = request.socket?.remoteAddress?.replace(/^::ffff:/, "");
  if (!peer) return;
  const forwarded = request.headers["x-forwarded-for"];
  request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
}
