/**
 * Accessible form pieces: every field has a label, an optional hint, and its error right
 * beside it, tied together with aria-describedby; the error summary links to each field.
 */
import type { ReactNode } from "react";
import type { FieldErrors, FormValues } from "~/utils/form";

export function fieldId(name: string) {
  return `field-${name}`;
}

export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} autoFocus>
      <h2 id="error-summary-title">There {entries.length === 1 ? "is a problem" : `are ${entries.length} problems`}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`}>{labels?.[name] ? `${labels[name]}: ${message}` : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type Common = { name: string; label: string; hint?: ReactNode; error?: string; className?: string };

function describedBy(name: string, hint: unknown, error: unknown) {
  return [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Hint({ name, hint }: { name: string; hint?: ReactNode }) {
  return hint ? <p className="hint" id={`${name}-hint`}>{hint}</p> : null;
}

function ErrorText({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${name}-error`}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

export function TextField({
  name, label, hint, error, defaultValue, type = "text", autoComplete, className, inputMode, required, width,
}: Common & {
  defaultValue?: string | null;
  type?: "text" | "email" | "tel" | "password" | "search";
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "email" | "tel";
  required?: boolean;
  width?: "short" | "medium";
}) {
  return (
    <div className={`field ${error ? "field--error" : ""} ${className ?? ""}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        aria-required={required || undefined}
        className={width ? `input--${width}` : undefined}
      />
    </div>
  );
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

export function TextArea({ name, label, hint, error, defaultValue }: Common & { defaultValue?: string | null }) {
  return (
    <div className={`field ${error ? "field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <textarea
        id={fieldId(name)}
        name={name}
        rows={3}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

export function SelectField({
  name, label, hint, error, defaultValue, options,
}: Common & { defaultValue?: string | null; options: readonly (readonly [string, string])[] }) {
  return (
    <div className={`field ${error ? "field--error" : ""}`}>
      <label htmlFor={fieldId(name)}>{label}</label>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </div>
  );
}

export function CheckboxGroup({
  name, label, hint, error, checked, options,
}: Common & { checked: readonly string[]; options: readonly (readonly [string, string])[] }) {
  return (
    <fieldset className={`field ${error ? "field--error" : ""}`} aria-describedby={describedBy(name, hint, error)}>
      <legend>{label}</legend>
      <Hint name={name} hint={hint} />
      <ErrorText name={name} error={error} />
      <div className="checkboxes">
        {options.map(([value, text], index) => (
          <div className="checkbox" key={value}>
            <input
              type="checkbox"
              id={index === 0 ? fieldId(name) : `${fieldId(name)}-${value}`}
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
            />
            <label htmlFor={index === 0 ? fieldId(name) : `${fieldId(name)}-${value}`}>{text}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({ name, label, hint, error, defaultChecked }: Common & { defaultChecked?: boolean }) {
  return (
    <div className={`field ${error ? "field--error" : ""}`}>
      <ErrorText name={name} error={error} />
      <div className="checkbox">
        <input
          type="checkbox"
          id={fieldId(name)}
          name={name}
          defaultChecked={defaultChecked}
          aria-describedby={describedBy(name, hint, error)}
        />
        <label htmlFor={fieldId(name)}>{label}</label>
      </div>
      <Hint name={name} hint={hint} />
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
