/** To a person: what is due or out of date, with dates and what to do. One item, or a weekly summary. */
import { Button, Heading, Section, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";

/** `state`: due (still in date), overdue (out of date), or missing (never done). */
export type ReminderItem = { requirement: string; when: string; nextStep: string; overdue: boolean; state?: "due" | "overdue" | "missing" };

export type ExpiryReminderProps = { name: string; centreName: string; items: ReminderItem[]; weekly: boolean; appUrl: string; footer?: EmailFooter };

export const subjectForReminder = subjects.reminder;

export default function ExpiryReminder({ name, centreName, items, weekly, appUrl, footer }: ExpiryReminderProps) {
  return (
    <Layout preview={subjectForReminder({ items, weekly })} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>{weekly ? "Your weekly summary" : "A reminder about your checks and training"}</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        {weekly ? "Here is everything that is due soon, out of date or not done yet:" : "Something you need to work at the centre needs renewing:"}
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
