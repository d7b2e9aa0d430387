import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AuditList } from "~/components/audit-list";
import { listAudit } from "~/modules/audit/audit.server";
import { requirePermission } from "~/modules/auth/session.server";

export const meta: MetaFunction = () => [{ title: "Audit log" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return listAudit(user.centreId, { page });
}

export default function Audit() {
  const { entries, page, pageCount, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">Every change to people's records and sign-ins: who made it, when, and what it changed. Entries cannot be edited or deleted.</p>
      <p>{total} {total === 1 ? "entry" : "entries"}, newest first. Page {page} of {pageCount}.</p>
      <AuditList entries={entries} />
      <nav className="pagination" aria-label="Audit log pages">
        {page > 1 ? <Link to={`?page=${page - 1}`}>Newer entries</Link> : null}
        {page < pageCount ? <Link to={`?page=${page + 1}`}>Older entries</Link> : null}
      </nav>
    </>
  );
}
