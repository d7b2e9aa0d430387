import type { Actor } from "~/modules/audit/audit.server";

/** Who is making a change, as the audit log records them. */
export function actorOf(user: { id: string; name: string; centreId: string }): Actor {
  return { id: user.id, name: user.name, centreId: user.centreId };
}
