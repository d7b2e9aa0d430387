import { Checkbox, CheckboxGroup, DateField, SelectField, TextArea, TextField, ValidatedForm, valueOf, valuesOf } from "./forms";
import { ROLE_OPTIONS, STATUSES, STATUS_HINTS, STATUS_LABELS } from "~/modules/people/constants";
import { formatUkDate } from "~/utils/dates";
import { personSchema } from "~/modules/people/validation";
import type { FormFailure } from "~/utils/form";

export type PersonFormDefaults = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  roles: string[];
  status: string;
  startedOn: string | null;
  leftOn: string | null;
  usesCentreForOwnFamily: boolean;
  conflictNote: string | null;
};

const FIELD_LABELS: Record<string, string> = {
  firstName: "First name",
  lastName: "Last name",
  email: "Email address",
  phone: "Phone",
  roles: "Roles",
  status: "Status",
  startedOn: "Start date",
  leftOn: "Leaving date",
  rolesChangeOn: "Role changes take effect from",
  conflictNote: "Conflict of interest note",
};

const STATUS_OPTIONS = STATUSES.map((status) => [status, `${STATUS_LABELS[status]}: ${STATUS_HINTS[status]}`] as const);

export function PersonForm({
  defaults, failure, submitLabel, isEdit,
}: {
  defaults?: PersonFormDefaults;
  failure?: FormFailure | null;
  submitLabel: string;
  isEdit?: boolean;
}) {
  const saved = (name: keyof PersonFormDefaults) => {
    const value = defaults?.[name];
    if (typeof value === "boolean" || Array.isArray(value)) return undefined;
    return name.endsWith("On") ? formatUkDate(value) : value ?? "";
  };
  const values = failure?.values;
  const flagged = values ? values.usesCentreForOwnFamily === "on" : defaults?.usesCentreForOwnFamily ?? false;
  return (
    <>
      <ValidatedForm id="person" schema={personSchema} failure={failure} labels={FIELD_LABELS}>
        <TextField name="firstName" label="First name" autoComplete="off" defaultValue={valueOf(values, "firstName", saved("firstName"))} />
        <TextField name="lastName" label="Last name" autoComplete="off" defaultValue={valueOf(values, "lastName", saved("lastName"))} />
        <TextField name="email" label="Email address (optional)" type="email" autoComplete="off" hint="Reminders and rota notices go here" defaultValue={valueOf(values, "email", saved("email"))} />
        <TextField name="phone" label="Phone (optional)" type="tel" autoComplete="off" width="medium" defaultValue={valueOf(values, "phone", saved("phone"))} />
        <CheckboxGroup name="roles" label="Roles" hint="Select all that apply" options={ROLE_OPTIONS} checked={valuesOf(values, "roles", defaults?.roles ?? [])} />
        {isEdit ? (
          <DateField
            name="rolesChangeOn"
            label="Role changes take effect from (optional)"
            hint="Leave blank for today. Training a role needs (co-ordinator training, say) is required from this date. For example, 27/03/2024"
            defaultValue={valueOf(values, "rolesChangeOn")}
           
          />
        ) : null}
        <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={valueOf(values, "status", saved("status") || "applicant")} />
        <DateField name="startedOn" label="Start date" hint="Required once they are active. For example, 27/03/2024" defaultValue={valueOf(values, "startedOn", saved("startedOn"))} />
        <DateField name="leftOn" label="Leaving date" hint="Only when the status is Left. For example, 27/03/2024" defaultValue={valueOf(values, "leftOn", saved("leftOn"))} />
        <fieldset className="field">
          <legend>Conflict of interest</legend>
          <Checkbox
            name="usesCentreForOwnFamily"
            label="This person currently uses the centre for their own family's contact"
            hint="They will never be put on the rota while this is ticked."
            defaultChecked={flagged}
          />
          <TextArea name="conflictNote" label="Note (required when ticked)" defaultValue={valueOf(values, "conflictNote", saved("conflictNote"))} />
        </fieldset>
        <div className="button-row">
          <button type="submit">{submitLabel}</button>
        </div>
      </ValidatedForm>
    </>
  );
}
