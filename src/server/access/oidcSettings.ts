/**
 * OpenID Connect single sign-on settings from the environment (issue 4). Absent issuer: single sign-on is off
 * and its routes answer 404. A half configuration (issuer without client id, secret or redirect URI) is refused
 * at start, naming every missing variable.
 */
import { HUMAN_ROLES, type HumanRoleName } from "./sessionRoles.ts";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered at the provider, e.g. https://teilhabe.example/api/v1/auth/oidc/callback. */
  redirectUri: string;
  scope: string;
  /** Claim naming the account's role (e.g. "teilhabe_role"); when set, the role is taken from the provider. */
  roleClaim?: string;
  /** Claim naming the account's organisation; when set, it must equal the account's organisation. */
  organisationClaim?: string;
  /** Claim values → roles, e.g. {"teilhabe-leitung": "leitung"}; values that already are role names map to themselves. */
  roleMap: Record<string, HumanRoleName>;
  /** http issuers are allowed only for local test providers (TEILHABE_OIDC_ALLOW_HTTP=1, refused in production). */
  allowHttp: boolean;
}

export class OidcSettingsError extends Error {}

/** `"kc-leitung=leitung, kc-admin=administrator"` → map; every target must be a role. */
export function parseRoleMap(text: string | undefined): Record<string, HumanRoleName> {
  const map: Record<string, HumanRoleName> = {};
  if (!text) return map;
  for (const pair of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const [claimValue, role] = pair.split("=").map((part) => part.trim());
    if (!claimValue || !role || !(HUMAN_ROLES as readonly string[]).includes(role))
      throw new OidcSettingsError(`TEILHABE_OIDC_ROLE_MAP: „${pair}“ ist keine Zuordnung Wert=Rolle (Rollen: ${HUMAN_ROLES.join(", ")})`);
    map[claimValue] = role as HumanRoleName;
  }
  return map;
}

/**
 * Reads TEILHABE_OIDC_* from the environment; `clientSecret` is the already resolved secret (from
 * TEILHABE_OIDC_CLIENT_SECRET or its _FILE). Undefined when TEILHABE_OIDC_ISSUER is not set.
 */
export function parseOidcSettings(environment: NodeJS.ProcessEnv, clientSecret: string | undefined): OidcSettings | undefined {
  const issuer = environment.TEILHABE_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  const missing = [
    ...(environment.TEILHABE_OIDC_CLIENT_ID ? [] : ["TEILHABE_OIDC_CLIENT_ID"]),
    ...(clientSecret ? [] : ["TEILHABE_OIDC_CLIENT_SECRET (oder TEILHABE_OIDC_CLIENT_SECRET_FILE)"]),
    ...(environment.TEILHABE_OIDC_REDIRECT_URI ? [] : ["TEILHABE_OIDC_REDIRECT_URI"]),
  ];
  if (missing.length > 0) throw new OidcSettingsError(`TEILHABE_OIDC_ISSUER ist gesetzt, es fehlt: ${missing.join(", ")}`);
  const allowHttp = environment.TEILHABE_OIDC_ALLOW_HTTP === "1";
  for (const [name, value] of [
    ["TEILHABE_OIDC_ISSUER", issuer],
    ["TEILHABE_OIDC_REDIRECT_URI", environment.TEILHABE_OIDC_REDIRECT_URI!],
  ] as const) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new OidcSettingsError(`${name} „${value}“ ist keine URL`);
    }
    if (url.protocol !== "https:" && !(allowHttp && url.protocol === "http:")) throw new OidcSettingsError(`${name} „${value}“ muss https verwenden (http nur mit TEILHABE_OIDC_ALLOW_HTTP=1 für Tests)`);
  }
  return {
    issuer,
    clientId: environment.TEILHABE_OIDC_CLIENT_ID!,
    clientSecret: clientSecret!,
    redirectUri: environment.TEILHABE_OIDC_REDIRECT_URI!,
    scope: environment.TEILHABE_OIDC_SCOPE?.trim() || "openid profile email",
    ...(environment.TEILHABE_OIDC_ROLE_CLAIM ? { roleClaim: environment.TEILHABE_OIDC_ROLE_CLAIM } : {}),
    ...(environment.TEILHABE_OIDC_ORGANISATION_CLAIM ? { organisationClaim: environment.TEILHABE_OIDC_ORGANISATION_CLAIM } : {}),
    roleMap: parseRoleMap(environment.TEILHABE_OIDC_ROLE_MAP),
    allowHttp,
  };
}
