/** Everything held about a person, readable: one section per kind of record, each a plain table. */
import { Fragment } from "react";
import type { PersonalData } from "~/modules/people/personal-data.server";

const SECTIONS: [keyof PersonalData, string][] = [
  ["person", "Their record"], ["roles", "Roles"], ["statusHistory", "Status history"], ["dbsChecks", "DBS checks"],
  ["references", "References"], ["training", "Training"], ["datesUnavailable", "Dates unavailable"], ["teams", "Teams"],
  ["shifts", "Shifts"], ["swapRequests", "Swap requests"], ["signIn", "Sign-in"], ["emailsSent", "Emails sent"], ["changesRecorded", "Changes recorded (audit log)"],
];

/** "updateServiceChecks" → "Update service checks". */
function words(key: string) {
  const spaced = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v ? Object.values(v as object).map(show).filter(Boolean).join(" ") : show(v))).join("; ");
  if (typeof value === "object") return Object.entries(value as object).map(([k, v]) => `${words(k)}: ${show(v)}`).join(", ");
  return String(value);
}

function Section({ title, value }: { title: string; value: unknown }) {
  if (Array.isArray(value) && value.length && typeof value[0] === "object") {
    const keys = Object.keys(value[0] as object);
    return (
      <div className="table-wrap">
        <table className="cards">
          <caption>{title}</caption>
          <thead><tr>{keys.map((k) => <th scope="col" key={k}>{words(k)}</th>)}</tr></thead>
          <tbody>{value.map((row, i) => <tr key={i}>{keys.map((k) => <td key={k} data-label={words(k)}>{show((row as Record<string, unknown>)[k])}</td>)}</tr>)}</tbody>
        </table>
      </div>
    );
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return (
      <>
        <h3>{title}</h3>
        <dl className="summary">{Object.entries(value).map(([k, v]) => <Fragment key={k}><dt>{words(k)}</dt><dd>{show(v) || "None"}</dd></Fragment>)}</dl>
      </>
    );
  }
  return <><h3>{title}</h3><p>{show(value) || "None held."}</p></>;
}

export function PersonalDataView({ data }: { data: PersonalData }) {
  return (
    <>
      <p>{data.about}, as on {data.exportedAt.slice(0, 10).split("-").reverse().join("/")}.</p>
      {data.reviewBeforeSending ? <div className="notice notice--warning"><p><strong>Before sending this on:</strong> {data.reviewBeforeSending}</p></div> : null}
      {SECTIONS.map(([key, title]) => <Section key={key} title={title} value={data[key]} />)}
    </>
  );
}
