/**
 * `npm start`: runs the server from compiled JavaScript when a build of the current sources exists
 * (dist/start, about 1 s to load), otherwise straight from the TypeScript sources through tsx (a few seconds
 * more) and, once the server is ready, compiles the sources in the background (low priority) for the next
 * start. "Current" means: no file under src/ (tests aside), no tsconfig and no package-lock.json changed since
 * the build began. The build is written to a temporary folder and renamed into place when complete, so a
 * half-written build is never used. TEILHABE_BUILD=0 turns the background build off.
 *
 * Plain JavaScript on purpose: it must run before anything can compile TypeScript.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BUILD = join(ROOT, "dist", "start");
const STAMP = join(BUILD, "teilhabe-build.json");
const ENTRY = join(BUILD, "src", "server", "main.js");

/** The newest modification time of everything the build is made from. */
function newestSourceTime() {
  let newest = 0;
  const visit = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (!entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  visit(join(ROOT, "src"));
  for (const file of ["tsconfig.json", "tsconfig.build.json", "package-lock.json", "package.json"]) {
    const path = join(ROOT, file);
    if (existsSync(path)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsCurrent(sourceTime) {
  try {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8"));
    return existsSync(ENTRY) && typeof stamp.sourceTime === "number" && stamp.sourceTime >= sourceTime;
  } catch {
    return false;
  }
}

/** Compiles src/ into a temporary folder at low priority, then moves it to dist/start. */
function buildInBackground(sourceTime) {
  const temporary = join(ROOT, "dist", `start-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const args = [tsc, "-p", join(ROOT, "tsconfig.build.json"), "--outDir", temporary, "--sourceMap", "false"];
  const nice = existsSync("/usr/bin/nice") ? "/usr/bin/nice" : undefined;
  const child = nice ? spawn(nice, ["-n", "19", process.execPath, ...args], { cwd: ROOT, stdio: "ignore" }) : spawn(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  const stopChild = () => child.kill();
  process.once("exit", stopChild);
  child.on("error", () => rmSync(temporary, { recursive: true, force: true }));
  child.on("exit", (code) => {
    process.removeListener("exit", stopChild);
    // tsc still emits JavaScript when it reports type errors (exit code 2); a run without output is not used.
    if ((code !== 0 && code !== 2) || !existsSync(join(temporary, "src", "server", "main.js"))) {
      rmSync(temporary, { recursive: true, force: true });
      return;
    }
    cpSync(join(ROOT, "src", "store", "migrations"), join(temporary, "src", "store", "migrations"), { recursive: true });
    writeFileSync(join(temporary, "teilhabe-build.json"), JSON.stringify({ sourceTime, builtAt: new Date().toISOString(), typeErrors: code === 2 }));
    rmSync(BUILD, { recursive: true, force: true });
    mkdirSync(dirname(BUILD), { recursive: true });
    renameSync(temporary, BUILD);
  });
  child.unref();
}

const sourceTime = newestSourceTime();
let main;
if (buildIsCurrent(sourceTime)) {
  process.env.TEILHABE_LAUNCHED_FROM = "build";
  main = await import(pathToFileURL(ENTRY).href);
} else {
  process.env.TEILHABE_LAUNCHED_FROM = "sources";
  const { register } = await import("tsx/esm/api");
  register();
  main = await import(pathToFileURL(join(ROOT, "src", "server", "main.ts")).href);
}
try {
  await main.runMain();
} catch (error) {
  main.reportStartFailure(error);
}
if (!buildIsCurrent(sourceTime) && process.env.TEILHABE_BUILD !== "0") buildInBackground(sourceTime);
