import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { announceOpenPlaces } from "~/modules/rota/self-service.server";
import { AuditList } from "~/components/audit-list";
import { DateField, SelectField, ValidatedForm, valueOf } from "~/components/forms";
import { SignInLinkNotice } from "~/components/sign-in-link";
import { ConflictTag, StatusTag } from "~/components/tags";
import { accessLabel, invitePerson } from "~/modules/accounts/accounts.server";
import { listAudit } from "~/modules/audit/audit.server";
import { actorOf } from "~/modules/auth/actor";
import { can } from "~/modules/auth/permissions";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { ROLE_LABELS, isRole } from "~/modules/people/constants";
import { fullName, getPerson, markLeft } from "~/modules/people/people.server";
import { currentRoles } from "~/modules/people/roles";
import { inviteSchema, leaveSchema } from "~/modules/people/validation";
import { formatLondonDateTime, formatUkDate, formatUkDateWithDay, londonToday } from "~/utils/dates";
import { formFailure, formValues, parseForm } from "~/utils/form";
import { deliverSoon } from "~/modules/email/outbox.server";
import { clock } from "~/utils/clock.server";
import { WITHDRAWN_WORDS, openedWords } from "~/modules/rota/words";
import { withdrawnShifts } from "~/modules/rota/rota.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? data.person.name : "Person" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:read");
  const person = await getPerson(user.centreId, params.personId!);
  invariantResponse(person, "We could not find that person at your centre.");
  // Someone whose personal data was removed is kept for counts only: nobody edits them again.
  const canEdit = can(user.accessRole, "people:write") && !person.anonymisedAt;
  const today = clock.today();
  const [audit, withdrawn] = await Promise.all([listAudit(user.centreId, { personId: person.id }), withdrawnShifts(person.id, today)]);
  const held = currentRoles(person.roles);
  return {
    canEdit,
    today,
    withdrawn: canEdit ? withdrawn : [],
    person: {
      id: person.id,
      name: fullName(person),
      email: person.email,
      phone: person.phone,
      status: person.status,
      startedOn: person.startedOn,
      leftOn: person.leftOn,
      removedOn: person.anonymisedAt ? londonToday(person.anonymisedAt) : null,
      conflict: person.usesCentreForOwnFamily,
      conflictNote: person.conflictNote,
      roleHistory: person.roles.map((r) => ({ id: r.id, role: isRole(r.role) ? ROLE_LABELS[r.role] : r.role, startedOn: r.startedOn, endedOn: r.endedOn })),
      suggestedAccess: held.includes("coordinator") || held.includes("deputy_coordinator") ? "coordinator" : "volunteer",
      // Sign-in details are for co-ordinators, who manage them; assessors are not sent them.
      signIn: canEdit && person.user && {
        access: accessLabel(person.user.accessRole),
        state: person.user.disabledAt ? "turned off" : person.user.passwordHash ? "active" : "invited, password not set yet",
        lastSignInAt: person.user.lastSignInAt,
      },
    },
    history: audit.entries,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "leave") {
    const parsed = parseForm(leaveSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    // Leaving takes someone off every later shift and ends their sign-in: ask once first.
    if (formData.get("confirmed") !== "yes") return { ok: true as const, intent, confirmLeave: formatUkDate(parsed.data.leftOn!) };
    const result = await markLeft(actorOf(user), params.personId!, parsed.data.leftOn!, clock.today());
    if (!result.ok) return { ...formFailure(result.errors, formValues(formData)), intent };
    if (result.opened.length) await announceOpenPlaces(user.centreId);
    return { ok: true as const, intent, message: `Marked as left. Their record and history are kept.${openedWords(result.opened)}` };
  }
  if (intent === "invite") {
    const parsed = parseForm(inviteSchema, formData);
    if (!parsed.ok) return { ...parsed, intent };
    const result = await invitePerson(actorOf(user), params.personId!, parsed.data.accessRole);
    if (!result.ok) return { ...formFailure(result.errors, formValues(formData)), intent };
    deliverSoon();
    const { name, email, emailed, handOver, invitation } = result;
    return { ok: true as const, intent, link: { name, email, emailed, handOver, invitation } };
  }
  throw new Response("Unknown action", { status: 400 });
}

const SAVED_MESSAGES: Record<string, string> = { created: "Person added.", updated: "Changes saved." };

