/** To each person on a newly published rota: their shifts, with a calendar file attached. */
import { Button, Heading, Section, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";

export type ShiftLine = { when: string; session: string; as: string; location: string };
export type RotaPublishedProps = { name: string; centreName: string; period: string; shifts: ShiftLine[]; appUrl: string; footer?: EmailFooter };

export function subjectForRota({ period, shifts }: Pick<RotaPublishedProps, "period" | "shifts">) {
  return subjects.rota({ period, count: shifts.length });
}

export default function RotaPublished({ name, centreName, period, shifts, appUrl, footer }: RotaPublishedProps) {
  return (
    <Layout preview={subjectForRota({ period, shifts })} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>Your shifts, {period}</Heading>
      <Text style={styles.text}>Hello {name}, the rota is out. You are on:</Text>
      {shifts.map((s, i) => (
        <Section key={i} style={styles.item}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: 0 }}>{s.when}</Text>
          <Text style={{ ...styles.text, margin: 0 }}>{s.session}, as {s.as}{s.location ? `, ${s.location}` : ""}</Text>
        </Section>
      ))}
      <Text style={styles.text}>The attached calendar file adds them to your calendar. If you cannot make one, say so in the app as soon as you can so the co-ordinator can find cover.</Text>
      <Button href={`${appUrl}/my-shifts`} style={styles.button}>See my shifts</Button>
    </Layout>
  );
}

RotaPublished.PreviewProps = {
  name: "Ruth", centreName: "Riverside Child Contact Centre", period: "5 Dec 2026 to 15 Jan 2027", appUrl: "http://localhost:3000",
  shifts: [{ when: "Sat 12 Dec 2026, 10:00 to 12:30", session: "Saturday supported contact", as: "volunteer", location: "Main hall" }],
} satisfies RotaPublishedProps;
