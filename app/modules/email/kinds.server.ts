/**
 * Each kind of email, rendered from current facts when it is sent (or shown in the Outbox):
 * what it says, its attachments, its footer, and whether it still applies. A reminder for
 * something since renewed, a shift no longer theirs or already over, or a digest for someone who
 * is no longer a co-ordinator is cancelled, not sent.
 */
import { createElement, type ReactElement } from "react";
import { prisma } from "~/db.server";
import { appLink, env } from "~/env.server";
import { clock } from "~/utils/clock.server";
import { addDaysIso, daysBetween, formatLondonTime, formatUkDate, formatUkDateWithDay, londonToday, type IsoDate } from "~/utils/dates";
import { mintSignInToken } from "~/modules/accounts/accounts.server";
import { LINK_VALID_DAYS } from "~/modules/accounts/constants";
import { loadCentreFacts, type Db } from "~/modules/compliance/compliance.server";
import { digestProps } from "~/modules/reminders/digest.server";
import { evaluatePerson, isOutstanding, type RequirementResult } from "~/modules/compliance/rules";
import { requirementWords } from "~/modules/compliance/words";
import { nextStep, whenWords } from "~/modules/reminders/select";
import { shiftsToIcs } from "~/modules/rota/calendar";
import { toCalendarShift } from "~/modules/rota/calendar.server";
import { isSlot } from "~/modules/rota/eligibility";
import { checkPlacements } from "~/modules/rota/rota.server";
import { SLOT_LABELS } from "~/modules/rota/words";
import SignInLink, { subjectForLink } from "../../../emails/sign-in-link";
import ExpiryReminder, { subjectForReminder, type ReminderItem } from "../../../emails/expiry-reminder";
import CoordinatorDigest, { subjectForDigest } from "../../../emails/coordinator-digest";
import RotaPublished, { subjectForRota, type ShiftLine } from "../../../emails/rota-published";
import ShiftReminder, { subjectForShift } from "../../../emails/shift-reminder";
import OpenShifts, { subjectForOpenShifts } from "../../../emails/open-shifts";
import RotaChange from "../../../emails/rota-change";
import { subjects } from "../../../emails/subjects";
import { fullName } from "~/modules/people/people.server";
import { openToPerson } from "~/modules/rota/self-service.server";
import { renderEmail, type Attachment } from "./outbox.server";
import { footerFor, unsubscribeHeaders, type Footer, type StoppableKind } from "./preferences.server";

import type { CancelCode } from "./closed-words";
export { CANCEL_WORDS } from "./closed-words";

type Message = { template: string; params: string; personId: string | null; userId: string | null; centreId: string; toName: string };
type Ctx = { now: Date; dryRun: boolean; facts?: FactsForRun };
type Draft = { subject: string; element: ReactElement; attachments?: Attachment[]; footer: Footer; secret?: string };
type Renderer = (message: Message, params: Record<string, unknown>, ctx: Ctx) => Promise<Draft | { cancel: CancelCode }>;

export type RenderOutcome =
  | { subject: string; html: string; text: string; storedHtml: string; storedText: string; headers: Record<string, string>; attachments: Attachment[] }
  | { cancel: CancelCode };

const REDACTED = "[a one-time sign-in link, sent to the recipient only]";
const footerProps = (footer: Footer) => ({ choicesUrl: footer.choicesUrl, stop: footer.stop && ("url" in footer.stop ? { url: footer.stop.url } : { cannot: footer.stop.cannot }) });

async function centreName(centreId: string) {
  return (await prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { name: true } })).name;
}

type CentreFacts = Awaited<ReturnType<typeof loadCentreFacts>>;

/**
 * The facts a delivery run renders from, read once for all its messages instead of once per
 * message (nine queries each): each centre's settings, courses and the records of everyone about
 * to be sent a reminder. Read when the first message of that centre is rendered.
 */
export class FactsForRun {
  private centres = new Map<string, Promise<{ facts: CentreFacts; byId: Map<string, CentreFacts["people"][number]>; name: string }>>();
  private readonly peopleOf = new Map<string, string[]>();