export default function PersonPage() {
  const { person, history, canEdit, today, withdrawn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = SAVED_MESSAGES[searchParams.get("saved") ?? ""];
  const failed = (intent: string) => (actionData && !actionData.ok && actionData.intent === intent ? actionData : null);
  const valuesFor = (intent: string) => failed(intent)?.values;

  return (
    <>
      <p><Link to="/people">Back to people</Link></p>
      {saved ? <div className="notice notice--success" role="status">{saved}</div> : null}
      {actionData?.ok && "message" in actionData ? <div className="notice notice--success" role="status">{actionData.message}</div> : null}
      {actionData?.ok && "link" in actionData && actionData.link ? <SignInLinkNotice outcome={actionData.link} /> : null}

      <h1>{person.name}</h1>
      {person.removedOn ? (
        <div className="notice notice--warning">
          Their personal data was removed on {formatUkDate(person.removedOn)}, when the centre's retention period for leavers ended. The record stays for the
          centre's counts and history, and can no longer be changed.
        </div>
      ) : null}
      {person.conflict ? <p><ConflictTag /> {person.conflictNote}</p> : null}
      <dl className="summary">
        <dt>Status</dt><dd><StatusTag status={person.status} /></dd>
        <dt>Started</dt><dd>{formatUkDate(person.startedOn) || "Not yet"}</dd>
        {person.leftOn ? <><dt>Left</dt><dd>{formatUkDate(person.leftOn)}</dd></> : null}
        <dt>Email</dt><dd>{person.email ?? "None recorded"}</dd>
        <dt>Phone</dt><dd>{person.phone ?? "None recorded"}</dd>
      </dl>
      <div className="button-row">
        <Link to={`/people/${person.id}/compliance`} className="button">Checks and training</Link>
        {canEdit ? <Link to={`/people/${person.id}/edit`} className="button button--secondary">Edit details and roles</Link> : null}
        {canEdit ? <Link to={`/people/${person.id}/availability`} className="button button--secondary">Availability</Link> : null}
        {canEdit ? <Link to={`/people/${person.id}/data`} className="button button--secondary">Everything held about them</Link> : null}
      </div>

      {withdrawn.length ? (
        <div className="notice notice--warning">
          <h2>Taken off upcoming shifts</h2>
          <p>{person.name} is no longer on these shifts. Each now shows as a gap on its rota, with who could cover.</p>
          <ul>
            {withdrawn.map((w) => (
              <li key={w.id}><Link to={`/rota/${w.rotaId}#shift-${w.shiftId}`}>{formatUkDateWithDay(w.date)}, {w.session}</Link> ({WITHDRAWN_WORDS[w.reason] ?? w.reason})</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2>Roles</h2>
      <div className="table-wrap">
        <table className="cards">
          <thead><tr><th scope="col">Role</th><th scope="col">From</th><th scope="col">Until</th></tr></thead>
          <tbody>
            {person.roleHistory.map((r) => (
              <tr key={r.id}><th scope="row">{r.role}</th><td data-label="From">{formatUkDate(r.startedOn)}</td><td data-label="Until">{r.endedOn ? formatUkDate(r.endedOn) : "Now"}</td></tr>
            ))}
          </tbody>
        </table>
      </div>

      {canEdit ? (
        <>
          <h2>Sign-in</h2>
          {person.signIn ? (
            <p>
              {person.signIn.access}: {person.signIn.state}.
              {person.signIn.lastSignInAt ? ` Last signed in ${formatLondonDateTime(new Date(person.signIn.lastSignInAt))}.` : ""}
            </p>
          ) : (
            <p>{person.name} cannot sign in yet.</p>
          )}
          {person.status !== "left" ? (
            <ValidatedForm id="invite" schema={inviteSchema} failure={failed("invite")}>
              <input type="hidden" name="intent" value="invite" />
              <SelectField
                name="accessRole"
                label="What they may do"
                options={[["volunteer", "Volunteer or staff: their own record and shifts"], ["coordinator", "Co-ordinator: everything"]]}
                defaultValue={valueOf(valuesFor("invite"), "accessRole", person.suggestedAccess)}
              />
              <button type="submit" className="button--secondary button">{person.signIn ? "Issue a new sign-in link" : "Create a sign-in link"}</button>
            </ValidatedForm>
          ) : null}

          {person.status !== "left" ? (
            <>
              <h2 id="leave">Mark as left</h2>
              {actionData?.ok && "confirmLeave" in actionData ? (
                <div className="notice notice--warning" role="alert">
                  <h3>Mark {person.name} as left, last day {actionData.confirmLeave}?</h3>
                  <p>They come off every shift after that day (the rota shows the gaps), and their sign-in stops working. Their record and history are kept.</p>
                  <Form method="post" className="button-row">
                    <input type="hidden" name="intent" value="leave" />
                    <input type="hidden" name="leftOn" value={actionData.confirmLeave} />
                    <input type="hidden" name="confirmed" value="yes" />
                    <button type="submit" className="button button--warning">Yes, mark {person.name} as left</button>
                    <Link to={`/people/${person.id}`}>Cancel</Link>
                  </Form>
                </div>
              ) : null}
              <p>Their record, checks and history are kept; they come off the rota and their sign-in stops working.</p>
              <ValidatedForm id="mark-left" schema={leaveSchema} failure={failed("leave")}>
                <input type="hidden" name="intent" value="leave" />
                <DateField name="leftOn" label="Last day at the centre" defaultValue={valueOf(valuesFor("leave"), "leftOn", formatUkDate(today))} />
                <button type="submit" className="button button--warning">Mark {person.name} as left</button>
              </ValidatedForm>
            </>
          ) : null}
        </>
      ) : null}

      <h2>History</h2>
      <AuditList entries={history} />
    </>
  );
}
