/** At most once a day, to those who asked: places on published rotas they could take, and colleagues' swap requests. */
import { Button, Heading, Section, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";
import type { ShiftLine } from "./rota-published";

export type OpenShiftsProps = {
  name: string;
  centreName: string;
  places: ShiftLine[];
  swaps: (ShiftLine & { asker: string; closesAt: string })[];
  appUrl: string;
  footer?: EmailFooter;
};

export function subjectForOpenShifts() {
  return subjects.openShifts();
}

export default function OpenShifts({ name, centreName, places, swaps, appUrl, footer }: OpenShiftsProps) {
  return (
    <Layout preview={subjectForOpenShifts()} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>Shifts you could take</Heading>
      <Text style={styles.text}>Hello {name}, these shifts still need someone, and you could do them. The first to take a place gets it.</Text>
      {places.map((s, i) => (
        <Section key={`p${i}`} style={styles.item}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: 0 }}>{s.when}</Text>
          <Text style={{ ...styles.text, margin: 0 }}>{s.session}, a place for a {s.as}{s.location ? `, ${s.location}` : ""}</Text>
        </Section>
      ))}
      {swaps.length ? <Text style={styles.text}>Colleagues asking someone to take their place:</Text> : null}
      {swaps.map((s, i) => (
        <Section key={`s${i}`} style={styles.item}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: 0 }}>{s.when}</Text>
          <Text style={{ ...styles.text, margin: 0 }}>{s.session}, {s.asker}'s place as {s.as} (open until {s.closesAt})</Text>
        </Section>
      ))}
      <Button href={`${appUrl}/my-shifts#open-shifts`} style={styles.button}>Take a shift</Button>
    </Layout>
  );
}

OpenShifts.PreviewProps = {
  name: "Ruth", centreName: "Riverside Child Contact Centre", appUrl: "http://localhost:3000",
  places: [{ when: "Sat 12 Dec 2026, 10:00 to 12:30", session: "Saturday supported contact", as: "volunteer", location: "Main hall" }],
  swaps: [{ when: "Sat 19 Dec 2026, 10:00 to 12:30", session: "Saturday supported contact", as: "volunteer", location: "Main hall", asker: "Sam Okafor", closesAt: "16 Dec 2026, 10:00" }],
} satisfies OpenShiftsProps;
