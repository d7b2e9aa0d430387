import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { ClearedTag, RecordText, RequirementTable } from "~/components/compliance";
import { Checkbox, DateField, SelectField, TextArea, TextField, ValidatedForm, valueOf } from "~/components/forms";
import { actorOf } from "~/modules/auth/actor";
import { can } from "~/modules/auth/permissions";
import { invariantResponse, requirePermission } from "~/modules/auth/session.server";
import {
  addDbsCheck, addReference, addStatusCheck, addTrainingRecord, correctRecord, markEnteredInError, type Correction, personCompliance, recordReferenceReceived,
} from "~/modules/compliance/compliance.server";
import {
  DBS_DECISIONS, DBS_LEVELS, DELIVERY_METHODS, REFERENCE_OUTCOMES, STATUS_CHECK_RESULTS, WORKFORCES,
} from "~/modules/compliance/requirements";
import {
  dbsCheckSchema, enteredInErrorSchema, referenceReceivedSchema, type RecordKind, referenceSchema, statusCheckSchema, trainingSchema,
} from "~/modules/compliance/validation";
import { fullName } from "~/modules/people/people.server";
import { roleList } from "~/modules/people/constants";
import { dateParam } from "~/utils/date-param";
import { formatUkDate, londonToday } from "~/utils/dates";
import { formFailure, formValues, parseForm, type FieldErrors, type FormValues } from "~/utils/form";
import { clock } from "~/utils/clock.server";
import { clearedWords, findingWords, notCountedWords } from "~/modules/compliance/words";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.name}: checks and training` : "Checks and training" }];

const label = <T extends Record<string, string>>(options: T, key: string) => options[key as keyof T] ?? key;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const url = new URL(request.url);
  const date = dateParam(url, clock.today());
  const found = await personCompliance(user.centreId, params.personId!, date.date);
  invariantResponse(found, "We could not find that person at your centre.");
  const { person, courses, compliance, settings } = found;
  const requested = url.searchParams.get("course") ?? "";
  return {
    id: person.id,
    name: fullName(person),
    today: clock.today(),
    date,
    // Someone whose personal data was removed is kept for counts only: their records are not changed again.
    canEdit: can(user.accessRole, "compliance:write") && !person.anonymisedAt,
    compliance: {
      ...compliance, roles: roleList(compliance.roles),
      clearedWords: clearedWords(compliance),
      notCountedWords: compliance.notCounted ? notCountedWords(compliance.notCounted) : null,
      findings: compliance.findings.map(findingWords),
    },
    referencesRequired: settings.referencesRequired,
    dbsChecks: person.dbsChecks.map((c) => ({
      id: c.id,
      summary: `${label(DBS_LEVELS, c.level)}, ${label(WORKFORCES, c.workforce).toLowerCase()}${c.childrenBarredListChecked ? ", children's barred list checked" : ""}`,
      certificateNumber: c.certificateNumber,
      issuedOn: c.issuedOn,
      decision: label(DBS_DECISIONS, c.decision),
      seen: `${c.seenBy} on ${formatUkDate(c.seenOn)}`,
      updateServiceSubscribed: c.updateServiceSubscribed,
      statusChecks: c.statusChecks.map((s) => ({ id: s.id, checkedOn: s.checkedOn, result: label(STATUS_CHECK_RESULTS, s.result), checkedBy: s.checkedBy })),
      enteredInError: inError(c),
      saved: {
        level: c.level, workforce: c.workforce, certificateNumber: c.certificateNumber, issuedOn: formatUkDate(c.issuedOn), decision: c.decision,
        seenBy: c.seenBy, seenOn: formatUkDate(c.seenOn), childrenBarredListChecked: c.childrenBarredListChecked, updateServiceSubscribed: c.updateServiceSubscribed,
      },
    })),
    references: person.references.map((r) => ({
      id: r.id, refereeName: r.refereeName, relationship: r.relationship, contact: r.contact, requestedOn: r.requestedOn,
      receivedOn: r.receivedOn, outcome: r.outcome ? label(REFERENCE_OUTCOMES, r.outcome) : null, notes: r.notes,
      enteredInError: inError(r),
      saved: {
        refereeName: r.refereeName, relationship: r.relationship, contact: r.contact, requestedOn: formatUkDate(r.requestedOn),
        receivedOn: r.receivedOn ? formatUkDate(r.receivedOn) : "", outcome: r.outcome ?? "", notes: r.notes ?? "",
      },
    })),
    training: person.trainingRecords.map((t) => ({
      id: t.id, course: t.course.name, completedOn: t.completedOn, delivery: label(DELIVERY_METHODS, t.deliveryMethod), evidenceNote: t.evidenceNote,
      enteredInError: inError(t),
      saved: { courseId: t.courseId, completedOn: formatUkDate(t.completedOn), deliveryMethod: t.deliveryMethod, evidenceNote: t.evidenceNote ?? "" },
    })),
    courseOptions: courses.filter((c) => !c.retired).map((c) => [c.id, c.name] as const),
    allCourseOptions: courses.map((c) => [c.id, c.retired ? `${c.name} (retired)` : c.name] as const),
    preselectedCourse: requested.startsWith("course:") ? requested.slice("course:".length) : "",
  };
}

/** A record marked as entered in error: when, by whom and why, for everyone who can see it. */
function inError(record: { enteredInErrorAt: Date | null; enteredInErrorBy: string | null; enteredInErrorReason: string | null }) {
  return record.enteredInErrorAt ? { on: londonToday(record.enteredInErrorAt), by: record.enteredInErrorBy ?? "", reason: record.enteredInErrorReason ?? "" } : null;
}

const SAVED: Record<string, string> = {
  dbs: "DBS check recorded.", "status-check": "Update Service status check recorded.", reference: "Reference recorded.",
  "reference-received": "Reference marked as received.", training: "Training recorded.",
  corrected: "Record corrected. The old and new values are in the audit log.",
  unchanged: "Nothing was changed: the record already said that.",
  "entered-in-error": "Marked as entered in error: it is kept, struck through, and no longer counts. Add the correct record if there is one.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "compliance:write");
  const actor = actorOf(user);
  const personId = params.personId!;
  const today = clock.today();
  const formData = await request.formData();
  const intent = String(formData.get("intent"));
  const fail = (errors: FieldErrors) => ({ ...formFailure(errors, formValues(formData)), intent, target: String(formData.get("dbsCheckId") ?? formData.get("referenceId") ?? formData.get("recordId") ?? "") });
  const done = (saved: string, anchor: string) => redirect(`/people/${personId}/compliance?saved=${saved}#${anchor}`);

  switch (intent) {
    case "add-dbs": {
      const parsed = parseForm(dbsCheckSchema(today), formData);
      if (!parsed.ok) return fail(parsed.errors);
      await addDbsCheck(actor, personId, parsed.data);
      return done("dbs", "dbs");
    }
    case "add-status-check": {
      const parsed = parseForm(statusCheckSchema(today), formData);
      if (!parsed.ok) return fail(parsed.errors);
      const errors = await addStatusCheck(actor, personId, parsed.data);
      return Object.keys(errors).length ? fail(errors) : done("status-check", "dbs");
    }
    case "add-reference": {
      const parsed = parseForm(referenceSchema(today), formData);
      if (!parsed.ok) return fail(parsed.errors);
      await addReference(actor, personId, parsed.data);
      return done("reference", "references");
    }
    case "reference-received": {
      const parsed = parseForm(referenceReceivedSchema(today), formData);
      if (!parsed.ok) return fail(parsed.errors);
      const errors = await recordReferenceReceived(actor, personId, parsed.data);
      return Object.keys(errors).length ? fail(errors) : done("reference-received", "references");
    }
    case "add-training": {
      const parsed = parseForm(trainingSchema(today), formData);
      if (!parsed.ok) return fail(parsed.errors);
      const errors = await addTrainingRecord(actor, personId, parsed.data);
      return Object.keys(errors).length ? fail(errors) : done("training", "training");
    }
    case "entered-in-error": {
      const parsed = parseForm(enteredInErrorSchema, formData);
      if (!parsed.ok) return fail(parsed.errors);
      const errors = await markEnteredInError(actor, personId, parsed.data.kind, parsed.data.recordId, parsed.data.reason);
      const anchor = { dbs: "dbs", reference: "references", training: "training" }[parsed.data.kind];
      return Object.keys(errors).length ? fail(errors) : done("entered-in-error", anchor);
    }
    case "correct-dbs":
    case "correct-reference":
    case "correct-training": {
      const kind = intent.slice("correct-".length) as RecordKind;
      const anchor = { dbs: "dbs", reference: "references", training: "training" }[kind];
      const schema = CORRECTION_SCHEMAS[kind](today);
      const parsed = parseForm(schema, formData);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await correctRecord(actor, personId, { kind, recordId: String(formData.get("recordId") ?? ""), input: parsed.data } as Correction);
      if (Object.keys(result.errors).length) return fail(result.errors);
      return done(result.unchanged ? "unchanged" : "corrected", anchor);
    }
    default:
      throw new Response("Unknown action", { status: 400 });
  }
}

