/**
 * Email choices: what each person may turn off, the secret link to change them (in every email's
 * footer and List-Unsubscribe header, RFC 8058 one-click), and what may not be turned off, and why.
 */
import { randomBytes } from "node:crypto";
import { prisma } from "~/db.server";
import { appLink } from "~/env.server";
import type { Db } from "~/modules/compliance/compliance.server";
import { recordAudit } from "~/modules/audit/audit.server";

/** The kinds of email a person may stop. Reminders about checks and training can only become a weekly summary. */
export const STOPPABLE = {
  "shift-reminders": { field: "shiftReminderEmails", on: "person", words: "reminders two days before each of your shifts" },
  "rota-emails": { field: "rotaEmails", on: "person", words: "your shifts when a new rota is published" },
  "open-shifts": { field: "openShiftEmails", on: "person", words: "shifts that need someone, which you could take" },
  digest: { field: "digestEmails", on: "user", words: "the co-ordinators' weekly digest" },
} as const;
export type StoppableKind = keyof typeof STOPPABLE;

export function isStoppable(kind: string): kind is StoppableKind {
  return Object.hasOwn(STOPPABLE, kind);
}

/** Why a co-ordinator's digest cannot be turned off: someone must get it. */
export const SOLE_COORDINATOR_REASON = "You are the centre's only co-ordinator, so the weekly digest cannot be turned off: someone must see what is expiring. It can be once another co-ordinator has a sign-in.";

/** What an email's footer says: where to change choices, and whether (and why not) this kind can be stopped. */
export type Footer = { choicesUrl: string; stop: { kind: StoppableKind; url: string } | { cannot: string } | null };

async function tokenFor(db: Db, who: { personId?: string | null; userId?: string | null }): Promise<string> {
  if (who.personId) {
    const person = await db.person.findUniqueOrThrow({ where: { id: who.personId }, select: { emailToken: true } });
    if (person.emailToken) return person.emailToken;
    const token = randomBytes(24).toString("base64url");
    await db.person.update({ where: { id: who.personId }, data: { emailToken: token } });
    return token;
  }
  const user = await db.user.findUniqueOrThrow({ where: { id: who.userId! }, select: { emailToken: true } });
  if (user.emailToken) return user.emailToken;
  const token = randomBytes(24).toString("base64url");
  await db.user.update({ where: { id: who.userId! }, data: { emailToken: token } });
  return token;
}

export async function isSoleCoordinator(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { centreId: true } });
  const coordinators = await db.user.count({ where: { centreId: user.centreId, accessRole: "coordinator", disabledAt: null } });
  return coordinators <= 1;
}

/** The footer for an email to this person or sign-in, about this kind. */
export async function footerFor(db: Db, who: { personId?: string | null; userId?: string | null }, kind: StoppableKind | { cannot: string } | null): Promise<Footer> {
  const token = await tokenFor(db, who);
  const choicesUrl = appLink(`/email/${token}`);
  if (kind === null || typeof kind === "object") return { choicesUrl, stop: kind };
  if (kind === "digest" && who.userId && (await isSoleCoordinator(db, who.userId))) return { choicesUrl, stop: { cannot: SOLE_COORDINATOR_REASON } };
  return { choicesUrl, stop: { kind, url: appLink(`/email/${token}/stop/${kind}`) } };
}

