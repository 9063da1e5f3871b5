import { describe, expect, it } from "vitest";
import { clientAddress } from "@/server/http";

// The server appends the socket's peer to X-Forwarded-For (src/server/socket-address.ts),
// so these chains are what a route sees: whatever the client wrote, then what each hop saw.
const from = (forwardedFor: string | undefined) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientAddress", () => {
  it("facing the internet (no trusted proxies), is the socket's peer whatever the client wrote", () => {
    expect(clientAddress(from("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(from("1.2.3.4, 203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(from("1.2.3.4, 5.6.7.8,203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("behind trusted proxies, is the address the outermost one saw", () => {
    // client 198.51.100.4 → load balancer (appends it) → Tend (appends the balancer, 10.0.0.2)
    expect(clientAddress(from("198.51.100.4, 10.0.0.2"), 1)).toBe("198.51.100.4");
    // A forged entry in front changes nothing.
    expect(clientAddress(from("1.2.3.4, 198.51.100.4, 10.0.0.2"), 1)).toBe("198.51.100.4");
    expect(clientAddress(from("1.2.3.4, 198.51.100.4, 10.0.0.3, 10.0.0.2"), 2)).toBe("198.51.100.4");
  });

  it("never fails on a short or missing chain", () => {
    expect(clientAddress(from("10.0.0.2"), 3)).toBe("10.0.0.2");
    expect(clientAddress(from(undefined), 0)).toBe("unknown");
    expect(clientAddress(from(" , "), 0)).toBe("unknown");
  });
});
