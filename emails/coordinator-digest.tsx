/** To co-ordinators, weekly: what has lapsed, what is coming up, and the rota's gaps. */
import { Button, Heading, Section, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";

export type DigestLine = { person: string; requirement: string; detail: string };
export type DigestGap = { when: string; session: string; short: string };

export type CoordinatorDigestProps = {
  name: string;
  centreName: string;
  weekOf: string;
  notCleared: { person: string; reason: string }[];
  expired: DigestLine[];
  missing: DigestLine[];
  due: { window: string; lines: DigestLine[] }[];
  gaps: DigestGap[];
  appUrl: string;
  footer?: EmailFooter;
};

export const subjectForDigest = subjects.digest;

function Lines({ title, lines }: { title: string; lines: DigestLine[] }) {
  return (
    <Section>
      <Heading as="h2" style={{ ...styles.heading, fontSize: "18px" }}>{title} ({lines.length})</Heading>
      {lines.length === 0 ? <Text style={styles.text}>None.</Text> : lines.map((l, i) => (
        <Text key={i} style={{ ...styles.text, margin: "0 0 6px" }}><strong>{l.person}</strong>, {l.requirement}: {l.detail}</Text>
      ))}
    </Section>
  );
}

export default function CoordinatorDigest(props: CoordinatorDigestProps) {
  return (
    <Layout preview={subjectForDigest(props)} centreName={props.centreName} footer={props.footer}>
      <Heading style={styles.heading}>Your weekly digest</Heading>
      <Text style={styles.text}>Hello {props.name}, here is the week of {props.weekOf}.</Text>
      <Section>
        <Heading as="h2" style={{ ...styles.heading, fontSize: "18px" }}>Not cleared to work ({props.notCleared.length})</Heading>
        {props.notCleared.length === 0 ? <Text style={styles.text}>Everyone is cleared to work.</Text> : props.notCleared.map((p, i) => (
          <Text key={i} style={{ ...styles.text, margin: "0 0 6px" }}><strong>{p.person}</strong>: {p.reason}</Text>
        ))}
      </Section>
      <Lines title="Expired" lines={props.expired} />
      {props.due.map((d) => <Lines key={d.window} title={d.window} lines={d.lines} />)}
      <Lines title="Missing" lines={props.missing} />
      <Section>
        <Heading as="h2" style={{ ...styles.heading, fontSize: "18px" }}>Unfilled shifts in the coming rota ({props.gaps.length})</Heading>
        {props.gaps.length === 0 ? <Text style={styles.text}>Every place is filled.</Text> : props.gaps.map((g, i) => (
          <Text key={i} style={{ ...styles.text, margin: "0 0 6px" }}><strong>{g.when}</strong>, {g.session}: {g.short} short</Text>
        ))}
      </Section>
      <Button href={`${props.appUrl}/compliance`} style={styles.button}>Open the dashboard</Button>
    </Layout>
  );
}

CoordinatorDigest.PreviewProps = {
  name: "Sam", centreName: "Riverside Child Contact Centre", weekOf: "23 Nov 2026", appUrl: "http://localhost:3000",
  notCleared: [{ person: "Tom Fletcher", reason: "Recheck due by our policy since 13 Nov 2026" }],
  expired: [{ person: "Margaret Ellis", requirement: "Safeguarding refresher", detail: "Out of date since 8 Nov 2026" }],
  missing: [{ person: "Gareth Hughes", requirement: "NACCC co-ordinator training", detail: "Not completed" }],
  due: [{ window: "Due in the next 30 days", lines: [{ person: "Aisha Rahman", requirement: "Safeguarding refresher", detail: "Due by 18 Dec 2026" }] }],
  gaps: [{ when: "Sat 28 Nov 2026", session: "Saturday supported contact", short: "1 volunteer" }],
} satisfies CoordinatorDigestProps;
