/**
 * Role history. A person's roles are kept as dated periods, because what a person must have
 * (co-ordinator training, say) depends on the roles they held on a given day.
 */
import { addDaysIso, type IsoDate } from "~/utils/dates";
import type { Role } from "./constants";

export type RolePeriod = {
  id?: string;
  role: string;
  startedOn: IsoDate;
  /** Last day the role was held; null while it is still held. */
  endedOn: IsoDate | null;
};

export function rolesOn(periods: readonly RolePeriod[], date: IsoDate): string[] {
  const held = periods.filter((p) => p.startedOn <= date && (p.endedOn === null || date <= p.endedOn));
  return [...new Set(held.map((p) => p.role))];
}

/** Roles held now and still open, whatever the date: what the edit form shows as ticked. */
export function currentRoles(periods: readonly RolePeriod[]): string[] {
  return [...new Set(periods.filter((p) => p.endedOn === null).map((p) => p.role))];
}

/** When the current period of a role began (for "Deputy co-ordinator since 3 Jan 2025"). */
export function roleSince(periods: readonly RolePeriod[], role: string): IsoDate | null {
  const open = periods.filter((p) => p.role === role && p.endedOn === null);
  return open.length ? open.map((p) => p.startedOn).sort()[0] : null;
}

export type RoleChangePlan = {
  create: { role: Role; startedOn: IsoDate }[];
  /** Periods to close, with the last day the role is held. */
  close: { id: string; role: string; endedOn: IsoDate }[];
  /** Periods that would end before they began (added and removed the same day): delete them. */
  remove: { id: string; role: string }[];
};

/**
 * What to write so that from `effectiveOn` the person holds exactly `wanted`.
 * A role that is dropped is held until the day before `effectiveOn`.
 */
export function planRoleChanges(
  periods: readonly (RolePeriod & { id: string })[],
  wanted: readonly Role[],
  effectiveOn: IsoDate,
): RoleChangePlan {
  const open = periods.filter((p) => p.endedOn === null);
  const openRoles = new Set(open.map((p) => p.role));
  const plan: RoleChangePlan = { create: [], close: [], remove: [] };

  for (const role of wanted) {
    if (!openRoles.has(role)) plan.create.push({ role, startedOn: effectiveOn });
  }
  for (const period of open) {
    if (wanted.includes(period.role as Role)) continue;
    if (period.startedOn >= effectiveOn) plan.remove.push({ id: period.id, role: period.role });
    else plan.close.push({ id: period.id, role: period.role, endedOn: addDaysIso(effectiveOn, -1) });
  }
  return plan;
}