  constructor(messages: Pick<Message, "centreId" | "personId" | "template">[]) {
    for (const m of messages) {
      if (!m.personId || !REMINDER_TEMPLATES.has(m.template)) continue;
      this.peopleOf.set(m.centreId, [...(this.peopleOf.get(m.centreId) ?? []), m.personId]);
    }
  }

  private centre(centreId: string, personId: string | null) {
    let loaded = this.centres.get(centreId);
    if (!loaded) {
      const personIds = this.peopleOf.get(centreId) ?? (personId ? [personId] : []);
      loaded = Promise.all([loadCentreFacts(centreId, { personIds }), centreName(centreId)]).then(([facts, name]) => ({ facts, name, byId: new Map(facts.people.map((p) => [p.id, p])) }));
      this.centres.set(centreId, loaded);
    }
    return loaded;
  }

  async centreName(centreId: string) {
    return (await this.centre(centreId, null)).name;
  }

  async compliance(message: Message, today: IsoDate) {
    const { facts, byId } = await this.centre(message.centreId, message.personId);
    const person = byId.get(message.personId ?? "-");
    return person ? { person, compliance: evaluatePerson(person.facts, facts.courses, facts.settings, today) } : null;
  }
}

const signInLink: Renderer = async (message, _params, ctx) => {
  const user = message.userId ? await prisma.user.findUnique({ where: { id: message.userId } }) : null;
  const assessorEnded = user?.accessRole === "assessor" && (!user.accessEndsOn || user.accessEndsOn < londonToday(ctx.now));
  if (!user || user.disabledAt || assessorEnded) return { cancel: "recipient_gone" };
  const invitation = !user.passwordHash;
  // The link is made now, and spends any older one: no live link is ever stored.
  const link = ctx.dryRun ? appLink("/set-password/(made when sent)") : appLink(`/set-password/${await mintSignInToken(prisma, user.id, ctx.now)}`);
  const name = await centreName(message.centreId);
  const footer = await footerFor(prisma, { userId: user.id }, { cannot: "This email is only sent when a sign-in link is made for you." });
  return {
    subject: subjectForLink({ centreName: name, invitation }),
    element: createElement(SignInLink, { name: user.name.split(" ")[0], centreName: name, link, validDays: LINK_VALID_DAYS, invitation, footer: footerProps(footer) }),
    footer, secret: ctx.dryRun ? undefined : link,
  };
};

/** What is due for one person, in words as on `today`. */
export function reminderItem(r: RequirementResult, today: IsoDate): ReminderItem {
  const expiresOn = r.validUntil ?? (r.lapsedOn ? addDaysIso(r.lapsedOn, -1) : null);
  if (!expiresOn) return { requirement: r.label, when: requirementWords(r), nextStep: nextStep(r.kind), overdue: true, state: "missing" };
  const daysLeft = daysBetween(today, expiresOn);
  return { requirement: r.label, when: whenWords({ daysLeft, expiresOn }), nextStep: nextStep(r.kind), overdue: daysLeft < 0, state: daysLeft < 0 ? "overdue" : "due" };
}


const reminderFooter = (personId: string | null) =>
  footerFor(prisma, { personId }, { cannot: "Reminders about your checks and training cannot be turned off: the centre needs them in date for you to work. You can choose one summary email a week instead." });

const expiryReminder: Renderer = async (message, params, ctx) => {
  const today = londonToday(ctx.now);
  const found = await ctx.facts!.compliance(message, today);
  if (!found?.compliance.counted) return { cancel: "recipient_gone" };
  const items = (params.items as { key: string; expiresOn: IsoDate }[]).flatMap(({ key, expiresOn }) => {
    const r = found.compliance.requirements.find((q) => q.key === key);
    const lastDay = r?.validUntil ?? (r?.lapsedOn ? addDaysIso(r.lapsedOn, -1) : null);
    // Renewed (or no longer required) since it was queued: nothing to remind them of.
    return r && r.status !== "not_required" && lastDay === expiresOn ? [reminderItem(r, today)] : [];
  });
  if (!items.length) return { cancel: "renewed" };
  const name = await ctx.facts!.centreName(message.centreId);
  const footer = await reminderFooter(message.personId);
  const props = { name: found.person.firstName, centreName: name, items, weekly: false, appUrl: env().APP_URL, footer: footerProps(footer) };
  return { subject: subjectForReminder(props), element: createElement(ExpiryReminder, props), footer };
};

