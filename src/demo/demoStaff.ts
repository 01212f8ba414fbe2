/**
 * The demo provider's team: invented staff members („Beispiel-…“) with qualifications from the agreements'
 * catalogues, so that qualified assistance (A1-R09) and the A0/A3 specialist lists find a match.
 */
export interface DemoStaffMember {
  id: string;
  name: string;
  qualifications: string[];
}

export const DEMO_STAFF: DemoStaffMember[] = [
  { id: "demo-M-01", name: "Beispiel-Fachkraft Sozialpädagogin (Leipzig)", qualifications: ["Sozialpädagogin/Sozialpädagoge"] },
  { id: "demo-M-02", name: "Beispiel-Fachkraft Erzieher (Leipzig)", qualifications: ["Erzieherin/Erzieher"] },
  { id: "demo-M-03", name: "Beispiel-Fachkraft Heilerziehungspflegerin (Hannover)", qualifications: ["Heilerziehungspflegerin"] },
  { id: "demo-M-04", name: "Beispiel-Assistenzkraft Hauswirtschaft (Hannover)", qualifications: ["Hauswirtschaftshelferin"] },
  { id: "demo-M-05", name: "Beispiel-Fachkraft Heilerziehungspfleger (Bremen)", qualifications: ["Heilerziehungspfleger"] },
  { id: "demo-M-06", name: "Beispiel-Fachkraft Sozialpädagogin (Celle)", qualifications: ["Sozialpädagogin"] },
  { id: "demo-M-07", name: "Beispiel-Anleiter Tischler (Celle)", qualifications: ["Tischler"] },
  { id: "demo-M-08", name: "Beispiel-Fachkraft Heilerziehungspflegerin (Wohngruppe Bremen)", qualifications: ["Heilerziehungspflegerin"] },
  { id: "demo-M-09", name: "Beispiel-Mitarbeiter Interventionsdienst (Bremen)", qualifications: ["Erzieher"] },
];

/** Staff ids per agreement family: who documents for whom in the demo. */
export const DEMO_STAFF_BY_AGREEMENT = {
  A0: { specialist: "demo-M-01", youthWelfare: "demo-M-02" },
  A1: { qualified: "demo-M-03", simple: "demo-M-04" },
  A2: { specialist: "demo-M-05" },
  A3: { counsellor: "demo-M-06", workshop: "demo-M-07" },
  A4: { keyWorker: "demo-M-08", intervention: "demo-M-09" },
} as const;
