/**
 * One-time sign-in links with a mail server configured: emailed to the holder only, made when the
 * email is sent, never readable in the outbox; "forgotten password" answers the same for anyone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const smtpPort = vi.hoisted(() => {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.EMAIL_FROM = "Riverside Rota <rota@example.org>";
  return port;
});

import { prisma } from "~/db.server";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as setPasswordAction } from "~/routes/set-password.$token";
import { action as accountsAction } from "~/routes/accounts";
import { action as personAction } from "~/routes/people.$personId._index";
import { loader as messageLoader } from "~/routes/outbox.$messageId";
import { closeTransport, deliverQueued } from "~/modules/email/outbox.server";
import { resetSignInThrottles, signIn } from "~/modules/auth/sign-in.server";
import { MAX_FAILED_SIGN_INS } from "~/modules/auth/sign-in-policy";
import { backgroundWorkDone } from "~/utils/after-response.server";
import { TEST_PASSWORD, createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { startSmtp } from "../helpers/smtp";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  smtp = await startSmtp(smtpPort);
  centreId = (await createCentre("Link Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { name: "Cora Links" });
});
afterAll(async () => {
  closeTransport();
  await smtp?.stop();
});

/** Everything queued so far, sent to the test mail server; the mail that reached `to`. */
async function mailTo(to: string) {
  await backgroundWorkDone();
  await deliverQueued();
  return smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === to);
}

const linkIn = (text: string | undefined) => /\/set-password\/([\w-]{40,})/.exec(text ?? "")?.[1] ?? null;

describe("forgotten password", () => {
  it("answers the same whether or not an account uses the address, and emails only a real one", async () => {
    await createUser(centreId, "volunteer", { email: "forgetful@example.org", name: "Fern Forgetful" });
    const known = await forgotAction(args(await postRequest("/forgot-password", { email: "Forgetful@example.org" }), {}, { clientAddress: "192.0.2.44" }));
    const unknown = await forgotAction(args(await postRequest("/forgot-password", { email: "nobody-here@example.org" })));
    expect(known).toEqual({ ok: true, done: true, email: "forgetful@example.org" });
    expect(unknown).toEqual({ ok: true, done: true, email: "nobody-here@example.org" });
    const [mail] = await mailTo("forgetful@example.org");
    expect(await mailTo("nobody-here@example.org")).toEqual([]);
    expect(mail.subject).toBe("Your new sign-in link for Link Centre");
    expect(mail.from?.value[0].address).toBe("rota@example.org");
    const token = linkIn(mail.text);
    expect(token).not.toBeNull();

    // The outbox keeps a copy with the link taken out.
    const stored = await prisma.emailMessage.findFirstOrThrow({ where: { toEmail: "forgetful@example.org" } });
    expect(stored.text).not.toContain(token!);
    expect(stored.text).toContain("[a one-time sign-in link, sent to the recipient only]");
    const page = await messageLoader(args(await getRequest(`/outbox/${stored.id}`, coordinator), { messageId: stored.id }));
    expect(JSON.stringify(page)).not.toContain(token!);

    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "reset-requested" } });
    expect(audit).toMatchObject({ actorUserId: null, actorName: "Anonymous “forgotten password” request from 192.0.2.44" });

    // Asked again at once: nothing more is sent.
    await forgotAction(args(await postRequest("/forgot-password", { email: "forgetful@example.org" })));
    expect(await mailTo("forgetful@example.org")).toHaveLength(1);
  });

  it("lets someone whose account is paused back in through the emailed link", async () => {
    await resetSignInThrottles();
    await createUser(centreId, "coordinator", { email: "paused@example.org", name: "Paula Paused" });
    for (let i = 0; i < MAX_FAILED_SIGN_INS + 2; i++) await signIn("paused@example.org", `attacker guess ${i}`, `203.0.113.${i}`);
    expect(await signIn("paused@example.org", TEST_PASSWORD, "192.0.2.5")).toMatchObject({ ok: false, code: "paused" });
    await forgotAction(args(await postRequest("/forgot-password", { email: "paused@example.org" })));
    const token = linkIn((await mailTo("paused@example.org"))[0].text)!;
    const response = await thrownResponse(async () => setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "lighthouse apricot window", confirm: "lighthouse apricot window" }), { token })));
    expect(response.headers.get("Location")).toBe("/compliance");
    expect(await signIn("paused@example.org", "lighthouse apricot window", "192.0.2.5")).toMatchObject({ ok: true });
  });
});

describe("links a co-ordinator asks for", () => {
  it("go by email to the holder, never onto the co-ordinator's screen", async () => {
    const person = await createPerson(centreId, { firstName: "Ena", lastName: "Emailed", email: "ena@example.org" });
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: true, link: { emailed: true, handOver: null, email: "ena@example.org" } });
    const [invitation] = await mailTo("ena@example.org");
    expect(invitation.subject).toBe("You are invited to Link Centre's rota and compliance app");
    expect(invitation.text).toContain("Change which emails you get");
    const token = linkIn(invitation.text)!;
    await thrownResponse(async () => setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "velvet compass harbour", confirm: "velvet compass harbour" }), { token })));

    // A reset link for someone with a password also goes only to them, and spends the older one.
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ena@example.org" } });
    const reset = await accountsAction(args(await postRequest("/accounts", { intent: "new-link", userId: user.id }, coordinator)));
    expect(reset).toMatchObject({ ok: true, link: { emailed: true, handOver: null, invitation: false } });
    const mails = await mailTo("ena@example.org");
    expect(mails.map((m) => m.subject)).toEqual(["You are invited to Link Centre's rota and compliance app", "Your new sign-in link for Link Centre"]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "link-issued" } });
    expect(audit).toMatchObject({ actorName: "Cora Links", summary: "Issued a new sign-in link for Ena Emailed: emailed to them" });
  });

  it("are made when the email leaves: a link queued but never sent is never valid", async () => {
    const user = await createUser(centreId, "assessor", { email: "later@example.org", password: null });
    await accountsAction(args(await postRequest("/accounts", { intent: "new-link", userId: user.id }, coordinator)));
    expect(await prisma.passwordToken.count({ where: { userId: user.id } })).toBe(0);
    await mailTo("later@example.org");
    expect(await prisma.passwordToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });
});
