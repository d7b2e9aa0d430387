/**
 * Who may do what. Three fixed access roles fit a small static map; every loader and action
 * asks this map through requirePermission, so hiding a link is never the only guard.
 */
export const ACCESS_ROLES = ["coordinator", "volunteer", "assessor"] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

export const ACCESS_ROLE_LABELS: Record<AccessRole, string> = {
  coordinator: "Co-ordinator",
  volunteer: "Volunteer or staff",
  assessor: "Accreditation assessor (read-only)",
};

export type Permission =
  | "people:read"
  | "people:write"
  | "audit:read"
  | "accounts:manage"
  | "compliance:read"
  | "compliance:write"
  | "self:read"
  | "rota:manage"
  | "shifts:take";

const PERMISSIONS: Record<AccessRole, readonly Permission[]> = {
  coordinator: ["people:read", "people:write", "audit:read", "accounts:manage", "compliance:read", "compliance:write", "self:read", "rota:manage", "shifts:take"],
  volunteer: ["self:read", "shifts:take"],
  assessor: ["people:read", "audit:read", "compliance:read"],
};

export function isAccessRole(value: string): value is AccessRole {
  return (ACCESS_ROLES as readonly string[]).includes(value);
}

export function can(accessRole: string, permission: Permission): boolean {
  return isAccessRole(accessRole) && PERMISSIONS[accessRole].includes(permission);
}
