/** The availability page's loading and actions, shared by "my availability" and a co-ordinator's view. */
import type { Actor } from "~/modules/audit/audit.server";
import { parseForm } from "~/utils/form";
import { addUnavailability, availabilityOf, removeUnavailability, setPreferences } from "./setup.server";
import { preferencesSchema, unavailabilitySchema } from "./validation";
import { clock } from "~/utils/clock.server";

export async function loadAvailability(personId: string) {
  const p = await availabilityOf(personId);
  return {
    today: clock.today(),
    name: `${p.firstName} ${p.lastName}`,
    serveEveryWeeks: p.serveEveryWeeks,
    centreDefault: p.centre.serveEveryWeeks,
    preferredDays: p.preferredDays.split(",").filter(Boolean),
    unavailable: p.unavailability.map((u) => ({ id: u.id, startsOn: u.startsOn, endsOn: u.endsOn, reason: u.reason })),
  };
}

export async function availabilityAction(actor: Actor, personId: string, formData: FormData) {
  const intent = String(formData.get("intent"));
  if (intent === "add-dates") {
    const parsed = parseForm(unavailabilitySchema(clock.today()), formData);
    if (!parsed.ok) return { ...parsed, intent };
    await addUnavailability(actor, personId, parsed.data);
    return { ok: true as const, intent, message: "Saved: you will not be put on the rota on those dates." };
  }
  if (intent === "remove-dates") {
    await removeUnavailability(actor, personId, String(formData.get("id")));
    return { ok: true as const, intent, message: "Removed." };
  }
  if (intent === "preferences") {
    const parsed = parseForm(preferencesSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    await setPreferences(actor, personId, parsed.data);
    return { ok: true as const, intent, message: "Preferences saved." };
  }
  throw new Response("Unknown action", { status: 400 });
}
