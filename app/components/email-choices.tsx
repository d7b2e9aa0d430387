/** Which emails someone gets: the same form on "Your sign-in" and behind every email's "change" link. */
import type { FieldErrors } from "~/utils/form";
import { Checkbox, SelectField, ValidatedForm } from "./forms";

export type ChoicesView = {
  onRota: boolean;
  reminderMode: string;
  shiftReminderEmails: boolean;
  rotaEmails: boolean;
  openShiftEmails: boolean;
  coordinator: boolean;
  digestEmails: boolean;
  /** Why the digest cannot be turned off, if it cannot. */
  digestLocked: string | null;
};

export function EmailChoices({ choices, action, failure }: { choices: ChoicesView; action?: string; failure?: { errors: FieldErrors } | null }) {
  return (
    <ValidatedForm id="email-choices" action={action} failure={failure}>
      <input type="hidden" name="intent" value="email-choices" />
      {choices.onRota ? (
        <>
          <SelectField
            name="reminderMode"
            label="Reminders about your checks and training"
            hint="These cannot be turned off: the centre needs them in date for you to work."
            options={[["individual", "One email for each reminder, as it falls due"], ["weekly", "One summary email a week"]]}
            defaultValue={choices.reminderMode}
          />
          <Checkbox name="shiftReminderEmails" label="A reminder two days before each of my shifts" defaultChecked={choices.shiftReminderEmails} />
          <Checkbox name="rotaEmails" label="My shifts when a new rota is published" defaultChecked={choices.rotaEmails} />
          <Checkbox name="openShiftEmails" label="Shifts that need someone, which I could take (at most one email a day)" defaultChecked={choices.openShiftEmails} />
        </>
      ) : null}
      {choices.coordinator ? (
        choices.digestLocked ? (
          <p>The co-ordinators' weekly digest: on. {choices.digestLocked}</p>
        ) : (
          <Checkbox name="digestEmails" label="The co-ordinators' weekly digest" defaultChecked={choices.digestEmails} />
        )
      ) : null}
      <button type="submit" className="button button--secondary">Save email choices</button>
    </ValidatedForm>
  );
}
