/** The store's tables, one file per domain area. */
export * from "./organisations.ts";
export * from "./agreements.ts";
export * from "./clients.ts";
export * from "./costCoverages.ts";
export * from "./plans.ts";
export * from "./serviceEntries.ts";
export * from "./caseRecords.ts";
export * from "./staff.ts";
export * from "./tasks.ts";
export * from "./billing.ts";
export * from "./accounts.ts";
export * from "./audit.ts";
