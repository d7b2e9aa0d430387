/**
 * The accreditation evidence pack: the centre's safer-recruitment evidence as it stood on a date,
 * by the policy in force on that date, with the year of changes before it from the audit log and a
 * fingerprint (of its content and of the audit log's latest entry) printed on every page. Producing
 * one is audited with its fingerprint, so a printed pack can be checked against the log later.
 */
import { createHash } from "node:crypto";
import { prisma } from "~/db.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import type { FieldChange } from "~/modules/audit/diff";
import { ROLE_LABELS, ROLES, isRole } from "~/modules/people/constants";
import { fullName } from "~/modules/people/people.server";
import { endOfLondonDay } from "~/modules/rota/recurrence";
import { addYearsIso, formatLondonDateTime, formatUkDate, londonInstant, londonToday, type IsoDate } from "~/utils/dates";
import { getCourses, getSettings, maskCertificateNumber } from "./compliance.server";
import { DBS_DECISIONS, DBS_LEVELS, REFERENCE_OUTCOMES, STATUS_CHECK_RESULTS, WORKFORCES } from "./requirements";
import { evaluatePerson, type PersonFacts } from "./rules";
import { SETTING_LABELS, describeCourse, policyBefore, showSetting } from "./settings-history";
import { STATUS_WORDS } from "./rules";
import { clearedWords, findingWords, requirementWords } from "./words";

/** Audit entries about compliance records and policy: the "changes in the year before" section. */
const RECORD_TYPES = ["DbsCheck", "DbsStatusCheck", "Reference", "TrainingRecord", "Centre", "Course", "SpreadsheetImport"];

const label = <T extends Record<string, string>>(options: T, key: string) => options[key as keyof T] ?? key;
const standing = (record: { enteredInErrorAt: Date | null }) => record.enteredInErrorAt === null;
const inError = (record: { enteredInErrorAt: Date | null; enteredInErrorReason: string | null }) =>
  record.enteredInErrorAt ? { on: formatLondonDateTime(record.enteredInErrorAt), reason: record.enteredInErrorReason ?? "" } : null;

async function policyOn(centreId: string, date: IsoDate) {
  const [settings, courses, later] = await Promise.all([
    getSettings(centreId),
    getCourses(centreId),
    prisma.auditEvent.findMany({
      where: { centreId, entityType: { in: ["Centre", "Course"] }, seq: { not: null }, at: { gte: endOfLondonDay(date) } },
      select: { seq: true, entityType: true, entityId: true, action: true, changes: true },
    }),
  ]);
  return policyBefore({ settings, courses }, later.map((e) => ({ ...e, seq: e.seq!, changes: JSON.parse(e.changes) as FieldChange[] })));
}

