/** The frame every email shares: narrow, plain, readable in any mail client. */
import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

export const styles = {
  body: { backgroundColor: "#f3f2f1", fontFamily: "Arial, Helvetica, sans-serif", margin: 0, padding: "12px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "560px", margin: "0 auto", padding: "20px 24px", color: "#0b0c0c" },
  heading: { fontSize: "22px", lineHeight: "28px", margin: "0 0 12px" },
  text: { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" },
  small: { fontSize: "13px", lineHeight: "20px", color: "#484949", margin: "0" },
  item: { borderLeft: "4px solid #1d4f91", padding: "4px 0 4px 12px", margin: "0 0 14px" },
  urgent: { borderLeft: "4px solid #b10e1e", padding: "4px 0 4px 12px", margin: "0 0 14px" },
  button: { backgroundColor: "#00703c", color: "#ffffff", padding: "10px 16px", fontSize: "16px", fontWeight: 700, textDecoration: "none", display: "inline-block" },
};

export function Layout({ preview, centreName, children }: { preview: string; centreName: string; children: ReactNode }) {
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
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
