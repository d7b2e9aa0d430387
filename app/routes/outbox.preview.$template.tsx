import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import { renderPreview } from "~/modules/email/previews.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Preview: ${data.title}` : "Preview" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "rota:manage");
  const preview = await renderPreview(params.template ?? "");
  invariantResponse(preview, "There is no email of that kind.");
  return preview;
}

export default function Preview() {
  const p = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to="/outbox">Back to the outbox</Link></p>
      <h1>Preview: {p.title}</h1>
      <p>Subject: <strong>{p.subject}</strong> (sample data)</p>
      <iframe title={`Preview of ${p.title}`} srcDoc={p.html} sandbox="" style={{ width: "100%", maxWidth: "400px", height: "36rem", border: "1px solid #b1b4b6" }} />
      <h2>Plain text version</h2>
      <pre style={{ whiteSpace: "pre-wrap" }}>{p.text}</pre>
    </>
  );
}
