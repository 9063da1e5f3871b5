import "server-only";
export * from "./auth";
export * from "./practices";
export * from "./notifications";
export * from "./rate-limits";
export * from "./scheduling";
export * from "./homework";
export * from "./intake";
export * from "./notes";