/** RFC 2369 and 8058 headers for a kind that can be stopped with one click. */
export function unsubscribeHeaders(footer: Footer): Record<string, string> {
  if (!footer.stop || !("url" in footer.stop)) return {};
  return { "List-Unsubscribe": `<${footer.stop.url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** Whose choices a link's token opens: a person's, a sign-in's, or nobody's. */
export async function choicesByToken(token: string) {
  const [person, user] = await Promise.all([
    prisma.person.findUnique({
      where: { emailToken: token },
      select: { id: true, centreId: true, firstName: true, lastName: true, reminderMode: true, shiftReminderEmails: true, rotaEmails: true, openShiftEmails: true, user: { select: { id: true, accessRole: true, digestEmails: true } } },
    }),
    prisma.user.findUnique({ where: { emailToken: token }, select: { id: true, centreId: true, name: true, accessRole: true, digestEmails: true, person: { select: { id: true } } } }),
  ]);
  if (person) return { personId: person.id, userId: person.user?.id ?? null, centreId: person.centreId, name: `${person.firstName} ${person.lastName}`, person, coordinator: person.user?.accessRole === "coordinator", digestEmails: person.user?.digestEmails ?? false };
  if (user) return { personId: user.person?.id ?? null, userId: user.id, centreId: user.centreId, name: user.name, person: null, coordinator: user.accessRole === "coordinator", digestEmails: user.digestEmails };
  return null;
}

export type Choices = NonNullable<Awaited<ReturnType<typeof choicesByToken>>>;

/** Turn one kind of email on or off. Returns a reason when it may not be turned off. */
export async function setChoice(who: Choices, kind: StoppableKind, on: boolean): Promise<string | null> {
  const spec = STOPPABLE[kind];
  if (kind === "digest") {
    if (!who.userId || !who.coordinator) return "Only co-ordinators get the weekly digest.";
    if (!on && (await isSoleCoordinator(prisma, who.userId))) return SOLE_COORDINATOR_REASON;
  } else if (!who.personId) {
    return "These emails go to people on the rota; this sign-in is not on it.";
  }
  await prisma.$transaction(async (tx) => {
    if (spec.on === "user") await tx.user.update({ where: { id: who.userId! }, data: { [spec.field]: on } });
    else await tx.person.update({ where: { id: who.personId! }, data: { [spec.field]: on } });
    await recordAudit(tx, { id: who.userId, name: who.name, centreId: who.centreId }, {
      entityType: spec.on === "user" ? "User" : "Person", entityId: (spec.on === "user" ? who.userId : who.personId)!, personId: who.personId,
      action: "email-choice", summary: `${who.name} turned ${on ? "on" : "off"} emails about ${spec.words}`,
    });
  });
  return null;
}

export async function setReminderMode(who: Choices, mode: "individual" | "weekly") {
  if (!who.personId) return;
  await prisma.$transaction(async (tx) => {
    await tx.person.update({ where: { id: who.personId! }, data: { reminderMode: mode } });
    await recordAudit(tx, { id: who.userId, name: who.name, centreId: who.centreId }, {
      entityType: "Person", entityId: who.personId!, personId: who.personId, action: "email-choice",
      summary: `${who.name} chose ${mode === "weekly" ? "one summary email a week" : "one email for each reminder"}`,
    });
  });
}

/** What the choices form shows for this person or sign-in. */
export async function choicesView(who: Choices) {
  const digestLocked = who.coordinator && who.userId && (await isSoleCoordinator(prisma, who.userId)) ? SOLE_COORDINATOR_REASON : null;
  return {
    onRota: Boolean(who.person),
    reminderMode: who.person?.reminderMode ?? "individual",
    shiftReminderEmails: who.person?.shiftReminderEmails ?? false,
    rotaEmails: who.person?.rotaEmails ?? false,
    openShiftEmails: who.person?.openShiftEmails ?? false,
    coordinator: who.coordinator,
    digestEmails: who.digestEmails,
    digestLocked,
  };
}

/** Save the choices form: each change audited; returns what could not be changed, and why. */
export async function saveChoices(who: Choices, form: FormData): Promise<string[]> {
  const problems: string[] = [];
  const view = await choicesView(who);
  if (view.onRota) {
    const mode = form.get("reminderMode");
    if ((mode === "individual" || mode === "weekly") && mode !== view.reminderMode) await setReminderMode(who, mode);
    for (const kind of ["shift-reminders", "rota-emails", "open-shifts"] as const) {
      const field = STOPPABLE[kind].field as "shiftReminderEmails" | "rotaEmails" | "openShiftEmails";
      const on = form.get(field) === "on";
      if (on !== view[field]) {
        const problem = await setChoice(who, kind, on);
        if (problem) problems.push(problem);
      }
    }
  }
  if (view.coordinator && !view.digestLocked) {
    const on = form.get("digestEmails") === "on";
    if (on !== view.digestEmails) {
      const problem = await setChoice(who, "digest", on);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** The choices of a signed-in user (their person record, if they have one). */
export async function choicesOfUser(userId: string): Promise<Choices> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { emailToken: true, personId: true } });
  const token = await footerTokenFor(user.personId ? { personId: user.personId } : { userId });
  return (await choicesByToken(token))!;
}

async function footerTokenFor(who: { personId?: string | null; userId?: string | null }) {
  return tokenFor(prisma, who);
}
