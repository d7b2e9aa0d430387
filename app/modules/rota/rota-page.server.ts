/**
 * What the rota pages (the grid, one shift's page, the print view) load and how their forms are
 * handled: one loader shape and one action, so every page that edits a rota does it the same way.
 */
import { redirect } from "@remix-run/node";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { announceOpenPlaces } from "./self-service.server";
import { deliverSoon } from "~/modules/email/outbox.server";
import { queueRotaPublished } from "~/modules/email/notices.server";
import { formatLondonTime } from "~/utils/dates";
import { isSlot, staffingNeeds, type Slot } from "./eligibility";
import { assignToShift, deleteDraftRota, publishRota, removeFromShift, rotaView, swapAssignments } from "./rota.server";
import { WITHDRAWN_WORDS } from "./words";

export async function rotaPageData(request: Request, rotaId: string) {
  const user = await requirePermission(request, "rota:manage");
  const { rota, people } = await rotaView(user.centreId, rotaId);
  const sessions = new Map(rota.shifts.map((s) => [s.sessionId, { id: s.sessionId, name: s.session.name }]));
  return {
    centre: user.centre.name,
    people,
    rota: {
      id: rota.id, startsOn: rota.startsOn, endsOn: rota.endsOn, status: rota.status, mode: rota.mode,
      sessions: [...sessions.values()],
      shifts: rota.shifts.map((s) => ({
        id: s.id, date: s.date, seriesId: s.sessionId, session: s.session.name, location: s.session.location,
        time: `${formatLondonTime(s.startsAt)} to ${formatLondonTime(s.endsAt)}`,
        needs: staffingNeeds(s),
        past: s.past,
        team: s.team?.name ?? null,
        assignments: s.assignments.map((a) => ({
          id: a.id, personId: a.personId, name: `${a.person.firstName} ${a.person.lastName}`, slot: a.slot as Slot, status: a.status, note: a.note,
          offBecause: a.voidWords ?? (a.status === "withdrawn" ? WITHDRAWN_WORDS[a.withdrawnReason ?? ""] ?? "taken off" : null),
        })),
        gaps: s.gaps,
      })),
    },
  };
}

export type RotaPageData = Awaited<ReturnType<typeof rotaPageData>>;
export type RotaPageShift = RotaPageData["rota"]["shifts"][number];

export type RotaActionResult =
  | { kind: "done"; message: string; warnings: string[] }
  | { kind: "refused"; message: string; shiftId: string | null }
  | { kind: "confirm"; warnings: string[]; fields: Record<string, string>; shiftId: string | null }
  | { kind: "confirm-discard" };

export async function rotaAction(request: Request, rotaId: string): Promise<RotaActionResult | Response> {
  const user = await requirePermission(request, "rota:manage");
  const actor = actorOf(user);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  const confirmed = form.confirmed === "yes";
  switch (form.intent) {
    case "assign": {
      if (!form.personId) return { kind: "refused", message: "Choose who to put on the shift", shiftId: form.shiftId ?? null };
      if (!isSlot(form.slot ?? "")) throw new Response("Unknown place", { status: 400 });
      const result = await assignToShift(actor, rotaId, form.shiftId, form.personId, form.slot as Slot, confirmed);
      if (result.ok) return { kind: "done", message: "Added to the shift.", warnings: result.warnings };
      return "refused" in result ? { kind: "refused", message: result.refused, shiftId: form.shiftId } : { kind: "confirm", warnings: result.needsConfirmation, fields: form, shiftId: form.shiftId };
    }
    case "swap": {
      if (!form.first || !form.second) return { kind: "refused", message: "Choose the two people to swap", shiftId: null };
      const result = await swapAssignments(actor, rotaId, form.first, form.second, confirmed);
      if (result.ok) return { kind: "done", message: "Swapped.", warnings: result.warnings };
      return "refused" in result ? { kind: "refused", message: result.refused, shiftId: null } : { kind: "confirm", warnings: result.needsConfirmation, fields: form, shiftId: null };
    }
    case "remove":
      await removeFromShift(actor, rotaId, form.assignmentId);
      await announceOpenPlaces(user.centreId);
      return { kind: "done", message: "Taken off the shift.", warnings: [] };
    case "publish": {
      const published = await publishRota(actor, rotaId, queueRotaPublished);
      const emailed = published?.emailed ?? 0;
      deliverSoon();
      return { kind: "done", message: `Published. Everyone on it can now see their shifts; ${emailed} ${emailed === 1 ? "person has" : "people have"} been emailed their shifts.`, warnings: [] };
    }
    case "discard":
      // A draft can hold hours of hand edits: ask once before throwing it away.
      if (!confirmed) return { kind: "confirm-discard" };
      await deleteDraftRota(actor, rotaId);
      return redirect("/rota");
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}
