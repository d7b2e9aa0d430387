import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { action as loginAction } from "~/routes/login";
import { action as accountsAction, loader as accountsLoader } from "~/routes/accounts";
import { action as personAction } from "~/routes/people.$personId._index";
import { action as setPasswordAction, loader as setPasswordLoader } from "~/routes/set-password.$token";
import { loader as auditLoader } from "~/routes/audit";
import { loader as peopleLoader } from "~/routes/people._index";
import { createCoordinator } from "~/modules/accounts/setup.server";
import { MAX_FAILED_SIGN_INS } from "~/modules/auth/sign-in-policy";
import { addDaysIso, formatUkDate } from "~/utils/dates";
import { TEST_PASSWORD, createCentre, createPerson, createUser } from "../helpers/factories";
import { args, getRequest, postRequest, thrownResponse } from "../helpers/requests";
import { clock } from "~/utils/clock.server";

let centreId: string;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  centreId = (await createCentre("Auth Centre")).id;
  coordinator = await createUser(centreId, "coordinator", { email: "coord@example.org", name: "Cee Ordinator" });
});

const signIn = async (email: string, password: string, redirectTo = "") =>
  loginAction(args(await postRequest("/login", { email, password, redirectTo })));

describe("signing in", () => {
  it("signs a co-ordinator in with a session cookie and sends them on", async () => {
    const response = await thrownResponse(() => signIn("COORD@example.org ", TEST_PASSWORD, "/audit"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/audit");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__session=.+HttpOnly/i);
  });

  it("never redirects off the site", async () => {
    const response = await thrownResponse(() => signIn("coord@example.org", TEST_PASSWORD, "//evil.example/"));
    expect(response.headers.get("Location")).toBe("/compliance");
  });

  it("gives the same message for an unknown email and a wrong password", async () => {
    const unknown = await signIn("nobody@example.org", "whatever-it-is");
    const wrong = await signIn("coord@example.org", "wrong password");
    expect(unknown && "errors" in unknown ? unknown.errors : null).toEqual(wrong && "errors" in wrong ? wrong.errors : undefined);
    expect(wrong).toMatchObject({ ok: false, errors: { form: "The email address or password is not right. Check them and try again." } });
  });

  it("does not send the password back to the form", async () => {
    const result = await signIn("coord@example.org", "wrong password");
    expect(result && "values" in result ? result.values : {}).not.toHaveProperty("password");
  });

  it("pauses an account after repeated wrong passwords, even for the right one", async () => {
    const user = await createUser(centreId, "volunteer", { email: "guessed@example.org" });
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn("guessed@example.org", `guess ${i}`);
    const result = await signIn("guessed@example.org", TEST_PASSWORD);
    expect(result).toMatchObject({ ok: false });
    expect(result && "errors" in result ? result.errors.form : "").toMatch(/^Too many wrong passwords\. .* paused until \d\d:\d\d\.$/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(MAX_FAILED_SIGN_INS);
  });

  it("tells an assessor whose access has ended", async () => {
    await createUser(centreId, "assessor", { email: "late@example.org", accessEndsOn: "2020-01-01" });
    expect(await signIn("late@example.org", TEST_PASSWORD)).toMatchObject({
      errors: { form: "Your assessor access has ended. Ask the centre's co-ordinator to extend it." },
    });
  });

  it("asks for the fields it needs", async () => {
    expect(await signIn("", "")).toMatchObject({ ok: false, errors: { email: "Enter an email address", password: "Enter your password" } });
  });
});

describe("inviting a person and setting a password", () => {
  it("creates a one-time link that sets their password and signs them in, once", async () => {
    const person = await createPerson(centreId, { firstName: "Ivy", lastName: "Invite", email: "ivy@example.org" });
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: true, intent: "invite" });
    const link = (result && "link" in result ? result.link : undefined) ?? "";
    const token = link.split("/set-password/")[1];
    expect(token.length).toBeGreaterThan(30);

    expect(await setPasswordLoader(args(await getRequest(`/set-password/${token}`), { token }))).toMatchObject({ valid: true, email: "ivy@example.org" });
    const tooShort = await setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "short", confirm: "short" }), { token }));
    expect(tooShort).toMatchObject({ errors: { password: "Your password must be at least 10 characters long" } });
    const mismatch = await setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "long enough pass", confirm: "long enough pas" }), { token }));
    expect(mismatch).toMatchObject({ errors: { confirm: "The two passwords do not match" } });

    const done = await thrownResponse(async () => setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "long enough pass", confirm: "long enough pass" }), { token })));
    expect(done.headers.get("Location")).toBe("/me");
    expect((await thrownResponse(() => signIn("ivy@example.org", "long enough pass"))).status).toBe(302);

    const again = await setPasswordAction(args(await postRequest(`/set-password/${token}`, { password: "another long one", confirm: "another long one" }), { token }));
    expect(again).toMatchObject({ errors: { form: "This link has expired or has already been used. Ask your co-ordinator for a new one." } });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { personId: person.id, action: "invited" } });
    expect(audit.summary).toBe("Invited Ivy Invite (Volunteer or staff)");
  });

  it("explains when the person has no email to sign in with", async () => {
    const person = await createPerson(centreId, { firstName: "No", lastName: "Email", email: null });
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "volunteer" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: false, errors: { accessRole: "Add an email address for No Email first: it is what they sign in with" } });
  });

  it("will not make an assessor from a person's record", async () => {
    const person = await createPerson(centreId);
    const result = await personAction(args(await postRequest(`/people/${person.id}`, { intent: "invite", accessRole: "assessor" }, coordinator), { personId: person.id }));
    expect(result).toMatchObject({ ok: false, errors: { accessRole: "Choose what they may do: co-ordinator or volunteer/staff access" } });
  });
});

