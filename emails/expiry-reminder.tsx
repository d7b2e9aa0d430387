/** To a person: what is due or out of date, with dates and what to do. One item, or a weekly summary. */
import { Button, Heading, Section, Text } from "@react-email/components";
import { Layout, styles } from "./layout";

export type ReminderItem = { requirement: string; when: string; nextStep: string; overdue: boolean };

export type ExpiryReminderProps = { name: string; centreName: string; items: ReminderItem[]; weekly: boolean; appUrl: string };

export function subjectForReminder({ items, weekly }: Pick<ExpiryReminderProps, "items" | "weekly">) {
  if (weekly) return `Your weekly summary: ${items.length} ${items.length === 1 ? "thing" : "things"} to renew`;
  const [item] = items;
  return `${item.requirement}: ${item.when.charAt(0).toLowerCase()}${item.when.slice(1)}`;
}

export default function ExpiryReminder({ name, centreName, items, weekly, appUrl }: ExpiryReminderProps) {
  return (
    <Layout preview={subjectForReminder({ items, weekly })} centreName={centreName}>
      <Heading style={styles.heading}>{weekly ? "Your weekly summary" : "A reminder about your checks and training"}</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        {weekly ? "Here is what needs renewing soon, or is already out of date:" : "Something you need to work at the centre needs renewing:"}
      </Text>
      {items.map((item) => (
        <Section key={item.requirement} style={item.overdue ? styles.urgent : styles.item}>
          <Text style={{ ...styles.text, fontWeight: 700, margin: 0 }}>{item.requirement}</Text>
          <Text style={{ ...styles.text, margin: 0 }}>{item.when}</Text>
          <Text style={{ ...styles.text, margin: 0 }}>{item.nextStep}</Text>
        </Section>
      ))}
      <Button href={`${appUrl}/me`} style={styles.button}>See my record</Button>
    </Layout>
  );
}

ExpiryReminder.PreviewProps = {
  name: "Ruth", centreName: "Riverside Child Contact Centre", weekly: false, appUrl: "http://localhost:3000",
  items: [{ requirement: "Safeguarding refresher", when: "Due in 30 days, by 1 Mar 2027", nextStep: "Book your annual safeguarding refresher with your co-ordinator.", overdue: false }],
} satisfies ExpiryReminderProps;
