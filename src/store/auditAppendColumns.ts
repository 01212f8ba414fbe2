/**
 * The columns of a waiting audit entry (audit_appends, migration 0004), in the order in which every statement
 * that appends one gives its values: appendAuditEntry.ts, and a read that appends its own entry in its
 * statement (caseFiles.ts, a client's month). The deferred trigger chains the row at COMMIT.
 */
export const AUDIT_APPEND_COLUMNS = ["organisation_id", "at", "actor", "role", "address", "action", "object_type", "object_id", "client", "reason", "content_tail"] as const;
