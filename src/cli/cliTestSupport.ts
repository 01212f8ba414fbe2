/** Runs the command line in-process and captures what it writes (tests only). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommandLine } from "./main.ts";

export async function runTeilhabe(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const originalWrite = process.stderr.write.bind(process.stderr);
  const previousExitCode = process.exitCode;
  process.exitCode = undefined;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await runCommandLine(args, (text) => {
      stdout += text;
    });
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = originalWrite;
    process.exitCode = previousExitCode;
  }
}

export function writeTemporaryFile(name: string, content: unknown): string {
  const directory = mkdtempSync(join(tmpdir(), "teilhabe-"));
  const path = join(directory, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}
