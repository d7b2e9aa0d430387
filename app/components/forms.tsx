/**
 * Accessible form pieces: every field has a label, an optional hint, and its error right
 * beside it, tied together with aria-describedby; the error summary links to each field.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { z } from "zod";
import { firstMessages, type FieldErrors, type FormValues } from "~/utils/form";

/**
 * A form that validates with its schema in the browser before sending, and again on the server
 * with the same schema, through Conform. Every form has its own id, and its fields' ids start
 * with it, so a page may repeat a form (one per shift, per account, per reference) and every
 * label still names its own control.
 *
 * `failure` is what the action returned when this form's submission failed; the server's
 * messages then show exactly as the browser's would. The error summary appears after a submit
 * attempt and takes focus (GOV.UK's pattern), with JavaScript or without. Pass action data as
 * it comes, or memoise what is made from it: a new object is a new failure to report.
 */
export function ValidatedForm({
  id, schema, failure, labels, summary = true, children, method = "post", ...formProps
}: {
  id: string;
  /** False when the page shows the summary elsewhere (at its top, for several forms' outcomes). */
  summary?: boolean;
  schema?: z.ZodType;
  failure?: { errors: FieldErrors; values?: FormValues } | null;
  labels?: Record<string, string>;
  children: ReactNode;
  method?: "post" | "get";
  action?: string;
  encType?: "multipart/form-data";
  className?: string;
  replace?: boolean;
  preventScrollReset?: boolean;
}) {
  const lastResult = useMemo(() => (failure ? submissionResult(failure) : undefined), [failure]);
  const [form] = useForm({
    id,
    lastResult,
    // GOV.UK's advice: check when the form is sent, not as people move through it (an error
    // appearing on blur moves the page under their pointer); once shown, clear it as they fix it.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: schema ? ({ formData }) => parseWithZod(formData, { schema }) : undefined,
  });
  const [attempts, setAttempts] = useState(0);
  const errors = firstMessages(form.allErrors);
  // `errors` is a new object on every render: keep the fields' context while the messages stand.
  const scope = useMemo(() => ({ formId: form.id, errors }), [form.id, JSON.stringify(errors)]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Scope.Provider value={scope}>
      <Form
        method={method}
        {...formProps}
        // The summary says what is wrong with the form as a whole: no aria-describedby to an element we do not draw.
        {...getFormProps(form, { ariaAttributes: false })}
        onSubmit={(event) => {
          form.onSubmit(event);
          if (event.defaultPrevented) setAttempts((n) => n + 1);
        }}
      >
        {summary && form.status === "error" ? <ErrorSummary errors={errors} labels={labels} focusKey={[attempts, lastResult]} /> : null}
        {children}
      </Form>
    </Scope.Provider>
  );
}

/** What Conform would have replied had it seen the action's failure itself. */
function submissionResult(failure: { errors: FieldErrors; values?: FormValues }): SubmissionResult<string[]> {
  const error: Record<string, string[]> = {};
  for (const [name, message] of Object.entries(failure.errors)) error[name === "form" ? "" : name] = [message];
  return { status: "error", initialValue: failure.values ?? {}, error };
}

type FormScope = { formId: string; errors: FieldErrors } | null;
const Scope = createContext<FormScope>(null);

/**
 * The ids of a field, its hint and its error: inside a ValidatedForm, Conform's (the form's id
 * first); in a plain form (a search or filter), from the name alone.
 */
function fieldIds(name: string, scope: FormScope) {
  if (!scope) return { input: `field-${name}`, hint: `${name}-hint`, error: `${name}-error` };
  const base = `${scope.formId}-${name}`;
  return { input: base, hint: `${base}-description`, error: `${base}-error` };
}

/** A field's ids and, inside a ValidatedForm, its current error (the form's state, not the caller's). */
function useField(name: string, error: string | undefined) {
  const scope = useContext(Scope);
  return { ids: fieldIds(name, scope), error: scope ? scope.errors[name] : error };
}

/**
 * The GOV.UK error summary, each error a link to its field. It takes focus when it appears:
 * without JavaScript through the autofocus attribute (React only auto-focuses form controls
 * itself), with JavaScript on each failed submit, but never while the user is typing.
 */
