/** A volunteer changed a published rota: to co-ordinators, and to the colleague whose swap was taken. */
import { Button, Heading, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import type { ShiftLine } from "./rota-published";

export type RotaChangeProps = {
  name: string;
  centreName: string;
  /** What happened, in one sentence: "Sam Okafor took an open place". */
  headline: string;
  shift: ShiftLine;
  /** What the reader should do next, if anything. */
  next: string;
  link: { href: string; label: string };
  subject: string;
  footer?: EmailFooter;
};

export default function RotaChange({ name, centreName, headline, shift, next, link, subject, footer }: RotaChangeProps) {
  return (
    <Layout preview={subject} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>{headline}</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={{ ...styles.text, fontWeight: 700 }}>{shift.when}</Text>
      <Text style={styles.text}>{shift.session}, as {shift.as}{shift.location ? `, ${shift.location}` : ""}.</Text>
      <Text style={styles.text}>{next}</Text>
      <Button href={link.href} style={styles.button}>{link.label}</Button>
    </Layout>
  );
}

RotaChange.PreviewProps = {
  name: "Cora", centreName: "Riverside Child Contact Centre", headline: "Sam Okafor took Ruth Ahmed's place (a swap)",
  shift: { when: "Sat 12 Dec 2026, 10:00 to 12:30", session: "Saturday supported contact", as: "volunteer", location: "Main hall" },
  next: "Nothing to do: both calendars are up to date.", link: { href: "http://localhost:3000/rota", label: "See the rota" },
  subject: "Rota change: a swap was taken on Saturday supported contact, Sat 12 Dec 2026",
} satisfies RotaChangeProps;