/** A correction is checked by the same schema as adding the record. */
const CORRECTION_SCHEMAS = { dbs: dbsCheckSchema, reference: referenceSchema, training: trainingSchema };

const options = (record: Record<string, string>, blank: string) => [["", blank] as const, ...Object.entries(record)];

function Panel({ id, title, open, children }: { id: string; title: string; open: boolean; children: ReactNode }) {
  return (
    <details className="form-panel no-print" id={id} open={open || undefined}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

type Saved = Record<string, string | boolean>;
type FieldsProps = { values?: FormValues; saved?: Saved };

/** A field's value: what was typed in a failed submit, else the record's saved value. */
function fieldValues({ values, saved }: FieldsProps) {
  return {
    text: (name: string) => valueOf(values, name, saved?.[name] === undefined ? undefined : String(saved[name])),
    checked: (name: string) => (values ? values[name] === "on" : saved?.[name] === true),
  };
}

/** The facts of a DBS check: the same fields to add one and to correct one. */
function DbsFields(props: FieldsProps) {
  const { text, checked } = fieldValues(props);
  return (
    <>
      <SelectField name="level" label="Level" options={options(DBS_LEVELS, "Choose the level")} defaultValue={text("level")} />
      <SelectField name="workforce" label="Workforce" options={options(WORKFORCES, "Choose the workforce")} defaultValue={text("workforce")} />
      <TextField name="certificateNumber" label="Certificate number" hint="The 12 digits at the top of the certificate" inputMode="numeric" width="medium" defaultValue={text("certificateNumber")} />
      <DateField name="issuedOn" label="Date of issue" defaultValue={text("issuedOn")} />
      <SelectField name="decision" label="The centre's decision" options={options(DBS_DECISIONS, "Choose the decision")} defaultValue={text("decision")} />
      <TextField name="seenBy" label="Original certificate seen by" defaultValue={text("seenBy")} />
      <DateField name="seenOn" label="Date the original was seen" defaultValue={text("seenOn")} />
      <Checkbox name="childrenBarredListChecked" label="The children's barred list was checked" hint="Shown on an enhanced certificate with barred list checks. Required by centres that offer supervised contact." defaultChecked={checked("childrenBarredListChecked")} />
      <Checkbox name="updateServiceSubscribed" label="They have subscribed this certificate to the DBS Update Service" hint="The centre can then run status checks (with their consent) instead of asking for a new certificate." defaultChecked={checked("updateServiceSubscribed")} />
    </>
  );
}

function ReferenceFields(props: FieldsProps) {
  const { text } = fieldValues(props);
  return (
    <>
      <TextField name="refereeName" label="Referee's name" defaultValue={text("refereeName")} />
      <TextField name="relationship" label="How they know the person" hint="For example, former employer or church minister" defaultValue={text("relationship")} />
      <TextField name="contact" label="Contact details" hint="Email, phone or address" defaultValue={text("contact")} />
      <DateField name="requestedOn" label="Date requested" defaultValue={text("requestedOn")} />
      <DateField name="receivedOn" label="Date received (if it has arrived)" defaultValue={text("receivedOn")} hint="Leave blank while it is awaited" />
      <SelectField name="outcome" label="Outcome (once received)" options={options(REFERENCE_OUTCOMES, "Not received yet")} defaultValue={text("outcome")} />
      <TextArea name="notes" label="Notes (optional)" hint="Never write down what a DBS certificate or a referee says about someone's history: note only what you checked and when." defaultValue={text("notes")} />
    </>
  );
}

function TrainingFields(props: FieldsProps & { courses: (readonly [string, string])[] }) {
  const { text } = fieldValues(props);
  return (
    <>
      <SelectField name="courseId" label="Course" options={[["", "Choose the course"], ...props.courses]} defaultValue={text("courseId")} />
      <DateField name="completedOn" label="Date completed" defaultValue={text("completedOn")} />
      <SelectField name="deliveryMethod" label="How it was delivered" options={options(DELIVERY_METHODS, "Choose")} defaultValue={text("deliveryMethod")} />
      <TextArea name="evidenceNote" label="Evidence note (optional)" hint="For example, certificate seen, workbook marked by Sam Patel" defaultValue={text("evidenceNote")} />
    </>
  );
}

const FIELD_LABELS: Record<string, string> = {
  level: "Level", workforce: "Workforce", certificateNumber: "Certificate number", issuedOn: "Date of issue", decision: "Decision",
  seenBy: "Seen by", seenOn: "Date seen", childrenBarredListChecked: "Children's barred list", checkedOn: "Date of status check", result: "Result", checkedBy: "Checked by",
  refereeName: "Referee", relationship: "Relationship", contact: "Contact details", requestedOn: "Date requested",
  receivedOn: "Date received", outcome: "Outcome", notes: "Notes", courseId: "Course", completedOn: "Date completed",
  deliveryMethod: "How it was delivered", evidenceNote: "Evidence note", reason: "Why it was entered in error", recordId: "Record", updateServiceSubscribed: "Update Service",
};

/** Why a record no longer counts, shown to everyone who can see it. */
function InErrorNote({ mark }: { mark: { on: string; by: string; reason: string } }) {
  return <p className="entered-in-error"><strong>Entered in error</strong>: marked on {formatUkDate(mark.on)} by {mark.by} ({mark.reason}). It does not count.</p>;
}

export default function PersonCompliancePage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const saved = SAVED[searchParams.get("saved") ?? ""];
  const failed = (intent: string, target = "") =>
    actionData && !actionData.ok && actionData.intent === intent && (!target || actionData.target === target) ? actionData : undefined;
  const valuesOf = (intent: string, target = ""): FormValues | undefined => failed(intent, target)?.values;
  const anchor = (searchParams.get("course") ?? "").split(":")[0];
  const { compliance } = data;

  /** Co-ordinators can mark a record as entered in error, saying why. */
  const markInError = (kind: "dbs" | "reference" | "training", id: string, what: string) => (data.canEdit ? (
    <Panel id={`in-error-${id}`} title="This was entered in error" open={Boolean(failed("entered-in-error", id))}>
      <ValidatedForm id={`entered-in-error-${id}`} schema={enteredInErrorSchema} failure={failed("entered-in-error", id)} labels={FIELD_LABELS}>
          <input type="hidden" name="intent" value="entered-in-error" />
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="recordId" value={id} />
          <TextArea name="reason" label="Why it was entered in error" hint="For example: certificate number mistyped. The record is kept, struck through, and stops counting; then add the correct one." defaultValue={valueOf(valuesOf("entered-in-error", id), "reason")} />
          <button type="submit" className="button button--warning">Mark as entered in error<span className="visually-hidden">: {what}</span></button>
      </ValidatedForm>
    </Panel>
  ) : null);

  /** Co-ordinators can correct a record in place: the old and new values go in the audit log. */
  const correct = (kind: RecordKind, id: string, what: string, fields: (props: FieldsProps) => ReactNode, saved: Saved) => {
    const intent = `correct-${kind}`;
    return data.canEdit ? (
      <Panel id={`${intent}-${id}`} title="Correct this record" open={Boolean(failed(intent, id))}>
        <ValidatedForm id={`${kind}-correction-${id}`} schema={CORRECTION_SCHEMAS[kind](data.today)} failure={failed(intent, id)} labels={FIELD_LABELS}>
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="recordId" value={id} />
          {fields({ values: valuesOf(intent, id), saved })}
          <button type="submit">Save correction<span className="visually-hidden">: {what}</span></button>
        </ValidatedForm>
      </Panel>
    ) : null;
  };

  return (
    <>
      <p><Link to={`/people/${data.id}`}>Back to {data.name}</Link></p>
      {saved ? <div className="notice notice--success" role="status">{saved}</div> : null}
      <h1>{data.name}: checks and training</h1>

      <Form method="get" className="filters no-print" aria-label="Show as on a date">
        <TextField name="date" label="As on date" hint="Today, or any past date" defaultValue={data.date.input} width="short" error={data.date.error ?? undefined} />
        <div className="field button-row"><button type="submit">Show</button></div>
      </Form>

      <p className="lead">
        {data.date.isToday ? "Today" : `On ${formatUkDate(data.date.date)}`}: <ClearedTag cleared={compliance.cleared} />{" "}
        {compliance.fullyCompliant ? <span className="tag tag--met">✓ Fully compliant</span> : null}
      </p>
      <p>{compliance.clearedWords}. {compliance.roles ? `Roles: ${compliance.roles}.` : ""}</p>
      {compliance.notCountedWords ? <div className="notice notice--warning">{compliance.notCountedWords}: not counted on this date.</div> : null}
      {compliance.findings.length ? (
        <div className="notice notice--warning">
          <h2>Safer-recruitment findings</h2>
          <ul>{compliance.findings.map((f) => <li key={f}>{f}</li>)}</ul>
        </div>
      ) : null}

      <RequirementTable requirements={compliance.requirements} personId={data.id} canEdit={data.canEdit} caption="Requirements" />

      <h2 id="dbs">DBS checks</h2>
      {data.dbsChecks.length ? (
        <ul className="record-list">
          {data.dbsChecks.map((c) => (
            <li key={c.id}>
              {c.enteredInError ? <InErrorNote mark={c.enteredInError} /> : null}
              <RecordText struck={Boolean(c.enteredInError)}>
              <strong>{c.summary}</strong>, issued {formatUkDate(c.issuedOn)}, certificate {c.certificateNumber}
              <br />Decision: {c.decision}. Original seen by {c.seen}.
              <br />Update Service: {c.updateServiceSubscribed ? "subscribed" : "not subscribed"}.
              </RecordText>
              {c.statusChecks.length ? (
                <ul>{c.statusChecks.map((s) => <li key={s.id}>Status check {formatUkDate(s.checkedOn)} by {s.checkedBy}: {s.result}</li>)}</ul>
              ) : null}
              {c.enteredInError ? null : correct("dbs", c.id, `DBS check issued ${formatUkDate(c.issuedOn)}`, DbsFields, c.saved)}
              {c.enteredInError ? null : markInError("dbs", c.id, `DBS check issued ${formatUkDate(c.issuedOn)}`)}
              {data.canEdit && c.updateServiceSubscribed && !c.enteredInError ? (
                <Panel id={`status-check-${c.id}`} title="Record an Update Service status check" open={Boolean(failed("add-status-check", c.id))}>
                  <ValidatedForm id={`add-status-check-${c.id}`} schema={statusCheckSchema(data.today)} failure={failed("add-status-check", c.id)} labels={FIELD_LABELS}>
                    <input type="hidden" name="intent" value="add-status-check" />
                    <input type="hidden" name="dbsCheckId" value={c.id} />
                    <DateField name="checkedOn" label="Date of status check" defaultValue={valueOf(valuesOf("add-status-check", c.id), "checkedOn", formatUkDate(data.today))} />
                    <SelectField name="result" label="Result" options={options(STATUS_CHECK_RESULTS, "Choose")} defaultValue={valueOf(valuesOf("add-status-check", c.id), "result")} />
                    <TextField name="checkedBy" label="Checked by" defaultValue={valueOf(valuesOf("add-status-check", c.id), "checkedBy")} />
                    <button type="submit">Save status check</button>
                  </ValidatedForm>
                </Panel>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p>No DBS check on record.</p>}
      {data.canEdit ? (
        <Panel id="add-dbs" title="Add a DBS check" open={anchor === "dbs" || Boolean(failed("add-dbs"))}>
          <div className="notice notice--gdpr">
            Record only these facts. Do not copy what the certificate says or keep a scan or photo of it: that is criminal-offence data under UK GDPR, and this app deliberately has nowhere to put it.
          </div>
          <ValidatedForm id="new-dbs" schema={dbsCheckSchema(data.today)} failure={failed("add-dbs")} labels={FIELD_LABELS}>
            <input type="hidden" name="intent" value="add-dbs" />
            <DbsFields values={valuesOf("add-dbs")} />
            <button type="submit">Save DBS check</button>
          </ValidatedForm>
        </Panel>
      ) : null}

      <h2 id="references">References</h2>
      <p>{data.referencesRequired} satisfactory references are needed before starting.</p>
      {data.references.length ? (
        <ul className="record-list">
          {data.references.map((r) => (
            <li key={r.id}>
              {r.enteredInError ? <InErrorNote mark={r.enteredInError} /> : null}
              <RecordText struck={Boolean(r.enteredInError)}>
              <strong>{r.refereeName}</strong> ({r.relationship}), {r.contact}
              <br />Requested {formatUkDate(r.requestedOn)}. {r.receivedOn ? `Received ${formatUkDate(r.receivedOn)}: ${r.outcome}.` : "Awaited."}
              {r.notes ? <><br />{r.notes}</> : null}
              </RecordText>
              {r.enteredInError ? null : correct("reference", r.id, `reference from ${r.refereeName}`, ReferenceFields, r.saved)}
              {r.enteredInError ? null : markInError("reference", r.id, `reference from ${r.refereeName}`)}
              {data.canEdit && !r.receivedOn && !r.enteredInError ? (
                <Panel id={`received-${r.id}`} title="Record as received" open={Boolean(failed("reference-received", r.id))}>
                  <ValidatedForm id={`reference-received-${r.id}`} schema={referenceReceivedSchema(data.today)} failure={failed("reference-received", r.id)} labels={FIELD_LABELS}>
                    <input type="hidden" name="intent" value="reference-received" />
                    <input type="hidden" name="referenceId" value={r.id} />
                    <DateField name="receivedOn" label="Date received" defaultValue={valueOf(valuesOf("reference-received", r.id), "receivedOn", formatUkDate(data.today))} />
                    <SelectField name="outcome" label="Outcome" options={options(REFERENCE_OUTCOMES, "Choose")} defaultValue={valueOf(valuesOf("reference-received", r.id), "outcome")} />
                    <button type="submit">Save<span className="visually-hidden"> reference from {r.refereeName}</span></button>
                  </ValidatedForm>
                </Panel>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p>No references on record.</p>}
      {data.canEdit ? (
        <Panel id="add-reference" title="Add a reference" open={anchor === "references" || Boolean(failed("add-reference"))}>
          <ValidatedForm id="new-reference" schema={referenceSchema(data.today)} failure={failed("add-reference")} labels={FIELD_LABELS}>
            <input type="hidden" name="intent" value="add-reference" />
            <ReferenceFields values={valuesOf("add-reference")} />
            <button type="submit">Save reference</button>
          </ValidatedForm>
        </Panel>
      ) : null}

      <h2 id="training">Training</h2>
      {data.training.length ? (
        <div className="table-wrap">
          <table className="cards">
            <thead><tr><th scope="col">Course</th><th scope="col">Completed</th><th scope="col">How</th><th scope="col">Evidence</th></tr></thead>
            <tbody>
              {data.training.map((t) => (
                <tr key={t.id}>
                  <th scope="row"><RecordText struck={Boolean(t.enteredInError)}>{t.course}</RecordText></th>
                  <td data-label="Completed"><RecordText struck={Boolean(t.enteredInError)}>{formatUkDate(t.completedOn)}</RecordText></td>
                  <td data-label="How">{t.delivery}</td>
                  <td data-label="Evidence">
                    {t.evidenceNote}
                    {t.enteredInError ? <InErrorNote mark={t.enteredInError} /> : (
                      <>
                        {correct("training", t.id, `${t.course} completed ${formatUkDate(t.completedOn)}`, (props) => <TrainingFields courses={data.allCourseOptions} {...props} />, t.saved)}
                        {markInError("training", t.id, `${t.course} completed ${formatUkDate(t.completedOn)}`)}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : <p>No training on record.</p>}
      {data.canEdit ? (
        <Panel id="add-training" title="Add a training record" open={anchor === "course" || Boolean(failed("add-training"))}>
          <ValidatedForm id="new-training" schema={trainingSchema(data.today)} failure={failed("add-training")} labels={FIELD_LABELS}>
            <input type="hidden" name="intent" value="add-training" />
            <TrainingFields courses={data.courseOptions} values={valuesOf("add-training")} saved={{ courseId: data.preselectedCourse }} />
            <button type="submit">Save training record</button>
          </ValidatedForm>
        </Panel>
      ) : null}
    </>
  );
}