describe("assessors and sign-ins", () => {
  it("adds an assessor whose access ends on the chosen date, and lets it be extended", async () => {
    const ends = addDaysIso(clock.today(), 30);
    const result = await accountsAction(args(await postRequest("/accounts", { intent: "add-assessor", name: "Ada Assessor", email: "ada.assessor@example.org", accessEndsOn: formatUkDate(ends) }, coordinator)));
    expect(result).toMatchObject({ ok: true, name: "Ada Assessor" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "ada.assessor@example.org" } });
    expect(user).toMatchObject({ accessRole: "assessor", accessEndsOn: ends, passwordHash: null });

    const later = addDaysIso(ends, 10);
    await accountsAction(args(await postRequest("/accounts", { intent: "extend", userId: user.id, accessEndsOn: formatUkDate(later) }, coordinator)));
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).accessEndsOn).toBe(later);
  });

  it("refuses an end date in the past and a duplicate email", async () => {
    const result = await accountsAction(args(await postRequest("/accounts", { intent: "add-assessor", name: "Late", email: "coord@example.org", accessEndsOn: "01/01/2020" }, coordinator)));
    expect(result).toMatchObject({ ok: false, errors: { accessEndsOn: "The last day of access cannot be in the past" } });
    const clash = await accountsAction(args(await postRequest("/accounts", { intent: "add-assessor", name: "Clash", email: "coord@example.org", accessEndsOn: formatUkDate(addDaysIso(clock.today(), 3)) }, coordinator)));
    expect(clash).toMatchObject({ ok: false, errors: { email: "This email already signs in as Cee Ordinator" } });
  });

  it("emails a new link as a reset to someone with a password, and as a welcome to someone who never set one", async () => {
    const active = await createUser(centreId, "volunteer", { email: "has.password@example.org", name: "Hal Haspass" });
    const invited = await createUser(centreId, "volunteer", { email: "no.password@example.org", name: "Nia Nopass", password: null });
    for (const user of [active, invited]) {
      const result = await accountsAction(args(await postRequest("/accounts", { intent: "new-link", userId: user.id }, coordinator)));
      expect(result).toMatchObject({ ok: true, name: user.name });
    }
    const templates = await prisma.emailMessage.findMany({ where: { toEmail: { in: ["has.password@example.org", "no.password@example.org"] } }, orderBy: { toEmail: "asc" } });
    expect(templates.map((m) => [m.toEmail, m.template])).toEqual([["has.password@example.org", "sign-in-link"], ["no.password@example.org", "invitation"]]);
  });

  it("turns off a sign-in so its session stops working", async () => {
    const assessor = await createUser(centreId, "assessor");
    await expect(peopleLoader(args(await getRequest("/people", assessor)))).resolves.toMatchObject({ filters: { status: "current" }, canEdit: false });
    await accountsAction(args(await postRequest("/accounts", { intent: "remove", userId: assessor.id }, coordinator)));
    const response = await thrownResponse(async () => peopleLoader(args(await getRequest("/people", assessor))));
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fpeople");
  });

  it("is for co-ordinators only", async () => {
    const assessor = await createUser(centreId, "assessor");
    const volunteer = await createUser(centreId, "volunteer");
    for (const user of [assessor, volunteer]) {
      expect((await thrownResponse(async () => accountsLoader(args(await getRequest("/accounts", user))))).status).toBe(403);
      expect((await thrownResponse(async () => accountsAction(args(await postRequest("/accounts", { intent: "remove", userId: coordinator.id }, user))))).status).toBe(403);
    }
    expect((await prisma.user.findUniqueOrThrow({ where: { id: coordinator.id } })).disabledAt).toBeNull();
  });
});

