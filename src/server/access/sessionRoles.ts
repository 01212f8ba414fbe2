/** The roles an account (a person) can have; "system" (tests and benchmarks with trusted headers) is not one of them. */
export const HUMAN_ROLES = ["administrator", "leitung", "fachkraft", "verwaltung", "payerCaseworker", "client"] as const;
export type HumanRoleName = (typeof HUMAN_ROLES)[number];

export function isHumanRole(value: unknown): value is HumanRoleName {
  return typeof value === "string" && (HUMAN_ROLES as readonly string[]).includes(value);
}
