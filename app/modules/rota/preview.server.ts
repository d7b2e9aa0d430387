/** The next dates a session pattern gives, with closures and bank holidays applied: the form's preview. */
import { prisma } from "~/db.server";
import { addDaysIso, type IsoDate } from "~/utils/dates";
import { centreBankHolidays } from "./rota.server";
import { describePattern, sessionOccurrences, type SessionPattern } from "./recurrence";

export async function previewSession(centreId: string, sessionId: string | null, pattern: SessionPattern, skipBankHolidays: boolean, today: IsoDate, count = 6) {
  const from = pattern.startsOn > today ? pattern.startsOn : today;
  const to = addDaysIso(from, 400);
  const [closures, extras, holidays] = await Promise.all([
    prisma.closure.findMany({ where: { centreId, date: { gte: from, lte: to } } }),
    sessionId ? prisma.extraSessionDate.findMany({ where: { sessionId } }) : Promise.resolve([]),
    centreBankHolidays(centreId, from, to),
  ]);
  const occurrences = sessionOccurrences(
    { ...pattern, id: sessionId ?? "new", skipBankHolidays, extraDates: extras.map((e) => e.date) }, from, to, closures, holidays,
  ).slice(0, count);
  return {
    text: describePattern(pattern),
    dates: occurrences.map((o) => ({ date: o.date, skippedBecause: o.skippedBecause, extra: o.extra })),
  };
}
