/** A document cannot be produced from its input: every problem names the field path, the value and the rule. */
export interface DocumentInputIssue {
  /** Field path in the input model, e.g. "lines[2].amountCents". */
  path: string;
  value: unknown;
  /** The rule broken, e.g. "BR-CO-10" (EN 16931), "BR-DE-15" (XRechnung) or "DOC-01" (this module). */
  rule: string;
  /** German message shown to users. */
  message: string;
}

export class DocumentInputError extends Error {
  readonly issues: DocumentInputIssue[];

  constructor(documentLabel: string, issues: DocumentInputIssue[]) {
    super(
      `${documentLabel} kann nicht erzeugt werden:\n` +
        issues.map((issue) => `- ${issue.path} = ${JSON.stringify(issue.value)}: ${issue.message} (${issue.rule})`).join("\n"),
    );
    this.name = "DocumentInputError";
    this.issues = issues;
  }
}
