import { z } from "zod";

// Zod 4 probes for `new Function` (its JIT) the first time it parses an object. In a browser,
// under Tend's Content-Security-Policy (no 'unsafe-eval'), that probe is blocked and reported
// as a violation; a page has no use for the JIT, so browsers parse without it.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
