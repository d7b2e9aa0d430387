/**
 * Sample renders of every template, for co-ordinators to see what people will receive. The
 * templates (and react-email with them) are loaded only when a preview is rendered, so listing
 * the outbox, or a server that never renders mail, does not carry them.
 */
import { createElement, type ReactElement } from "react";
import { renderEmail } from "./outbox.server";

/** The templates that have a preview, and what the Outbox calls them. */
export const PREVIEW_TITLES: Record<string, string> = {
  "expiry-reminder": "Reminder (one item)",
  "weekly-summary": "Weekly summary",
  "coordinator-digest": "Co-ordinator's weekly digest",
  "rota-published": "Rota published (with .ics)",
  "shift-reminder": "Shift reminder",
  "open-shifts": "Open shifts (at most daily)",
  "rota-change": "Rota change by a volunteer",
  invitation: "Invitation",
};

async function samples(): Promise<Record<string, { subject: string; element: ReactElement }>> {
  const [
    { default: ExpiryReminder, subjectForReminder }, { default: CoordinatorDigest, subjectForDigest }, { default: RotaPublished, subjectForRota },
    { default: ShiftReminder, subjectForShift }, { default: SignInLink, subjectForLink }, { default: OpenShifts, subjectForOpenShifts }, { default: RotaChange },
  ] = await Promise.all([
    import("../../../emails/expiry-reminder"), import("../../../emails/coordinator-digest"), import("../../../emails/rota-published"),
    import("../../../emails/shift-reminder"), import("../../../emails/sign-in-link"), import("../../../emails/open-shifts"), import("../../../emails/rota-change"),
  ]);
  const weeklyProps = {
    ...ExpiryReminder.PreviewProps, weekly: true,
    items: [
      ...ExpiryReminder.PreviewProps.items,
      { requirement: "Enhanced DBS check", when: "Out of date since 2 Nov 2026", nextStep: "Talk to your co-ordinator about your DBS recheck.", overdue: true },
    ],
  };
  return {
    "expiry-reminder": { subject: subjectForReminder(ExpiryReminder.PreviewProps), element: createElement(ExpiryReminder, ExpiryReminder.PreviewProps) },
    "weekly-summary": { subject: subjectForReminder(weeklyProps), element: createElement(ExpiryReminder, weeklyProps) },
    "coordinator-digest": { subject: subjectForDigest(CoordinatorDigest.PreviewProps), element: createElement(CoordinatorDigest, CoordinatorDigest.PreviewProps) },
    "rota-published": { subject: subjectForRota(RotaPublished.PreviewProps), element: createElement(RotaPublished, RotaPublished.PreviewProps) },
    "shift-reminder": { subject: subjectForShift(ShiftReminder.PreviewProps), element: createElement(ShiftReminder, ShiftReminder.PreviewProps) },
    "open-shifts": { subject: subjectForOpenShifts(), element: createElement(OpenShifts, OpenShifts.PreviewProps) },
    "rota-change": { subject: RotaChange.PreviewProps.subject, element: createElement(RotaChange, RotaChange.PreviewProps) },
    invitation: { subject: subjectForLink(SignInLink.PreviewProps), element: createElement(SignInLink, SignInLink.PreviewProps) },
  };
}

export async function renderPreview(template: string) {
  if (!Object.hasOwn(PREVIEW_TITLES, template)) return null;
  const sample = (await samples())[template];
  return { title: PREVIEW_TITLES[template], subject: sample.subject, ...(await renderEmail(sample.element)) };
}
