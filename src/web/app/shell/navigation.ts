/**
 * The main navigation: which pages each role sees (the server's access matrix decides what each may read;
 * this only leaves out the pages a role could not use). Paths are German, as users read them in the address bar.
 */
import type { Role } from "./sessionContext.ts";

export interface NavigationItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

export const NAVIGATION: readonly NavigationItem[] = [
  { href: "/uebersicht", label: "Übersicht", roles: ["administrator", "leitung", "fachkraft", "verwaltung"] },
  { href: "/klienten", label: "Klient:innen", roles: ["leitung", "fachkraft", "verwaltung"] },
  { href: "/dokumentation", label: "Dokumentation", roles: ["leitung", "fachkraft"] },
  { href: "/abrechnung", label: "Abrechnung", roles: ["leitung", "verwaltung"] },
  { href: "/personal", label: "Personal", roles: ["leitung", "administrator"] },
  { href: "/vereinbarungen", label: "Vereinbarungen", roles: ["administrator", "leitung", "verwaltung", "fachkraft"] },
  { href: "/rechnungen", label: "Rechnungen", roles: ["payerCaseworker"] },
  { href: "/mein-plan", label: "Mein Plan", roles: ["client"] },
];

/** The first page after log-in. */
export function homePathOf(role: Role): string {
  if (role === "payerCaseworker") return "/rechnungen";
  if (role === "client") return "/mein-plan";
  return "/uebersicht";
}

export function navigationFor(role: Role): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}
