/** The roles a person can hold at a centre; a person may hold several at once. */
export const ROLES = ["volunteer", "staff", "trustee", "coordinator", "deputy_coordinator"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  volunteer: "Volunteer",
  staff: "Staff",
  trustee: "Trustee",
  coordinator: "Co-ordinator",
  deputy_coordinator: "Deputy co-ordinator",
};

/** [value, label] pairs for role checkboxes and filters. */
export const ROLE_OPTIONS = ROLES.map((role) => [role, ROLE_LABELS[role]] as const);

export const STATUSES = ["applicant", "active", "paused", "left"] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  applicant: "Applicant",
  active: "Active",
  paused: "Paused",
  left: "Left",
};

export const STATUS_HINTS: Record<Status, string> = {
  applicant: "Being recruited: checks and references in progress",
  active: "Working at the centre",
  paused: "Taking a break; not put on the rota",
  left: "No longer works here; their record is kept",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isStatus(value: string): value is Status {
  return (STATUSES as readonly string[]).includes(value);
}

export function roleList(roles: readonly string[]): string {
  return roles.map((role) => (isRole(role) ? ROLE_LABELS[role] : role)).join(", ");
}
