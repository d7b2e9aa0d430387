/** Sample renders of every template, for co-ordinators to see what people will receive. */
import { createElement, type ReactElement } from "react";
import ExpiryReminder, { subjectForReminder } from "../../../emails/expiry-reminder";
import CoordinatorDigest, { subjectForDigest } from "../../../emails/coordinator-digest";
import RotaPublished, { subjectForRota } from "../../../emails/rota-published";
import ShiftReminder, { subjectForShift } from "../../../emails/shift-reminder";
import SignInLink, { subjectForLink } from "../../../emails/sign-in-link";
import OpenShifts, { subjectForOpenShifts } from "../../../emails/open-shifts";
import RotaChange from "../../../emails/rota-change";
import { renderEmail } from "./outbox.server";

const weeklyProps = {
  ...ExpiryReminder.PreviewProps, weekly: true,
  items: [
    ...ExpiryReminder.PreviewProps.items,
    { requirement: "Enhanced DBS check", when: "Out of date since 2 Nov 2026", nextStep: "Talk to your co-ordinator about your DBS recheck.", overdue: true },
  ],
};

export const TEMPLATE_PREVIEWS: Record<string, { title: string; subject: string; element: ReactElement }> = {
  "expiry-reminder": { title: "Reminder (one item)", subject: subjectForReminder(ExpiryReminder.PreviewProps), element: createElement(ExpiryReminder, ExpiryReminder.PreviewProps) },
  "weekly-summary": { title: "Weekly summary", subject: subjectForReminder(weeklyProps), element: createElement(ExpiryReminder, weeklyProps) },
  "coordinator-digest": { title: "Co-ordinator's weekly digest", subject: subjectForDigest(CoordinatorDigest.PreviewProps), element: createElement(CoordinatorDigest, CoordinatorDigest.PreviewProps) },
  "rota-published": { title: "Rota published (with .ics)", subject: subjectForRota(RotaPublished.PreviewProps), element: createElement(RotaPublished, RotaPublished.PreviewProps) },
  "shift-reminder": { title: "Shift reminder", subject: subjectForShift(ShiftReminder.PreviewProps), element: createElement(ShiftReminder, ShiftReminder.PreviewProps) },
  "open-shifts": { title: "Open shifts (at most daily)", subject: subjectForOpenShifts(), element: createElement(OpenShifts, OpenShifts.PreviewProps) },
  "rota-change": { title: "Rota change by a volunteer", subject: RotaChange.PreviewProps.subject, element: createElement(RotaChange, RotaChange.PreviewProps) },
  invitation: { title: "Invitation", subject: subjectForLink(SignInLink.PreviewProps), element: createElement(SignInLink, SignInLink.PreviewProps) },
};

export async function renderPreview(template: string) {
  const preview = TEMPLATE_PREVIEWS[template];
  if (!preview) return null;
  return { title: preview.title, subject: preview.subject, ...(await renderEmail(preview.element)) };
}
