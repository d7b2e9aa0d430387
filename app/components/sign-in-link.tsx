/** A freshly issued one-time link, shown once to the co-ordinator to pass on. */
export function SignInLinkNotice({ link, name }: { link: string; name: string }) {
  return (
    <div className="notice notice--success" role="status">
      <h2>Sign-in link for {name}</h2>
      <p>We have emailed {name} this link (see Outbox). You can also pass it on yourself. It works once, for 7 days, and lets them choose their own password:</p>
      <p><code className="link-to-copy">{link}</code></p>
    </div>
  );
}
