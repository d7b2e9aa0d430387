/** A couple of days before a shift. */
import { Button, Heading, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";
import type { ShiftLine } from "./rota-published";

export type ShiftReminderProps = { name: string; centreName: string; shift: ShiftLine; appUrl: string; footer?: EmailFooter };

export function subjectForShift({ shift }: Pick<ShiftReminderProps, "shift">) {
  return subjects.shiftLine(shift);
}

export default function ShiftReminder({ name, centreName, shift, appUrl, footer }: ShiftReminderProps) {
  return (
    <Layout preview={subjectForShift({ shift })} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>See you soon</Heading>
      <Text style={styles.text}>Hello {name}, a reminder that you are on the rota:</Text>
      <Text style={{ ...styles.text, fontWeight: 700 }}>{shift.when}</Text>
      <Text style={styles.text}>{shift.session}, as {shift.as}{shift.location ? `, ${shift.location}` : ""}.</Text>
      <Text style={styles.text}>If you can no longer come, tell the co-ordinator in the app straight away.</Text>
      <Button href={`${appUrl}/my-shifts`} style={styles.button}>My shifts</Button>
    </Layout>
  );
}

ShiftReminder.PreviewProps = {
  name: "Ruth", centreName: "Riverside Child Contact Centre", appUrl: "http://localhost:3000",
  shift: { when: "Sat 28 Nov 2026, 10:00 to 12:30", session: "Saturday supported contact", as: "volunteer", location: "Main hall" },
} satisfies ShiftReminderProps;
