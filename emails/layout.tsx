/** The frame every email shares: narrow, plain, readable in any mail client. */
import { Body, Container, Head, Hr, Html, Link, Preview, Section, Text } from "./components";
import type { ReactNode } from "react";

export const styles = {
  body: { backgroundColor: "#f3f2f1", fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "12px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", padding: "20px 24px", color: "#0b0c0c" },
  heading: { fontSize: "22px", lineHeight: "28px", margin: "0 0 12px" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" },
  small: { fontSize: "13px", lineHeight: "20px", color: "#484949", margin: "0" },
  item: { borderLeft: "4px solid #1d4f91", padding: "4px 0 4px 12px", margin: "0 0 14px" },
  urgent: { borderLeft: "4px solid #b10e1e", padding: "4px 0 4px 12px", margin: "0 0 14px" },
  link: { color: "#1d4f91", textDecoration: "underline" },
  button: { backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px", fontWeight: 700, textDecoration: "none", display: "inline-block" },
};

/** Where to change email choices, and whether this kind can be stopped (and if not, why). */
export type EmailFooter = { choicesUrl: string; stop: { url: string } | { cannot: string } | null };

export function Layout({ preview, centreName, footer, children }: { preview: string; centreName: string; footer?: EmailFooter; children: ReactNode }) {
  return (
    <Html lang="en-GB">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={{ ...styles.small, fontWeight: 700, marginBottom: "16px" }}>{centreName}</Text>
          {children}
          <Hr />
          <Section>
            <Text style={styles.small}>Sent by {centreName}'s rota and compliance app. Please do not reply to this email; contact your co-ordinator instead.</Text>
            {footer ? (
              <>
                {footer.stop && "url" in footer.stop ? (
                  <Text style={styles.small}>Stop these emails: <Link href={footer.stop.url} style={styles.link}>{footer.stop.url}</Link></Text>
                ) : null}
                {footer.stop && "cannot" in footer.stop ? <Text style={styles.small}>{footer.stop.cannot}</Text> : null}
                <Text style={styles.small}>
                  Change which emails you get: <Link href={footer.choicesUrl} style={styles.link}>{footer.choicesUrl}</Link>
                </Text>
              </>
            ) : null}
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
