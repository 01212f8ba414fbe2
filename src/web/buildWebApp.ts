/**
 * Builds the web application (src/web/app) with Vite when its build is missing or older than its sources:
 * `npm start` calls it before listening (a build takes a few seconds; later starts find it current). The build
 * is written to a temporary folder and renamed into place, so a half-written build is never served.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project folder: the nearest one above this file that holds the app's sources (also from dist/start). */
function findProjectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "src", "web", "app", "index.html"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("Quellen der Webanwendung (src/web/app) nicht gefunden");
    directory = parent;
  }
  return directory;
}

const ROOT = findProjectRoot();
const VITE_CONFIG = join(ROOT, "src", "web", "vite.config.ts");
export const WEB_APP_SOURCES = join(ROOT, "src", "web", "app");
export const DEFAULT_WEB_BUILD = join(ROOT, "dist", "web");
const STAMP_FILE = "teilhabe-web-build.json";

/** The newest modification time of the app's sources (tests aside), its config and the lock file. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(WEB_APP_SOURCES);
  for (const file of [VITE_CONFIG, join(ROOT, "package-lock.json")]) if (existsSync(file)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

export function isWebBuildCurrent(outDir: string = DEFAULT_WEB_BUILD): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, STAMP_FILE), "utf8")) as { sourceTime?: number };
    return existsSync(join(outDir, "index.html")) && typeof stamp.sourceTime === "number" && stamp.sourceTime >= newestSourceTime();
  } catch {
    return false;
  }
}

/** Builds into `outDir` (default dist/web) unless current; resolves to the folder. */
export async function buildWebApp(options: { outDir?: string; force?: boolean } = {}): Promise<string> {
  const outDir = options.outDir ?? DEFAULT_WEB_BUILD;
  if (!options.force && isWebBuildCurrent(outDir)) return outDir;
  const sourceTime = newestSourceTime();
  const temporary = `${outDir}-${process.pid}-${Date.now()}`;
  const { build } = await import("vite");
  await build({ configFile: VITE_CONFIG, build: { outDir: temporary, emptyOutDir: true } });
  writeFileSync(join(temporary, STAMP_FILE), JSON.stringify({ sourceTime, builtAt: new Date().toISOString() }));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(temporary, outDir);
  return outDir;
}
