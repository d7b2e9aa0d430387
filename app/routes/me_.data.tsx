import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PersonalDataView } from "~/components/personal-data";
import { requirePermission } from "~/modules/auth/session.server";
import { personalData, personalDataDownload } from "~/modules/people/personal-data.server";

export const meta: MetaFunction = () => [{ title: "Everything held about me" }];

/** Someone's own data: only ever their own, as a page or (?format=json) a download. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "self:read");
  if (!user.personId) throw new Response("Your sign-in is not linked to a record at the centre", { status: 404 });
  const data = await personalData(user.centreId, user.personId, { forSubject: true });
  if (!data) throw new Response("Record not found", { status: 404 });
  if (new URL(request.url).searchParams.get("format") === "json") return personalDataDownload(data);
  return { data };
}

export default function MyData() {
  const { data } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/me">Back to my record</Link></p>
      <h1>Everything held about me</h1>
      <p>What the centre's app holds about you. <a href="/me/data?format=json" download>Download it as a file (JSON)</a>. If something is wrong, tell your co-ordinator: they can correct it.</p>
      <PersonalDataView data={data} />
    </>
  );
}
