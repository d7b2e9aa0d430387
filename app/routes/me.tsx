import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { prisma } from "~/db.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { actorOf } from "~/modules/auth/actor";
import { SelectField } from "~/components/forms";
import { ClearedTag, RequirementTable } from "~/components/compliance";
import { StatusTag } from "~/components/tags";
import { requirePermission } from "~/modules/auth/session.server";
import { personCompliance } from "~/modules/compliance/compliance.server";
import { STATUS_SEVERITY } from "~/modules/compliance/rules";
import { roleList } from "~/modules/people/constants";
import { fullName } from "~/modules/people/people.server";
import { currentRoles } from "~/modules/people/roles";
import { formatUkDate } from "~/utils/dates";
import { clock } from "~/utils/clock.server";

export const meta: MetaFunction = () => [{ title: "My record" }];

/** A volunteer's own record: only ever their own, whatever they ask for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  const today = clock.today();
  const found = user.personId ? await personCompliance(user.centreId, user.personId, today) : null;
  if (!found) return { name: user.name, person: null };
  const { person, compliance } = found;
  const required = compliance.requirements
    .filter((r) => r.status !== "not_required")
    .sort((a, b) => STATUS_SEVERITY[a.status] - STATUS_SEVERITY[b.status]);
  return {
    name: user.name,
    person: {
      id: person.id,
      name: fullName(person),
      email: person.email,
      phone: person.phone,
      reminderMode: person.reminderMode,
      roles: roleList(currentRoles(person.roles)),
      status: person.status,
      startedOn: person.startedOn,
      cleared: compliance.cleared,
      needsAction: required.filter((r) => r.status !== "met").length,
      requirements: required,
    },
  };
}

const REMINDER_MODES = { individual: "One email for each reminder, as it falls due", weekly: "One summary email a week" } as const;

const reminderSchema = z.object({ reminderMode: z.enum(["individual", "weekly"], { error: "Choose how you would like reminders" }) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) throw new Response("Your sign-in is not linked to a record at the centre", { status: 400 });
  const parsed = reminderSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return { ok: false as const, error: "Choose how you would like reminders" };
  const personId = user.personId;
  await prisma.$transaction(async (tx) => {
    const before = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { reminderMode: true } });
    await tx.person.update({ where: { id: personId }, data: { reminderMode: parsed.data.reminderMode } });
    await recordAudit(tx, actorOf(user), {
      entityType: "Person", entityId: personId, personId, action: "updated", summary: `${user.name} changed how they get reminders`,
      changes: [{ field: "Reminders", from: REMINDER_MODES[before.reminderMode as keyof typeof REMINDER_MODES] ?? before.reminderMode, to: REMINDER_MODES[parsed.data.reminderMode] }],
    });
  });
  return { ok: true as const, error: null };
}

export default function Me() {
  const { name, person } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!person) {
    return (
      <>
        <h1>{name}</h1>
        <p>Your sign-in is not linked to a record at the centre. Ask your co-ordinator to link it.</p>
      </>
    );
  }
  return (
    <>
      <h1>My record</h1>
      <dl className="summary">
        <dt>Name</dt><dd>{person.name}</dd>
        <dt>Roles</dt><dd>{person.roles || "None"}</dd>
        <dt>Status</dt><dd><StatusTag status={person.status} /></dd>
        <dt>Started</dt><dd>{formatUkDate(person.startedOn) || "Not yet"}</dd>
        <dt>Email</dt><dd>{person.email ?? "None recorded"}</dd>
        <dt>Phone</dt><dd>{person.phone ?? "None recorded"}</dd>
      </dl>
      <h2>My checks and training</h2>
      <p>
        <ClearedTag cleared={person.cleared} />{" "}
        {person.needsAction === 0 ? "Everything is in date." : `${person.needsAction} item${person.needsAction === 1 ? " needs" : "s need"} attention: the earliest are listed first.`}
      </p>
      <RequirementTable requirements={person.requirements} personId={person.id} canEdit={false} caption="What you need, and until when it is in date" />
      <p>Done some training or had a new DBS check? Tell your co-ordinator so they can record it.</p>
      <h2>Reminders by email</h2>
      {actionData?.ok ? <div className="notice notice--success" role="status">Saved.</div> : null}
      <Form method="post">
        <SelectField
          name="reminderMode"
          label="How would you like reminders of what is due?"
          options={Object.entries(REMINDER_MODES)}
          defaultValue={person.reminderMode}
          error={actionData?.error ?? undefined}
        />
        <button type="submit" className="button button--secondary">Save</button>
      </Form>
    </>
  );
}