/** Everything due, out of date or not done for a counted person on `today`, worst first. */
export function outstandingItems(requirements: RequirementResult[], today: IsoDate): ReminderItem[] {
  return requirements
    .filter((r) => isOutstanding(r.status) || r.status === "due")
    .map((r) => reminderItem(r, today))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue));
}

const weeklySummary: Renderer = async (message, _params, ctx) => {
  const today = londonToday(ctx.now);
  const found = await ctx.facts!.compliance(message, today);
  if (!found?.compliance.counted) return { cancel: "recipient_gone" };
  const items = outstandingItems(found.compliance.requirements, today);
  if (!items.length) return { cancel: "nothing_due" };
  const name = await ctx.facts!.centreName(message.centreId);
  const footer = await reminderFooter(message.personId);
  const props = { name: found.person.firstName, centreName: name, items, weekly: true, appUrl: env().APP_URL, footer: footerProps(footer) };
  return { subject: subjectForReminder(props), element: createElement(ExpiryReminder, props), footer };
};

const coordinatorDigest: Renderer = async (message, params, ctx) => {
  const user = message.userId ? await prisma.user.findUnique({ where: { id: message.userId } }) : null;
  if (!user || user.disabledAt) return { cancel: "recipient_gone" };
  if (user.accessRole !== "coordinator") return { cancel: "not_coordinator" };
  const footer = await footerFor(prisma, { userId: user.id }, "digest");
  if (!user.digestEmails && footer.stop && "url" in footer.stop) return { cancel: "turned_off" };
  const props = { ...(await digestProps(message.centreId, user.name, londonToday(ctx.now), params.week as IsoDate)), footer: footerProps(footer) };
  return { subject: subjectForDigest(props), element: createElement(CoordinatorDigest, props), footer };
};

const SHIFT_INCLUDE = {
  person: { select: { id: true, firstName: true, email: true, rotaEmails: true, shiftReminderEmails: true } },
  shift: { include: { session: { select: { name: true, location: true } }, rota: { select: { centreId: true, startsOn: true, endsOn: true, centre: { select: { id: true, name: true } } } } } },
} as const;

type ShiftAssignment = Parameters<typeof toCalendarShift>[0] & { shift: { date: string; startsAt: Date; endsAt: Date; session: { name: string; location: string } } };

export function shiftLine(a: ShiftAssignment): ShiftLine {
  return {
    when: `${formatUkDateWithDay(a.shift.date)}, ${formatLondonTime(a.shift.startsAt)} to ${formatLondonTime(a.shift.endsAt)}`,
    session: a.shift.session.name,
    as: isSlot(a.slot) ? SLOT_LABELS[a.slot].one : a.slot,
    location: a.shift.session.location,
  };
}