export function ErrorSummary({ errors, labels, focusKey, formId }: {
  errors?: FieldErrors;
  labels?: Record<string, string>;
  /** The form whose fields the errors are about, when the summary sits outside it. */
  formId?: string;
  /** Focus moves here when this changes (by default, when the messages change). */
  focusKey?: readonly unknown[];
}) {
  const context = useContext(Scope);
  const scope = formId ? { formId, errors: {} } : context;
  const summary = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const messages = entries.map(([name, message]) => `${name}:${message}`).join("\n");
  useEffect(() => { summary.current?.focus(); }, focusKey ?? [messages]); // eslint-disable-line react-hooks/exhaustive-deps
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus ref={summary}>
      <h2 id="error-summary-title">There {entries.length === 1 ? "is a problem" : `are ${entries.length} problems`}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${name === "form" && scope ? scope.formId : fieldIds(name, scope).input}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type Common = { name: string; label: string; hint?: ReactNode; error?: string; className?: string };

function describedBy(ids: ReturnType<typeof fieldIds>, hint: unknown, error: unknown) {
  return [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ ids, hint }: { ids: ReturnType<typeof fieldIds>; hint?: ReactNode }) {
  return hint ? <p className="hint" id={ids.hint}>{hint}</p> : null;
}

function ErrorText({ ids, error }: { ids: ReturnType<typeof fieldIds>; error?: string }) {
  return error ? (
    <p className="field-error" id={ids.error}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

/** A labelled control with its hint and error, wired together: `control` gets the ids and ARIA it needs. */
function LabelledField({ name, label, hint, error: given, className, control }: Common & {
  control: (aria: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const { ids, error } = useField(name, given);
  return (
    <div className={`field ${error ? "field--error" : ""} ${className ?? ""}`}>
      <label htmlFor={ids.input}>{label}</label>
      <Hint ids={ids} hint={hint} />
      <ErrorText ids={ids} error={error} />
      {control({ id: ids.input, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(ids, hint, error) })}
    </div>
  );
}

export function TextField({
  defaultValue, type = "text", autoComplete, inputMode, required, width, ...props
}: Common & {
  defaultValue?: string | null;
  type?: "text" | "email" | "tel" | "password" | "search";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  required?: boolean;
  width?: "short" | "medium";
}) {
  return (
    <LabelledField
      {...props}
      control={(aria) => (
        <input
          {...aria}
          type={type}
          defaultValue={defaultValue ?? ""}
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-required={required || undefined}
          className={width ? `input--${width}` : undefined}
        />
      )}
    />
  );
}

export function FileField({ accept, ...props }: Common & { accept: string }) {
  return <LabelledField {...props} control={(aria) => <input {...aria} type="file" accept={accept} />} />;
}

/** A date typed the UK way; the server reads 27/03/2024, 27 March 2024 and more. */
export function DateField(props: Common & { defaultValue?: string | null; required?: boolean }) {
  return (
    <TextField
      {...props}
      hint={props.hint ?? "For example, 27/03/2024"}
      inputMode="text"
      autoComplete="off"
      width="short"
    />
  );
}

export function TextArea({ defaultValue, ...props }: Common & { defaultValue?: string | null }) {
  return <LabelledField {...props} control={(aria) => <textarea {...aria} rows={3} defaultValue={defaultValue ?? ""} />} />;
}

export function SelectField({
  defaultValue, options, ...props
}: Common & { defaultValue?: string | null; options: readonly (readonly [string, string])[] }) {
  return (
    <LabelledField
      {...props}
      control={(aria) => (
        <select {...aria} defaultValue={defaultValue ?? ""}>
          {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
        </select>
      )}
    />
  );
}

export function CheckboxGroup({
  name, label, hint, error: given, checked, options,
}: Common & { checked: readonly string[]; options: readonly (readonly [string, string])[] }) {
  const { ids, error } = useField(name, given);
  return (
    <fieldset className={`field ${error ? "field--error" : ""}`} aria-describedby={describedBy(ids, hint, error)}>
      <legend>{label}</legend>
      <Hint ids={ids} hint={hint} />
      <ErrorText ids={ids} error={error} />
      <div className="checkboxes">
        {options.map(([value, text], index) => (
          <div className="checkbox" key={value}>
            <input
              type="checkbox"
              id={index === 0 ? ids.input : `${ids.input}-${value}`}
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
            />
            <label htmlFor={index === 0 ? ids.input : `${ids.input}-${value}`}>{text}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({ name, label, hint, error: given, defaultChecked }: Common & { defaultChecked?: boolean }) {
  const { ids, error } = useField(name, given);
  return (
    <div className={`field ${error ? "field--error" : ""}`}>
      <ErrorText ids={ids} error={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={ids.input}
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(ids, hint, error)}
        />
        <label htmlFor={ids.input}>{label}</label>
      </div>
      <Hint ids={ids} hint={hint} />
    </div>
  );
}

/** What a field shows after a failed submit (what the user typed), else the saved value. */
export function valueOf(values: FormValues | undefined, name: string, saved?: string | null): string {
  const value = values?.[name];
  if (value === undefined) return saved ?? "";
  return Array.isArray(value) ? value[0] ?? "" : value;
}

export function valuesOf(values: FormValues | undefined, name: string, saved: readonly string[]): string[] {
  if (!values) return [...saved];
  const value = values[name];
  return value === undefined ? [] : [value].flat();
}
