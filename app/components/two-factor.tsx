/** Setting up an authenticator app, and the recovery codes shown once. */
export function TwoFactorSetup({ secret, qrDataUrl }: { secret: string; qrDataUrl: string }) {
  return (
    <>
      <ol>
        <li>In your authenticator app, add an account by scanning this code:</li>
      </ol>
      <p><img src={qrDataUrl} alt="QR code to add this sign-in to an authenticator app (the key below says the same)" width={200} height={200} /></p>
      <p>Cannot scan it? Add the account by typing this key instead: <code className="link-to-copy">{secret.replace(/(.{4})/g, "$1 ").trim()}</code></p>
    </>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice notice--warning">
      <h2>Your recovery codes</h2>
      <p>If you lose your phone, each of these codes lets you sign in once instead of an authenticator code. Write them down or print this page, and keep them somewhere safe. They will not be shown again.</p>
      <ul className="recovery-codes">{codes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
    </div>
  );
}
