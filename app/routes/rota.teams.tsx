import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SelectField, TextField, ValidatedForm, valueOf } from "~/components/forms";
import { prisma } from "~/db.server";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { fullName } from "~/modules/people/people.server";
import { addTeam, listTeams, setTeamMember } from "~/modules/rota/setup.server";
import { formFailure, formValues, parseForm, requiredText } from "~/utils/form";

export const meta: MetaFunction = () => [{ title: "Teams" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const [teams, people] = await Promise.all([
    listTeams(user.centreId),
    prisma.person.findMany({ where: { centreId: user.centreId, status: { in: ["active", "paused"] } }, orderBy: [{ lastName: "asc" }, { firstName: "asc" }], select: { id: true, firstName: true, lastName: true } }),
  ]);
  return {
    teams: teams.map((t) => ({ id: t.id, name: t.name, members: t.members.map((m) => ({ id: m.person.id, name: fullName(m.person) })) })),
    people: people.map((p) => [p.id, fullName(p)] as const),
  };
}

const teamSchema = z.object({ name: requiredText("a team name", 60, "Give the team a name, like Team A") });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "rota:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "add-team") {
    const parsed = parseForm(teamSchema, formData);
    if (!parsed.ok) return parsed;
    const errors = await addTeam(actorOf(user), parsed.data.name);
    return Object.keys(errors).length ? formFailure(errors, formValues(formData)) : { ok: true as const };
  }
  if (intent === "add-member" || intent === "remove-member") {
    // Removing names the person directly; adding picks them from that team's own list (unique field ids).
    const personId = String(formData.get("personId") ?? formData.get(`member-${formData.get("teamId")}`) ?? "");
    if (!personId) return formFailure({ [`member-${formData.get("teamId")}`]: "Choose a person to add" }, formValues(formData));
    await setTeamMember(actorOf(user), String(formData.get("teamId")), personId, intent === "add-member");
    return { ok: true as const };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Teams() {
  const { teams, people } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failed = actionData && !actionData.ok ? actionData : null;
  const failedField = (name: string) => (failed && name in failed.errors ? failed : null);
  return (
    <>
      <p><Link to="/rota">Back to rotas</Link></p>
      <h1>Teams</h1>
      <p>Some centres roster fixed teams that take turns: Team A on the first session, Team B on the next, and so on. Choose "fixed teams" when you draft a rota; gaps left by someone unavailable or not cleared are filled from everyone else.</p>
      {teams.map((team) => (
        <section key={team.id}>
          <h2>{team.name}</h2>
          {team.members.length ? (
            <ul>
              {team.members.map((m) => (
                <li key={m.id}>
                  {m.name}{" "}
                  <Form method="post" style={{ display: "inline" }}>
                    <input type="hidden" name="teamId" value={team.id} />
                    <input type="hidden" name="personId" value={m.id} />
                    <button type="submit" name="intent" value="remove-member" className="button button--secondary">Remove<span className="visually-hidden"> {m.name} from {team.name}</span></button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : <p>No members yet.</p>}
          <ValidatedForm id={`add-member-${team.id}`} failure={failedField(`member-${team.id}`)}>
            <input type="hidden" name="intent" value="add-member" />
            <input type="hidden" name="teamId" value={team.id} />
            <SelectField name={`member-${team.id}`} label={`Add to ${team.name}`} options={[["", "Choose a person"], ...people]} />
            <button type="submit" className="button button--secondary">Add</button>
          </ValidatedForm>
        </section>
      ))}
      <h2>Add a team</h2>
      <ValidatedForm id="add-team" schema={teamSchema} failure={failedField("name")}>
        <input type="hidden" name="intent" value="add-team" />
        <TextField name="name" label="Team name" defaultValue={valueOf(failedField("name")?.values, "name")} />
        <button type="submit">Add team</button>
      </ValidatedForm>
    </>
  );
}
