/**
 * Deployment settings of the documents that the store does not hold (yet): payment terms of invoices and the
 * DATEV defaults. Read once from the environment at start; every value is documented in docs/documents.md.
 * Nothing here is an agreement value; a missing DATEV account is refused, never defaulted.
 */
import { conflict } from "../problem.ts";

export interface DocumentSettings {
  /** Days between the issue date and the due date (BT-9); the payment terms (BT-20) say the same in words. */
  paymentTermDays: number;
  /** Sender domain of calendar UIDs ("<id>@<domain>"). */
  calendarUidDomain: string;
  datev: DatevDefaults;
}

/** DATEV values a request may leave out; each can also be given per request as a query parameter. */
export interface DatevDefaults {
  consultantNumber?: number;
  accountingClientNumber?: number;
  accountLength: number;
  chartOfAccounts: "03" | "04";
  revenueAccount?: string;
  /** "HB-EGH:10001,KSV-SN:10002" */
  debitorAccounts: Record<string, string>;
}

export const DEFAULT_PAYMENT_TERM_DAYS = 30;

function readInteger(environment: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = environment[name];
  if (text === undefined || text === "") return undefined;
  if (!/^\d+$/.test(text)) throw conflict(`Einstellung ${name} = „${text}“ ist keine ganze Zahl`);
  return Number(text);
}

/** "HB-EGH:10001,KSV-SN:10002" → { "HB-EGH": "10001", "KSV-SN": "10002" }; undefined for a malformed list. */
export function parseAccountList(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === "") return {};
  const accounts: Record<string, string> = {};
  for (const part of text.split(",")) {
    const separator = part.lastIndexOf(":");
    if (separator <= 0) return undefined;
    accounts[part.slice(0, separator).trim()] = part.slice(separator + 1).trim();
  }
  return accounts;
}

export function documentSettingsFromEnvironment(environment: NodeJS.ProcessEnv = process.env): DocumentSettings {
  const chart = environment.TEILHABE_DATEV_CHART_OF_ACCOUNTS ?? "03";
  const debitorAccounts = parseAccountList(environment.TEILHABE_DATEV_DEBITOR_ACCOUNTS);
  if (debitorAccounts === undefined) throw conflict(`Einstellung TEILHABE_DATEV_DEBITOR_ACCOUNTS: erwartet „Träger:Konto,…“, erhalten „${environment.TEILHABE_DATEV_DEBITOR_ACCOUNTS}“`);
  return {
    paymentTermDays: readInteger(environment, "TEILHABE_PAYMENT_TERM_DAYS") ?? DEFAULT_PAYMENT_TERM_DAYS,
    calendarUidDomain: environment.TEILHABE_CALENDAR_UID_DOMAIN ?? "teilhabe.example.org",
    datev: {
      consultantNumber: readInteger(environment, "TEILHABE_DATEV_CONSULTANT_NUMBER"),
      accountingClientNumber: readInteger(environment, "TEILHABE_DATEV_CLIENT_NUMBER"),
      accountLength: readInteger(environment, "TEILHABE_DATEV_ACCOUNT_LENGTH") ?? 4,
      chartOfAccounts: chart === "04" ? "04" : "03",
      revenueAccount: environment.TEILHABE_DATEV_REVENUE_ACCOUNT || undefined,
      debitorAccounts,
    },
  };
}
