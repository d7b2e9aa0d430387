import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ClearedTag, RequirementTable } from "~/components/compliance";
import { StatusTag } from "~/components/tags";
import { listSessions, requirePermission } from "~/modules/auth/session.server";
import { SignedInDevices } from "~/components/sign-in-settings";
import { personCompliance } from "~/modules/compliance/compliance.server";
import { STATUS_SEVERITY } from "~/modules/compliance/rules";
import { roleList } from "~/modules/people/constants";
import { fullName } from "~/modules/people/people.server";
import { currentRoles } from "~/modules/people/roles";
import { formatUkDate, formatUkMonth } from "~/utils/dates";
import { clock } from "~/utils/clock.server";
import { myService } from "~/modules/rota/service.server";

export const meta: MetaFunction = () => [{ title: "My record" }];

/** A volunteer's own record: only ever their own, whatever they ask for. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  const today = clock.today();
  const [found, sessions, service] = await Promise.all([
    user.personId ? personCompliance(user.centreId, user.personId, today) : null,
    listSessions(user.id),
    user.personId ? myService(user.personId, today) : null,
  ]);
  const devices = sessions.map((s) => ({ ...s, current: s.id === user.sessionId }));
  if (!found) return { name: user.name, person: null, devices };
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
    service,
    devices,
  };
}

export default function Me() {
  const data = useLoaderData<typeof loader>();
  const { name, person, devices } = data;
  if (!person) {
    return (
      <>
        <h1>{name}</h1>
        <p>Your sign-in is not linked to a record at the centre. Ask your co-ordinator to link it.</p>
        <h2>Signed-in devices</h2>
        <SignedInDevices devices={devices} />
        <p><Link to="/me/sign-in">Your sign-in: password, two-factor sign-in and which emails you get</Link></p>
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
      {"service" in data && data.service ? <ServiceRecord service={data.service} /> : null}
      <h2>My data</h2>
      <p><Link to="/me/data">See everything the centre's app holds about me</Link>, and download it.</p>
      <h2>Signed-in devices</h2>
      <SignedInDevices devices={devices} />
      <p><Link to="/me/sign-in">Your sign-in: password, two-factor sign-in and which emails you get</Link></p>
    </>
  );
}

/** Shifts served, for references and awards: hours per year, then month by month. */
function ServiceRecord({ service }: { service: { total: number; byYear: { year: string; shifts: number; hours: number }[]; byMonth: { month: string; shifts: number; hours: number }[] } }) {
  return (
    <>
      <h2 id="service">My record of service</h2>
      {service.total ? (
        <>
          <p>{service.total} shift{service.total === 1 ? "" : "s"} served on published rotas. Useful for references and volunteering awards.</p>
          <div className="table-wrap">
            <table className="cards">
              <caption>Hours by year</caption>
              <thead><tr><th scope="col">Year</th><th scope="col">Shifts</th><th scope="col">Hours</th></tr></thead>
              <tbody>{service.byYear.map((y) => <tr key={y.year}><th scope="row">{y.year}</th><td data-label="Shifts">{y.shifts}</td><td data-label="Hours">{y.hours}</td></tr>)}</tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table className="cards">
              <caption>Shifts by month</caption>
              <thead><tr><th scope="col">Month</th><th scope="col">Shifts</th><th scope="col">Hours</th></tr></thead>
              <tbody>{service.byMonth.map((m) => <tr key={m.month}><th scope="row">{formatUkMonth(m.month)}</th><td data-label="Shifts">{m.shifts}</td><td data-label="Hours">{m.hours}</td></tr>)}</tbody>
            </table>
          </div>
        </>
      ) : <p>No shifts served yet: they appear here once the day has passed.</p>}
    </>
  );
}