function icsAttachment(assignments: ShiftAssignment[], name: string): Attachment {
  return { filename: "shifts.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: shiftsToIcs(assignments.map(toCalendarShift), name) };
}

/** Someone's placements on these terms that still stand on their dates (from today). */
async function standingAssignments(db: Db, where: object, centreId: string, today: IsoDate) {
  const all = await db.shiftAssignment.findMany({ where: { status: "assigned", ...where }, include: SHIFT_INCLUDE, orderBy: { shift: { startsAt: "asc" } } });
  const voids = await checkPlacements(db, centreId, all.map((a) => ({ ...a.shift, assignments: [a] })), today);
  return all.filter((a) => !voids.has(a.id));
}

const rotaPublished: Renderer = async (message, params, ctx) => {
  const today = londonToday(ctx.now);
  const person = await prisma.person.findUnique({ where: { id: message.personId ?? "-" }, select: { firstName: true, rotaEmails: true } });
  if (!person) return { cancel: "recipient_gone" };
  if (!person.rotaEmails) return { cancel: "turned_off" };
  const shifts = await standingAssignments(prisma, { personId: message.personId, shift: { rotaId: params.rotaId as string, date: { gte: today } } }, message.centreId, today);
  if (!shifts.length) return { cancel: "no_longer_theirs" };
  const rota = shifts[0].shift.rota;
  const period = `${formatUkDate(rota.startsOn)} to ${formatUkDate(rota.endsOn)}`;
  const footer = await footerFor(prisma, { personId: message.personId }, "rota-emails");
  const props = { name: person.firstName, centreName: rota.centre.name, period, shifts: shifts.map(shiftLine), appUrl: env().APP_URL, footer: footerProps(footer) };
  return { subject: subjectForRota(props), element: createElement(RotaPublished, props), attachments: [icsAttachment(shifts, `${rota.centre.name} shifts`)], footer };
};

const shiftReminder: Renderer = async (message, params, ctx) => {
  const today = londonToday(ctx.now);
  const [assignment] = await standingAssignments(prisma, { id: params.assignmentId as string }, message.centreId, today);
  if (!assignment) return { cancel: "no_longer_theirs" };
  if (assignment.shift.startsAt <= ctx.now) return { cancel: "shift_over" };
  if (!assignment.person.shiftReminderEmails) return { cancel: "turned_off" };
  const footer = await footerFor(prisma, { personId: assignment.personId }, "shift-reminders");
  const props = { name: assignment.person.firstName, centreName: assignment.shift.rota.centre.name, shift: shiftLine(assignment), appUrl: env().APP_URL, footer: footerProps(footer) };
  return { subject: subjectForShift(props), element: createElement(ShiftReminder, props), attachments: [icsAttachment([assignment], "My shift")], footer };
};

const openShifts: Renderer = async (message, _params, ctx) => {
  const person = await prisma.person.findUnique({ where: { id: message.personId ?? "-" }, select: { firstName: true, status: true, openShiftEmails: true } });
  if (!person || person.status !== "active") return { cancel: "recipient_gone" };
  if (!person.openShiftEmails) return { cancel: "turned_off" };
  // What is open when it leaves, not when it was queued: a place taken since is not offered.
  const open = await openToPerson(message.centreId, message.personId!, ctx.now);
  if (!open.places.length && !open.swaps.length) return { cancel: "nothing_open" };
  const line = (s: { when: string; session: string; as: string; location: string }) => ({ when: s.when, session: s.session, as: s.as, location: s.location });
  const footer = await footerFor(prisma, { personId: message.personId }, "open-shifts");
  const props = {
    name: person.firstName, centreName: await centreName(message.centreId), appUrl: env().APP_URL, footer: footerProps(footer),
    places: open.places.map(line), swaps: open.swaps.map((s) => ({ ...line(s), asker: s.asker, closesAt: s.closesAt })),
  };
  return { subject: subjectForOpenShifts(), element: createElement(OpenShifts, props), footer };
};

const CHANGE_INCLUDE = {
  person: { select: { firstName: true, lastName: true } },
  shift: { include: { session: { select: { name: true, location: true } }, rota: { select: { id: true, centre: { select: { name: true } } } } } },
} as const;

/** A volunteer's change to a published rota, told to co-ordinators, or to the colleague whose swap was taken. */
const rotaChange: Renderer = async (message, params, ctx) => {
  const event = params.event as "took" | "requested" | "swap-taken";
  const toAsker = params.audience === "asker";
  const assignment = await prisma.shiftAssignment.findUnique({ where: { id: params.assignmentId as string }, include: CHANGE_INCLUDE });
  if (!assignment) return { cancel: "settled" };
  if (assignment.shift.startsAt <= ctx.now) return { cancel: "shift_over" };
  if (event === "requested" && assignment.status !== "pending") return { cancel: "settled" };
  const swap = event === "swap-taken" ? await prisma.swapRequest.findUnique({ where: { id: params.swapId as string }, include: { askedBy: { select: { firstName: true, lastName: true } } } }) : null;
  if (event === "swap-taken" && (swap?.status !== "taken" || swap.takenById !== assignment.personId)) return { cancel: "settled" };
  let readerName: string;
  let footer: Footer;
  if (toAsker) {
    if (!swap) return { cancel: "settled" };
    readerName = swap.askedBy.firstName;
    footer = await footerFor(prisma, { personId: message.personId }, { cannot: "This email is only sent when a colleague takes a shift you asked to swap." });
  } else {
    const user = message.userId ? await prisma.user.findUnique({ where: { id: message.userId } }) : null;
    if (!user || user.disabledAt) return { cancel: "recipient_gone" };
    if (user.accessRole !== "coordinator") return { cancel: "not_coordinator" };
    readerName = user.name.split(" ")[0];
    footer = await footerFor(prisma, { userId: user.id }, { cannot: "Co-ordinators are told of every change volunteers make to a published rota." });
  }
  const taker = fullName(assignment.person);
  const asker = swap ? fullName(swap.askedBy) : "";
  const headline = toAsker ? `${taker} has taken your place`
    : event === "took" ? `${taker} took an open place`
    : event === "requested" ? `${taker} asked to take an open place`
    : `${taker} took ${asker}'s place (a swap)`;
  const next = toAsker ? "You are no longer on this shift, and it has gone from your calendar. Thank you for arranging cover."
    : event === "took" ? "Nothing to do: it is on the rota and in their calendar."
    : event === "requested" ? "Say yes or no on the dashboard. Until you answer, the place is held for them."
    : "Nothing to do: the rota and both calendars are up to date.";
  const link = toAsker ? { href: appLink("/my-shifts"), label: "My shifts" }
    : event === "requested" ? { href: appLink("/compliance#volunteer-requests"), label: "Answer on the dashboard" }
    : { href: appLink(`/rota/${assignment.shift.rota.id}/shifts/${assignment.shiftId}`), label: "See the shift" };
  const subject = subjects.rotaChange({ event: toAsker ? "your-swap-taken" : event, session: assignment.shift.session.name, date: assignment.shift.date });
  const props = { name: readerName, centreName: await centreName(message.centreId), headline, shift: shiftLine(assignment), next, link, subject, footer: footerProps(footer) };
  return { subject, element: createElement(RotaChange, props), footer };
};

/** Kinds rendered from a person's compliance, whose facts a run reads together. */
const REMINDER_TEMPLATES = new Set(["expiry-reminder", "weekly-summary"]);

const RENDERERS: Record<string, Renderer> = {
  invitation: signInLink,
  "sign-in-link": signInLink,
  "expiry-reminder": expiryReminder,
  "weekly-summary": weeklySummary,
  "coordinator-digest": coordinatorDigest,
  "rota-published": rotaPublished,
  "shift-reminder": shiftReminder,
  "open-shifts": openShifts,
  "rota-change": rotaChange,
};

/** Render a queued message as it would be sent now; `dryRun` makes no sign-in link and changes nothing. */
export async function renderForSending(message: Message, ctx: Ctx = { now: clock.now(), dryRun: true }): Promise<RenderOutcome> {
  const renderer = RENDERERS[message.template];
  if (!renderer) return { cancel: "unknown_kind" };
  const draft = await renderer(message, JSON.parse(message.params) as Record<string, unknown>, { ...ctx, facts: ctx.facts ?? new FactsForRun([message]) });
  if ("cancel" in draft) return draft;
  const { html, text } = await renderEmail(draft.element);
  const redact = (body: string) => (draft.secret ? body.split(draft.secret).join(REDACTED) : body);
  return {
    subject: draft.subject, html, text, storedHtml: redact(html), storedText: redact(text),
    headers: unsubscribeHeaders(draft.footer), attachments: draft.attachments ?? [],
  };
}

export type { StoppableKind };
