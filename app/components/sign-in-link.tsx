/** A freshly issued one-time link, shown once to the co-ordinator to pass on. */
export function SignInLinkNotice({ link, name }: { link: string; name: string }) {
  return (
    <div className="notice notice--success" role="status">
      <h2>Sign-in link for {name}</h2>
      <p>Send {name} this link. It works once, for 7 days, and lets them choose their own password:</p>
      <p><code className="link-to-copy">{link}</code></p>
    </div>
  );
}
