/**
 * A bad input file: the message names the file, the field path, the value and what was expected. The CLI
 * prints every issue once and exits with code 2, without a stack trace.
 */
import type { ValidationIssue } from "../domain/agreement/validationIssue.ts";

export class InputFileError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((issue) => `${issue.file}: ${issue.path}${issue.value !== undefined ? ` (Wert: ${JSON.stringify(issue.value)})` : ""}: ${issue.message}`).join("\n"));
  }
}

/** A usage error of the command line (unknown month, missing option …), exit code 2. */
export class UsageError extends Error {}
