/** What became of a new sign-in link: emailed to them, or (no mail server) to be handed over. */
export type LinkOutcome = { name: string; email: string; emailed: boolean; handOver: string | null; invitation: boolean };

export function SignInLinkNotice({ outcome }: { outcome: LinkOutcome }) {
  if (outcome.emailed) {
    return (
      <div className="notice notice--success" role="status">
        <h2>{outcome.invitation ? "Invitation sent" : "New link sent"}</h2>
        <p>We have emailed {outcome.name} a link at {outcome.email}. It works once, for 7 days, and lets them choose their own password. Only they see it.</p>
      </div>
    );
  }
  return (
    <div className="notice notice--success" role="status">
      <h2>Sign-in link for {outcome.name}</h2>
      <p>No mail server is configured, so nothing was emailed. Give {outcome.name} this link yourself, in person or by a message only they read. It works once, for 7 days, and lets them choose their own password:</p>
      <p><code className="link-to-copy">{outcome.handOver}</code></p>
    </div>
  );
}
