/**
 * Vitest global setup: builds the web application once per test run into a temporary folder, which the
 * browser tests serve (browserTestSupport.ts). A build takes about two seconds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildWebApp } from "../buildWebApp.ts";

declare module "vitest" {
  export interface ProvidedContext {
    webBuildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const directory = mkdtempSync(join(tmpdir(), "teilhabe-web-"));
  const outDir = await buildWebApp({ outDir: join(directory, "web"), force: true });
  project.provide("webBuildDir", outDir);
  return () => rmSync(directory, { recursive: true, force: true });
}
