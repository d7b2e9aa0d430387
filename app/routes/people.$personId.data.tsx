import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PersonalDataView } from "~/components/personal-data";
import { actorOf } from "~/modules/auth/actor";
import { requirePermission } from "~/modules/auth/session.server";
import { auditPersonalDataExport, personalData, personalDataDownload } from "~/modules/people/personal-data.server";

export const meta: MetaFunction = () => [{ title: "Everything held about this person" }];

/** A subject access request, answered by a co-ordinator: the page, or (?format=json) a download. Each look is audited. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "people:write");
  const data = await personalData(user.centreId, params.personId!, { forSubject: false });
  if (!data) throw new Response("Person not found", { status: 404 });
  const json = new URL(request.url).searchParams.get("format") === "json";
  await auditPersonalDataExport(actorOf(user), params.personId!, json ? "json" : "page");
  if (json) return personalDataDownload(data);
  return { data, personId: params.personId! };
}

export default function PersonData() {
  const { data, personId } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to={`/people/${personId}`}>Back to {data.person.firstName} {data.person.lastName}</Link></p>
      <h1>Everything held about {data.person.firstName} {data.person.lastName}</h1>
      <p>For a subject access request: the readable copy below, or <a href={`/people/${personId}/data?format=json`} download>download it as JSON</a>. Looking at or downloading this is recorded in the audit log.</p>
      <PersonalDataView data={data} />
    </>
  );
}