describe("the audit log", () => {
  it("is readable by co-ordinators and assessors, not volunteers", async () => {
    const assessor = await createUser(centreId, "assessor");
    const volunteer = await createUser(centreId, "volunteer");
    const person = await createPerson(centreId, { firstName: "Aud", lastName: "Ited", email: null });
    await personAction(args(await postRequest(`/people/${person.id}`, { intent: "leave", leftOn: formatUkDate(clock.today()) }, coordinator), { personId: person.id }));
    const expected = await prisma.auditEvent.count({ where: { centreId } });
    for (const reader of [assessor, coordinator]) {
      const log = await auditLoader(args(await getRequest("/audit", reader)));
      expect(log.total).toBe(expected);
      expect(log.entries[0]).toMatchObject({ actorName: "Cee Ordinator", summary: "Marked Aud Ited as left" });
    }
    expect((await thrownResponse(async () => auditLoader(args(await getRequest("/audit", volunteer))))).status).toBe(403);
  });

  it("cannot be changed or deleted, even directly in the database", async () => {
    const entry = await prisma.auditEvent.create({
      data: { centreId, actorName: "Test", entityType: "Person", entityId: "p1", action: "created", summary: "Original entry" },
    });
    // The driver adapter reports the trigger's RAISE(ABORT) as a constraint violation.
    await expect(prisma.auditEvent.update({ where: { id: entry.id }, data: { summary: "rewritten" } })).rejects.toThrow();
    await expect(prisma.auditEvent.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id: entry.id } })).summary).toBe(entry.summary);
  });
});

describe("creating the first co-ordinator from the command line", () => {
  it("creates the centre, the person and a set-password link", async () => {
    const result = await createCoordinator({ centreName: "Brand New Centre", firstName: "Fi", lastName: "Rst", email: "first@example.org", offersSupervised: false });
    expect(result).toMatchObject({ ok: true, name: "Fi Rst", centreName: "Brand New Centre" });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "first@example.org" }, include: { person: { include: { roles: true } } } });
    expect(user.accessRole).toBe("coordinator");
    expect(user.person?.roles.map((r) => r.role)).toEqual(["coordinator"]);
    const token = result.ok ? result.token : "";
    expect(await setPasswordLoader(args(await getRequest(`/set-password/${token}`), { token }))).toMatchObject({ valid: true });
  });
  it("refuses a missing name and an email that can already sign in", async () => {
    expect(await createCoordinator({ centreName: "X", firstName: "", lastName: "Y", email: "coord@example.org", offersSupervised: false })).toMatchObject({
      ok: false, errors: { firstName: "Give the co-ordinator's first name with --first" },
    });
    expect(await createCoordinator({ centreName: "X", firstName: "A", lastName: "Y", email: "coord@example.org", offersSupervised: false })).toMatchObject({
      ok: false, errors: { email: "coord@example.org can already sign in" },
    });
  });
});

describe("forgotten password", () => {
  it("emails a new link to an account that exists, says the same for one that does not, and throttles repeats", async () => {
    const { action: forgotAction } = await import("~/routes/forgot-password");
    const user = await createUser(centreId, "volunteer", { email: "forgetful@example.org", name: "Fern Forgetful" });
    const known = await forgotAction(args(await postRequest("/forgot-password", { email: "Forgetful@example.org" })));
    const unknown = await forgotAction(args(await postRequest("/forgot-password", { email: "nobody-here@example.org" })));
    expect(known).toMatchObject({ done: true });
    expect(unknown).toMatchObject({ done: true });
    const emails = await prisma.emailMessage.findMany({ where: { toEmail: { in: ["forgetful@example.org", "nobody-here@example.org"] } } });
    expect(emails.map((e) => [e.toEmail, e.template, e.subject])).toEqual([["forgetful@example.org", "sign-in-link", "Your new sign-in link for Auth Centre"]]);
    const token = emails[0].text.match(/set-password\/([\w-]+)/)![1];
    expect(await setPasswordLoader(args(await getRequest(`/set-password/${token}`), { token }))).toMatchObject({ valid: true, email: "forgetful@example.org" });

    await forgotAction(args(await postRequest("/forgot-password", { email: "forgetful@example.org" })));
    expect(await prisma.emailMessage.count({ where: { toEmail: "forgetful@example.org" } })).toBe(1);
    expect((await prisma.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "link-issued" } })).actorName).toBe("Fern Forgetful");
  });

  it("asks for an email address in the right form", async () => {
    const { action: forgotAction } = await import("~/routes/forgot-password");
    expect(await forgotAction(args(await postRequest("/forgot-password", { email: "not an email" })))).toMatchObject({
      done: false, errors: { email: "Enter an email address in the correct format, like name@example.org" },
    });
  });
});
