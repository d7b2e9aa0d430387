/** An invitation to set a password, or a new link to reset it. */
import { Button, Heading, Text } from "./components";
import { Layout, styles, type EmailFooter } from "./layout";
import { subjects } from "./subjects";

export type SignInLinkProps = { name: string; centreName: string; link: string; validDays: number; invitation: boolean; footer?: EmailFooter };

export const subjectForLink = subjects.signInLink;

export default function SignInLink({ name, centreName, link, validDays, invitation, footer }: SignInLinkProps) {
  return (
    <Layout preview={subjectForLink({ centreName, invitation })} centreName={centreName} footer={footer}>
      <Heading style={styles.heading}>{invitation ? "Welcome" : "Set a new password"}</Heading>
      <Text style={styles.text}>Hello {name},</Text>
      <Text style={styles.text}>
        {invitation
          ? "You have been given a sign-in to see your shifts and the checks and training you have due. Choose your password to get started:"
          : "Here is a new link to choose your password:"}
      </Text>
      <Button href={link} style={styles.button}>Choose my password</Button>
      <Text style={styles.text}>The link works once, for {validDays} days. If the button does not work, copy this into your browser: {link}</Text>
      <Text style={styles.small}>If you were not expecting this, you can ignore it.</Text>
    </Layout>
  );
}

SignInLink.PreviewProps = {
  name: "Ruth", centreName: "Riverside Child Contact Centre", link: "http://localhost:3000/set-password/example", validDays: 7, invitation: true,
} satisfies SignInLinkProps;
