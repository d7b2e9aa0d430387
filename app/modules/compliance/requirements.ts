/**
 * The vocabulary of safer recruitment and training, and the catalogue a new centre starts with.
 * Sources: NACCC's pages in shared/seeds and shared/notes/domain.md.
 */
import type { Role } from "~/modules/people/constants";

/** Everyone who works with families; trustees are not, unless they also volunteer. */
export const WORKS_WITH_FAMILIES: Role[] = ["volunteer", "staff", "coordinator", "deputy_coordinator"];

export type CentreSettings = {
  referencesRequired: number;
  dueSoonDays: number;
  dbsRecheckYears: number;
  updateServiceCheckMonths: number;
  /** Only certificates that included the children's barred list clear someone (supervised contact). */
  requireChildrenBarredList: boolean;
};

export const DEFAULT_SETTINGS: CentreSettings = {
  referencesRequired: 2,
  dueSoonDays: 60,
  dbsRecheckYears: 3,
  updateServiceCheckMonths: 12,
  requireChildrenBarredList: false,
};

export const COURSE_KINDS = ["induction", "safeguarding", "coordinator", "naccc_module", "custom"] as const;
export type CourseKind = (typeof COURSE_KINDS)[number];

export type CourseDefinition = {
  name: string;
  kind: CourseKind;
  /** null: a completion never expires. */
  validityMonths: number | null;
  requiredFor: Role[];
  sortOrder: number;
};

/**
 * NACCC's ten modules are refreshed on a three-year cycle; their official titles are not
 * public, so the catalogue ships ten entries for the centre to rename.
 */
export const DEFAULT_COURSES: CourseDefinition[] = [
  { name: "Induction", kind: "induction", validityMonths: null, requiredFor: WORKS_WITH_FAMILIES, sortOrder: 0 },
  { name: "Safeguarding refresher", kind: "safeguarding", validityMonths: 12, requiredFor: WORKS_WITH_FAMILIES, sortOrder: 1 },
  { name: "NACCC co-ordinator training", kind: "coordinator", validityMonths: 36, requiredFor: ["coordinator", "deputy_coordinator"], sortOrder: 2 },
  ...Array.from({ length: 10 }, (_, i): CourseDefinition => ({
    name: `NACCC module ${i + 1}`,
    kind: "naccc_module",
    validityMonths: 36,
    requiredFor: WORKS_WITH_FAMILIES,
    sortOrder: 10 + i,
  })),
];

export const DBS_LEVELS = { enhanced: "Enhanced", enhanced_barred: "Enhanced with barred list" } as const;
export const WORKFORCES = { child: "Child workforce", adult: "Adult workforce", child_and_adult: "Child and adult workforce", other: "Other workforce" } as const;
export const DBS_DECISIONS = {
  clear: "Clear: no information disclosed",
  accepted_after_risk_assessment: "Information disclosed, risk-assessed and accepted",
  not_accepted: "Not accepted",
} as const;
export const STATUS_CHECK_RESULTS = { no_change: "No new information", new_information: "New information: a new check is needed" } as const;
export const DELIVERY_METHODS = { face_to_face: "Face to face", workbook: "Workbook", e_learning: "E-learning" } as const;
export const REFERENCE_OUTCOMES = { satisfactory: "Satisfactory", unsatisfactory: "Not satisfactory" } as const;

export type DbsLevel = keyof typeof DBS_LEVELS;
export type DbsDecision = keyof typeof DBS_DECISIONS;

export function parseRequiredFor(value: string): string[] {
  return value.split(",").map((role) => role.trim()).filter(Boolean);
}
