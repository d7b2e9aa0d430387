/**
 * Accessible form pieces: every field has a label, an optional hint, and its error right
 * beside it, tied together with aria-describedby; the error summary links to each field.
 */
import { createContext, useContext, useEffect, useRef, type ReactNode } from "react";
import type { FieldErrors, FormValues } from "~/utils/form";

/**
 * The ids of a field, its hint and its error. A page that repeats a form (one per shift, per
 * account, per reference) wraps each copy in a FieldScope, so no id is used twice and every
 * label still names its own control.
 */
export function fieldIds(name: string, scope?: string | null) {
  const base = scope ? `${scope}-${name}` : name;
  return { input: `field-${base}`, hint: `${base}-hint`, error: `${base}-error` };
}

export function fieldId(name: string, scope?: string | null) {
  return fieldIds(name, scope).input;
}

const Scope = createContext<string | null>(null);

export function FieldScope({ id, children }: { id: string; children: ReactNode }) {
  return <Scope.Provider value={id}>{children}</Scope.Provider>;
}

function useFieldIds(name: string) {
  return fieldIds(name, useContext(Scope));
}

/**
 * The GOV.UK error summary: focused when it appears (with or without JavaScript), each error a
 * link to its field. `scope` names the repeated form that failed, when the summary sits outside it.
 */
export function ErrorSummary({ errors, labels, scope }: { errors?: FieldErrors; labels?: Record<string, string>; scope?: string | null }) {
  const contextScope = useContext(Scope);
  const summary = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  // Without JavaScript the autofocus attribute does it; React only auto-focuses form controls itself.
  // Keyed on the messages, not the object, so a re-render does not pull focus from where the user is.
  const messages = entries.map(([name, message]) => `${name}:${message}`).join("\n");
  useEffect(() => { if (messages) summary.current?.focus(); }, [messages]);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus ref={summary}>
      <h2 id="error-summary-title">There {entries.length === 1 ? "is a problem" : `are ${entries.length} problems`}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name, scope ?? contextScope)}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
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
function LabelledField({ name, label, hint, error, className, control }: Common & {
  control: (aria: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const ids = useFieldIds(name);
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
  name, label, hint, error, checked, options,
}: Common & { checked: readonly string[]; options: readonly (readonly [string, string])[] }) {
  const ids = useFieldIds(name);
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

export function Checkbox({ name, label, hint, error, defaultChecked }: Common & { defaultChecked?: boolean }) {
  const ids = useFieldIds(name);
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
