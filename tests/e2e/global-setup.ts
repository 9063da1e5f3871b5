import type { TestProject } from "vitest/node";
import { startProductionServer } from "./support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One production server for the whole e2e run; tests read its address with `inject("baseUrl")`. */
export default async function setup(project: TestProject) {
  const server = await startProductionServer();
  project.provide("baseUrl", server.baseUrl);
  return server.stop;
}