export async function evidencePack(centreId: string, date: IsoDate) {
  const [centre, policy, people, changes, latest] = await Promise.all([
    prisma.centre.findUniqueOrThrow({ where: { id: centreId }, select: { name: true } }),
    policyOn(centreId, date),
    prisma.person.findMany({
      where: { centreId },
      include: {
        roles: true,
        dbsChecks: { include: { statusChecks: { orderBy: { checkedOn: "asc" } } }, orderBy: { issuedOn: "asc" } },
        references: { orderBy: { requestedOn: "asc" } },
        trainingRecords: true,
      },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    }),
    prisma.auditEvent.findMany({
      where: { centreId, entityType: { in: RECORD_TYPES }, at: { gte: londonInstant(addYearsIso(date, -1), "00:00"), lt: endOfLondonDay(date) } },
      orderBy: [{ seq: "asc" }, { at: "asc" }],
      select: { at: true, actorName: true, summary: true, changes: true, redactedAt: true },
    }),
    prisma.auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { hash: true, seq: true } }),
  ]);
  const { settings, courses } = policy;
  // Records entered after the date are evidence of what was true then, but the assessor should know.
  const endOfDate = endOfLondonDay(date);
  const recordedLater = (record: { createdAt: Date }) => (record.createdAt >= endOfDate ? formatUkDate(londonToday(record.createdAt)) : null);

  const evaluated = people.map((person) => {
    const facts: PersonFacts = {
      startedOn: person.startedOn, leftOn: person.leftOn, roles: person.roles,
      dbsChecks: person.dbsChecks.filter(standing), references: person.references.filter(standing), training: person.trainingRecords.filter(standing),
    };
    return { person, compliance: evaluatePerson(facts, courses, settings, date) };
  }).filter((p) => p.compliance.counted);

  const byRole = ROLES.map((role) => {
    const holding = evaluated.filter((p) => p.compliance.roles.includes(role));
    return { role: ROLE_LABELS[role], people: holding.length, cleared: holding.filter((p) => p.compliance.cleared).length, fullyCompliant: holding.filter((p) => p.compliance.fullyCompliant).length };
  }).filter((r) => r.people > 0);

  const content = {
    centre: centre.name,
    date,
    summary: {
      people: evaluated.length,
      cleared: evaluated.filter((p) => p.compliance.cleared).length,
      fullyCompliant: evaluated.filter((p) => p.compliance.fullyCompliant).length,
      byRole,
    },
    settings: (Object.keys(SETTING_LABELS) as (keyof typeof SETTING_LABELS)[]).map((key) => ({ label: SETTING_LABELS[key], value: showSetting(settings[key]) })),
    courses: courses.filter((c) => !c.retired).map((c) => describeCourse(c)),
    people: evaluated.map(({ person, compliance }) => ({
      id: person.id,
      name: fullName(person),
      roles: compliance.roles.map((r) => (isRole(r) ? ROLE_LABELS[r] : r)).join(", "),
      startedOn: person.startedOn,
      cleared: compliance.cleared,
      fullyCompliant: compliance.fullyCompliant,
      clearedWords: clearedWords(compliance),
      dbs: person.dbsChecks.filter((c) => c.issuedOn <= date).map((c) => ({
        issuedOn: c.issuedOn, level: label(DBS_LEVELS, c.level), workforce: label(WORKFORCES, c.workforce), decision: label(DBS_DECISIONS, c.decision),
        // A printed pack travels: it carries only enough of the number to find the certificate.
        certificate: c.certificateNumber ? maskCertificateNumber(c.certificateNumber) : "(removed)",
        seen: `${c.seenBy}, ${formatUkDate(c.seenOn)}`,
        barredList: c.childrenBarredListChecked, updateService: c.updateServiceSubscribed,
        statusChecks: c.statusChecks.filter((s) => s.checkedOn <= date).map((s) => `${formatUkDate(s.checkedOn)}: ${label(STATUS_CHECK_RESULTS, s.result)} (${s.checkedBy})`),
        inError: inError(c),
        recordedLater: recordedLater(c),
      })),
      references: person.references.filter((r) => r.requestedOn <= date).map((r) => ({
        referee: r.refereeName || "(removed)", requestedOn: r.requestedOn,
        received: r.receivedOn && r.receivedOn <= date ? `${formatUkDate(r.receivedOn)}: ${label(REFERENCE_OUTCOMES, r.outcome ?? "")}` : "Awaited on this date",
        inError: inError(r),
        recordedLater: recordedLater(r),
      })),
      requirements: compliance.requirements.filter((r) => r.status !== "not_required").map((r) => ({ label: r.label, status: STATUS_WORDS[r.status], words: requirementWords(r) })),
      findings: compliance.findings.map(findingWords),
    })),
    changes: changes.map((e) => ({
      at: formatLondonDateTime(e.at), by: e.actorName, summary: e.summary,
      changes: e.redactedAt ? [] : (JSON.parse(e.changes) as FieldChange[]), redacted: Boolean(e.redactedAt),
    })),
  };
  const auditHead = latest ? { seq: latest.seq!, hash: latest.hash! } : null;
  const fingerprint = createHash("sha256").update(JSON.stringify(content)).update(`\n${auditHead?.hash ?? "empty audit log"}`).digest("hex");
  return { ...content, auditHead, fingerprint };
}

export type EvidencePack = Awaited<ReturnType<typeof evidencePack>>;

/** A pack's fingerprint, recorded when it is produced: the log then vouches for a printed copy. */
export async function recordPackProduced(actor: Actor, pack: EvidencePack) {
  await prisma.$transaction((tx) => recordAudit(tx, actor, {
    entityType: "EvidencePack", entityId: pack.fingerprint.slice(0, 16), action: "produced",
    summary: `Produced the evidence pack as at ${formatUkDate(pack.date)}`,
    changes: [{ field: "Fingerprint", from: "", to: pack.fingerprint }, { field: "People counted", from: "", to: String(pack.summary.people) }],
  }));
}

/** Was a pack with this fingerprint produced here? When, by whom, and as at which date. */
export async function findPack(centreId: string, fingerprint: string) {
  const wanted = fingerprint.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(wanted)) return { code: "malformed" as const };
  const entry = await prisma.auditEvent.findFirst({
    where: { centreId, entityType: "EvidencePack", entityId: wanted.slice(0, 16), changes: { contains: wanted } },
    orderBy: { at: "asc" }, select: { at: true, actorName: true, summary: true },
  });
  return entry ? { code: "found" as const, at: entry.at, by: entry.actorName, summary: entry.summary } : { code: "unknown" as const };
}
