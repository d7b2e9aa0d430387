/** Loading compliance facts from the database, and saving new records with an audit trail. */
import type { Prisma } from "@prisma/client";
import { prisma } from "~/db.server";
import { WHO, asBoolean, asNumber, readRecords, readRows, whoFor } from "~/utils/sql-read.server";
import { rowsBy, rowsByPerson } from "~/utils/rows-by-person";
import { clock } from "~/utils/clock.server";
import { recordAudit, type Actor } from "~/modules/audit/audit.server";
import { fullName, refuseIfRemoved } from "~/modules/people/people.server";
import { formatUkDate, type IsoDate } from "~/utils/dates";
import { diffRecords, type FieldChange } from "~/modules/audit/diff";
import type { FieldErrors } from "~/utils/form";
import {
  DBS_DECISIONS, DBS_LEVELS, DEFAULT_COURSES, DELIVERY_METHODS, REFERENCE_OUTCOMES, STATUS_CHECK_RESULTS, WORKFORCES,
  parseRequiredFor, type CentreSettings, type CourseKind,
} from "./requirements";
import { evaluatePerson, type CourseFacts, type PersonFacts } from "./rules";
import { SETTING_LABELS, describeCourse, showSetting } from "./settings-history";
import { statusOn } from "~/modules/people/status";
import type { PersonRow } from "./overview";
import type { DbsEvidence } from "./csv";
import type { z } from "zod";
import type { RecordKind, courseSchema, dbsCheckSchema, referenceReceivedSchema, referenceSchema, settingsSchema, statusCheckSchema, trainingSchema } from "./validation";

type Tx = Prisma.TransactionClient;
/** The client or an open transaction: checks that guard a write run inside its transaction. */
export type Db = Prisma.TransactionClient;

export async function ensureDefaultCourses(tx: Tx, centreId: string) {
  if ((await tx.course.count({ where: { centreId } })) > 0) return;
  await tx.course.createMany({
    data: DEFAULT_COURSES.map((c) => ({ centreId, name: c.name, kind: c.kind, validityMonths: c.validityMonths, requiredFor: c.requiredFor.join(","), sortOrder: c.sortOrder })),
  });
}

// Settings, courses and the centre's facts are read on nearly every page: prepared SQL (see sql-read.server.ts).
type Raw = Record<string, unknown>;
const text = (value: unknown) => value as string;
const textOrNull = (value: unknown) => (value ?? null) as string | null;

export async function getSettings(centreId: string, db: Db = prisma): Promise<CentreSettings> {
  const [row] = await readRows<Raw>(
    db,
    "SELECT referencesRequired, dueSoonDays, dbsRecheckYears, updateServiceCheckMonths, requireChildrenBarredList FROM Centre WHERE id = ?",
    centreId,
  );
  if (!row) throw new Error(`No centre ${centreId}`);
  return {
    referencesRequired: asNumber(row.referencesRequired)!, dueSoonDays: asNumber(row.dueSoonDays)!, dbsRecheckYears: asNumber(row.dbsRecheckYears)!,
    updateServiceCheckMonths: asNumber(row.updateServiceCheckMonths)!, requireChildrenBarredList: asBoolean(row.requireChildrenBarredList),
  };
}

export async function getCourses(centreId: string, db: Db = prisma): Promise<CourseFacts[]> {
  const courses = await readRows<Raw>(db, "SELECT id, name, kind, validityMonths, requiredFor, retired FROM Course WHERE centreId = ? ORDER BY sortOrder, name", centreId);
  return courses.map((c) => ({
    id: text(c.id), name: text(c.name), kind: c.kind as CourseKind, validityMonths: asNumber(c.validityMonths), requiredFor: parseRequiredFor(text(c.requiredFor)), retired: asBoolean(c.retired),
  }));
}

const FACTS_INCLUDE = {
  roles: true,
  dbsChecks: { include: { statusChecks: true } },
  references: true,
  trainingRecords: true,
} satisfies Prisma.PersonInclude;

type PersonWithFacts = Prisma.PersonGetPayload<{ include: typeof FACTS_INCLUDE }>;

function toFacts(person: PersonWithFacts): PersonFacts {
  return {
    startedOn: person.startedOn,
    leftOn: person.leftOn,
    roles: person.roles,
    // Records entered in error are kept and shown, but no rule sees them.
    dbsChecks: person.dbsChecks.filter(standing),
    references: person.references.filter(standing),
    training: person.trainingRecords.filter(standing),
  };
}

const standing = (record: { enteredInErrorAt: Date | null }) => record.enteredInErrorAt === null;

/** What the rules read: every record not marked as entered in error. */
const STANDING = { enteredInErrorAt: null };

type DbsRow = PersonFacts["dbsChecks"][number] & { personId: string; certificateNumber: string; seenBy: string; seenOn: string };

/** The certificate an assessor asks about on `date`: the newest issued by then. */
function latestDbsOn(checks: DbsRow[], date: IsoDate): DbsEvidence {
  const latest = checks.filter((c) => c.issuedOn <= date).sort((a, b) => a.issuedOn.localeCompare(b.issuedOn)).at(-1);
  return latest ? { certificateNumber: latest.certificateNumber, issuedOn: latest.issuedOn, level: latest.level, decision: latest.decision, seenBy: latest.seenBy, seenOn: latest.seenOn } : null;
}

const STANDING_ONLY = "enteredInErrorAt IS NULL";
const FACT_SQL = {
  people: `SELECT p.id, p.firstName, p.lastName, p.status, p.startedOn, p.leftOn, p.usesCentreForOwnFamily, p.serveEveryWeeks, p.preferredDays
    FROM Person p WHERE ${WHO} ORDER BY p.lastName, p.firstName, p.id`,
  roles: `SELECT r.personId, r.role, r.startedOn, r.endedOn FROM PersonRole r JOIN Person p ON p.id = r.personId WHERE ${WHO} ORDER BY r.id`,
  dbsChecks: `SELECT c.id, c.personId, c.issuedOn, c.level, c.workforce, c.childrenBarredListChecked, c.decision, c.updateServiceSubscribed, c.certificateNumber, c.seenBy, c.seenOn
    FROM DbsCheck c JOIN Person p ON p.id = c.personId WHERE ${WHO} AND c.${STANDING_ONLY} ORDER BY c.id`,
  statusChecks: `SELECT s.dbsCheckId, s.checkedOn, s.result FROM DbsStatusCheck s JOIN DbsCheck c ON c.id = s.dbsCheckId JOIN Person p ON p.id = c.personId
    WHERE ${WHO} AND c.${STANDING_ONLY} ORDER BY s.id`,
  references: `SELECT f.personId, f.requestedOn, f.receivedOn, f.outcome FROM Reference f JOIN Person p ON p.id = f.personId WHERE ${WHO} AND f.${STANDING_ONLY} ORDER BY f.id`,
  training: `SELECT t.personId, t.courseId, t.completedOn FROM TrainingRecord t JOIN Person p ON p.id = t.personId WHERE ${WHO} AND t.${STANDING_ONLY} ORDER BY t.id`,
  statusChanges: `SELECT s.personId, s.status, s.effectiveOn FROM PersonStatusChange s JOIN Person p ON p.id = s.personId WHERE ${WHO} ORDER BY s.createdAt, s.id`,
};

type RoleRow = { personId: string; role: string; startedOn: IsoDate; endedOn: IsoDate | null };
type StatusCheckRow = { dbsCheckId: string; checkedOn: IsoDate; result: string };
type ReferenceRow = { personId: string; requestedOn: IsoDate; receivedOn: IsoDate | null; outcome: string | null };
type TrainingRow = { personId: string; courseId: string; completedOn: IsoDate };
type StatusChangeRow = { personId: string; status: string; effectiveOn: IsoDate };
/** Training records only when asked for; DBS checks and references unless told not to (then none are read). */
type FactsWanted = { withTraining: boolean; withChecks?: boolean };

/**
 * The facts' rows; training records (the largest table) only when asked for, DBS checks and
 * references unless told not to. Rows whose columns are all text come back from SQLite (directly
 * or through a transaction) as they are used, so they are not copied: at 5,000 people that is
 * 50,000 objects fewer for the collector each read.
 * Integers standing for booleans and numbers are converted.
 */
async function readFacts(db: Db, centreId: string, personIds: string[] | undefined, { withTraining, withChecks = true }: FactsWanted) {
  const read = <Row = Raw>(sql: string) => readRows<Row>(db, ...whoFor(sql, centreId, personIds));
  const [people, roles, dbsChecks, statusChecks, references, training, statusChanges] = await Promise.all([
    read(FACT_SQL.people), read<RoleRow>(FACT_SQL.roles), withChecks ? read(FACT_SQL.dbsChecks) : [], withChecks ? read<StatusCheckRow>(FACT_SQL.statusChecks) : [],
    withChecks ? read<ReferenceRow>(FACT_SQL.references) : [], withTraining ? read<TrainingRow>(FACT_SQL.training) : [], read<StatusChangeRow>(FACT_SQL.statusChanges),
  ]);
  return {
    people: people.map((p) => ({
      id: text(p.id), firstName: text(p.firstName), lastName: text(p.lastName), status: text(p.status), startedOn: textOrNull(p.startedOn), leftOn: textOrNull(p.leftOn),
      usesCentreForOwnFamily: asBoolean(p.usesCentreForOwnFamily), serveEveryWeeks: asNumber(p.serveEveryWeeks), preferredDays: text(p.preferredDays),
    })),
    roles,
    dbsChecks: dbsChecks.map((c) => ({
      id: text(c.id), personId: text(c.personId), issuedOn: text(c.issuedOn), level: text(c.level), workforce: text(c.workforce),
      childrenBarredListChecked: asBoolean(c.childrenBarredListChecked), decision: text(c.decision), updateServiceSubscribed: asBoolean(c.updateServiceSubscribed),
      certificateNumber: text(c.certificateNumber), seenBy: text(c.seenBy), seenOn: text(c.seenOn),
    })),
    statusChecks, references, training, statusChanges,
  };
}

/**
 * Every person at the centre (or those listed) with the facts the rules read. One flat query per
 * table with only the columns needed, grouped here: several times faster than nested includes at
 * 5,000 people, and prepared once (see scripts/bench-compliance.ts).
 */
export async function loadCentreFacts(centreId: string, { db = prisma, personIds }: { db?: Db; personIds?: string[] } = {}) {
  const [settings, courses, { people }] = await Promise.all([
    getSettings(centreId, db),
    getCourses(centreId, db),
    readPeopleFacts(db, centreId, personIds, { withTraining: true }),
  ]);
  return { settings, courses, people };
}

/**
 * The same people with what clearance to work is judged on (DBS checks and references; see
 * clearanceOnDate), without their training: the rota re-checks placements on every page that
 * shows one, and training records are the largest table. `withChecks: false` leaves out the DBS
 * checks and references too (their lists come back empty), for ranking people before asking
 * whether the first few are cleared.
 */
export async function loadClearanceFacts(centreId: string, { db = prisma, personIds, withChecks = true }: { db?: Db; personIds?: string[]; withChecks?: boolean } = {}) {
  const [settings, { people }] = await Promise.all([getSettings(centreId, db), readPeopleFacts(db, centreId, personIds, { withTraining: false, withChecks })]);
  return { settings, people };
}

/** Facts with training records, or without them (what clearance to work is judged on). */
type FactsRead<WithTraining extends boolean> = WithTraining extends true ? PersonFacts : Omit<PersonFacts, "training">;

async function readPeopleFacts<WithTraining extends boolean>(db: Db, centreId: string, personIds: string[] | undefined, options: FactsWanted & { withTraining: WithTraining }) {
  const rows = await readFacts(db, centreId, personIds, options);
  const statusChecksOf = rowsBy(rows.statusChecks, (s) => s.dbsCheckId);
  const [rolesOf, dbsOf, referencesOf, statusChangesOf, trainingOf] = [
    rowsByPerson(rows.roles),
    rowsByPerson(rows.dbsChecks.map((c) => ({ ...c, statusChecks: statusChecksOf(c.id) }))),
    rowsByPerson(rows.references),
    rowsByPerson(rows.statusChanges),
    rowsByPerson(rows.training),
  ];
  const people = rows.people.map((person) => {
    const facts: Omit<PersonFacts, "training"> & { training?: PersonFacts["training"] } = {
      startedOn: person.startedOn, leftOn: person.leftOn,
      roles: rolesOf(person.id), dbsChecks: dbsOf(person.id), references: referencesOf(person.id),
    };
    if (options.withTraining) facts.training = trainingOf(person.id);
    return { ...person, name: fullName(person), dbsRecords: dbsOf(person.id), statusChanges: statusChangesOf(person.id), facts: facts as FactsRead<WithTraining> };
  });
  return { people };
}

/** Everyone at the centre with their compliance on `date`. */
type CentreFacts = Awaited<ReturnType<typeof loadCentreFacts>>;

function rowsOn({ settings, courses, people }: CentreFacts, date: IsoDate) {
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    status: statusOn(person, date),
    compliance: evaluatePerson(person.facts, courses, settings, date),
    dbs: latestDbsOn(person.dbsRecords, date),
  })) satisfies PersonRow[];
}

/** Everyone's compliance on `date` (or only these people's, e.g. a page of the matrix), in name order, from one read of the records. */
export async function centreCompliance(centreId: string, date: IsoDate, personIds?: string[]) {
  const facts = await loadCentreFacts(centreId, { personIds });
  return { settings: facts.settings, courses: facts.courses, rows: rowsOn(facts, date) };
}

/**
 * These people's compliance on `date`, a batch at a time in the order given: an export streams
 * each batch as it is ready, so memory stays flat and the first rows leave at once. Batches of 100
 * measured best at 5,000 people (bench): an export alone about a fifth quicker than batches of 500
 * (likely because less of each batch outlives V8's young generation), and ten at once peaked half
 * as high. Since the server's young generation was halved (scripts/run.mjs), batches of 50: ten
 * exports at once peaked at 160 MB, not 178 to 207, and one alone took as long (25 was slower).
 */
export async function* complianceInBatches(centreId: string, date: IsoDate, personIds: readonly string[], size = 50) {
  for (let i = 0; i < personIds.length; i += size) {
    const batch = personIds.slice(i, i + size);
    const { rows } = await centreCompliance(centreId, date, batch);
    // Read in name order; given in the caller's.
    const place = new Map(batch.map((id, n) => [id, n]));
    yield rows.sort((a, b) => place.get(a.id)! - place.get(b.id)!);
  }
}

/** One person's records (newest first) and their compliance on `date`. */
export async function personCompliance(centreId: string, personId: string, date: IsoDate) {
  // Prepared reads, not one Prisma query with includes (seven queries, each compiled afresh): a
  // person's own page and My account load this every time.
  const [found] = await readRecords("Person", "id = ? AND centreId = ?", personId, centreId);
  if (!found) return null;
  const [roles, dbsChecks, statusChecks, references, training, settings, courses] = await Promise.all([
    readRecords("PersonRole", "personId = ?", personId),
    readRecords("DbsCheck", "personId = ? ORDER BY issuedOn DESC", personId),
    readRecords("DbsStatusCheck", "dbsCheckId IN (SELECT id FROM DbsCheck WHERE personId = ?) ORDER BY checkedOn DESC", personId),
    readRecords("Reference", "personId = ? ORDER BY requestedOn DESC", personId),
    readRecords("TrainingRecord", "personId = ? ORDER BY completedOn DESC", personId),
    getSettings(centreId),
    getCourses(centreId),
  ]);
  const statusChecksOf = rowsBy(statusChecks, (s) => s.dbsCheckId);
  // The centre's courses, retired ones too: every record's course is among them.
  const courseName = new Map(courses.map((c) => [c.id, c.name]));
  const person = {
    ...found, roles, references,
    dbsChecks: dbsChecks.map((c) => ({ ...c, statusChecks: statusChecksOf(c.id) })),
    trainingRecords: training.map((t) => ({ ...t, course: { name: courseName.get(t.courseId)! } })),
  };
  return { person, settings, courses, compliance: evaluatePerson(toFacts(person), courses, settings, date) };
}

async function findPerson(actor: Actor, personId: string) {
  const person = await prisma.person.findFirst({ where: { id: personId, centreId: actor.centreId } });
  if (!person) throw new Response("Person not found", { status: 404 });
  refuseIfRemoved(person);
  return person;
}

/** "********7890": the last four digits only. */
export function maskCertificateNumber(number: string) {
  return `${"*".repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
}

export async function addDbsCheck(actor: Actor, personId: string, input: z.output<ReturnType<typeof dbsCheckSchema>>) {
  const person = await findPerson(actor, personId);
  await prisma.$transaction(async (tx) => {
    const check = await tx.dbsCheck.create({ data: { personId, ...input } });
    await recordAudit(tx, actor, {
      entityType: "DbsCheck", entityId: check.id, personId, action: "created",
      summary: `Recorded a DBS check for ${fullName(person)}`,
      changes: [
        { field: "Level", from: "", to: DBS_LEVELS[input.level] },
        { field: "Workforce", from: "", to: WORKFORCES[input.workforce] },
        { field: "Children's barred list checked", from: "", to: input.childrenBarredListChecked ? "Yes" : "No" },
        // The audit log can never be erased: it names the record and keeps only enough of the number to tell certificates apart.
        { field: "Certificate number", from: "", to: maskCertificateNumber(input.certificateNumber) },
        { field: "Issued", from: "", to: formatUkDate(input.issuedOn) },
        { field: "Decision", from: "", to: DBS_DECISIONS[input.decision] },
        { field: "Original seen", from: "", to: `${input.seenBy}, ${formatUkDate(input.seenOn)}` },
        { field: "Update Service", from: "", to: input.updateServiceSubscribed ? "Subscribed" : "Not subscribed" },
      ],
    });
  });
}

export async function addStatusCheck(actor: Actor, personId: string, input: z.output<ReturnType<typeof statusCheckSchema>>): Promise<FieldErrors> {
  const person = await findPerson(actor, personId);
  const check = await prisma.dbsCheck.findFirst({ where: { id: input.dbsCheckId, personId } });
  if (!check) throw new Response("DBS check not found", { status: 404 });
  if (!check.updateServiceSubscribed) return { checkedOn: "This certificate is not on the Update Service, so it cannot be status-checked" };
  if (input.checkedOn < check.issuedOn) return { checkedOn: `The status check cannot be before the certificate was issued (${formatUkDate(check.issuedOn)})` };
  await prisma.$transaction(async (tx) => {
    const { dbsCheckId, ...data } = input;
    const created = await tx.dbsStatusCheck.create({ data: { dbsCheckId, ...data } });
    await recordAudit(tx, actor, {
      entityType: "DbsStatusCheck", entityId: created.id, personId, action: "created",
      summary: `Recorded an Update Service status check for ${fullName(person)}`,
      changes: [
        { field: "Checked", from: "", to: `${formatUkDate(input.checkedOn)} by ${input.checkedBy}` },
        { field: "Result", from: "", to: STATUS_CHECK_RESULTS[input.result] },
      ],
    });
  });
  return {};
}

export async function addReference(actor: Actor, personId: string, input: z.output<ReturnType<typeof referenceSchema>>) {
  const person = await findPerson(actor, personId);
  await prisma.$transaction(async (tx) => {
    const ref = await tx.reference.create({ data: { personId, ...input } });
    await recordAudit(tx, actor, {
      entityType: "Reference", entityId: ref.id, personId, action: "created",
      summary: `Recorded a reference from ${input.refereeName} for ${fullName(person)}`,
      changes: [
        { field: "Referee", from: "", to: `${input.refereeName} (${input.relationship})` },
        { field: "Requested", from: "", to: formatUkDate(input.requestedOn) },
        ...(input.receivedOn ? [{ field: "Received", from: "", to: `${formatUkDate(input.receivedOn)}: ${REFERENCE_OUTCOMES[input.outcome as keyof typeof REFERENCE_OUTCOMES]}` }] : []),
      ],
    });
  });
}

export async function recordReferenceReceived(actor: Actor, personId: string, input: z.output<ReturnType<typeof referenceReceivedSchema>>): Promise<FieldErrors> {
  const person = await findPerson(actor, personId);
  const ref = await prisma.reference.findFirst({ where: { id: input.referenceId, personId, ...STANDING } });
  if (!ref) throw new Response("Reference not found", { status: 404 });
  if (input.receivedOn < ref.requestedOn) return { receivedOn: `The date received cannot be before the date requested (${formatUkDate(ref.requestedOn)})` };
  await prisma.$transaction(async (tx) => {
    await tx.reference.update({ where: { id: ref.id }, data: { receivedOn: input.receivedOn, outcome: input.outcome } });
    await recordAudit(tx, actor, {
      entityType: "Reference", entityId: ref.id, personId, action: "updated",
      summary: `Recorded the reference from ${ref.refereeName} for ${fullName(person)} as received`,
      changes: [
        { field: "Received", from: formatUkDate(ref.receivedOn) || "(blank)", to: formatUkDate(input.receivedOn) },
        { field: "Outcome", from: ref.outcome ? REFERENCE_OUTCOMES[ref.outcome as keyof typeof REFERENCE_OUTCOMES] : "(blank)", to: REFERENCE_OUTCOMES[input.outcome] },
      ],
    });
  });
  return {};
}

export async function addTrainingRecord(actor: Actor, personId: string, input: z.output<ReturnType<typeof trainingSchema>>): Promise<FieldErrors> {
  const person = await findPerson(actor, personId);
  const course = await prisma.course.findFirst({ where: { id: input.courseId, centreId: actor.centreId } });
  if (!course) return { courseId: "Choose a course from the list" };
  await prisma.$transaction(async (tx) => {
    const record = await tx.trainingRecord.create({ data: { personId, ...input } });
    await recordAudit(tx, actor, {
      entityType: "TrainingRecord", entityId: record.id, personId, action: "created",
      summary: `Recorded ${course.name} for ${fullName(person)}`,
      changes: [
        { field: "Completed", from: "", to: formatUkDate(input.completedOn) },
        { field: "Delivered by", from: "", to: DELIVERY_METHODS[input.deliveryMethod] },
        ...(input.evidenceNote ? [{ field: "Evidence", from: "", to: input.evidenceNote }] : []),
      ],
    });
  });
  return {};
}

export async function updateSettings(actor: Actor, input: z.output<typeof settingsSchema>) {
  const before = await getSettings(actor.centreId);
  const changes = (Object.keys(SETTING_LABELS) as (keyof CentreSettings)[])
    .filter((key) => before[key] !== input[key])
    .map((key) => ({ field: SETTING_LABELS[key], from: showSetting(before[key]), to: showSetting(input[key]) }));
  if (!changes.length) return;
  await prisma.$transaction(async (tx) => {
    await tx.centre.update({ where: { id: actor.centreId }, data: input });
    await recordAudit(tx, actor, { entityType: "Centre", entityId: actor.centreId, action: "updated", summary: "Changed compliance settings", changes });
  });
}

export async function saveCourse(actor: Actor, courseId: string | null, input: z.output<typeof courseSchema>): Promise<FieldErrors> {
  const clash = await prisma.course.findFirst({ where: { centreId: actor.centreId, name: input.name, ...(courseId ? { id: { not: courseId } } : {}) } });
  if (clash) return { name: `There is already a course called “${input.name}”` };
  const data = { name: input.name, validityMonths: input.validityMonths, requiredFor: input.requiredFor.join(","), retired: input.retired };
  const existing = courseId ? await prisma.course.findFirst({ where: { id: courseId, centreId: actor.centreId } }) : null;
  if (courseId && !existing) throw new Response("Course not found", { status: 404 });
  await prisma.$transaction(async (tx) => {
    const before = existing ? describeCourse(existing) : null;
    const after = describeCourse(data);
    const course = existing
      ? await tx.course.update({ where: { id: existing.id }, data })
      : await tx.course.create({ data: { ...data, centreId: actor.centreId, kind: "custom", sortOrder: 100 } });
    const changes = Object.keys(after)
      .filter((k) => before?.[k] !== after[k])
      .map((k) => ({ field: k, from: before?.[k] ?? "", to: after[k] }));
    if (changes.length) {
      await recordAudit(tx, actor, {
        entityType: "Course", entityId: course.id, action: existing ? "updated" : "created",
        summary: existing ? `Changed the course ${course.name}` : `Added the course ${course.name}`, changes,
      });
    }
  });
  return {};
}

/**
 * Mark a record as entered in error (a mistyped certificate number or date): kept, with why, when
 * and by whom, hidden from every rule from then on, shown struck through to anyone who can see it.
 * The correct record is then added as new. Audited.
 */
export async function markEnteredInError(actor: Actor, personId: string, kind: RecordKind, recordId: string, reason: string): Promise<FieldErrors> {
  const person = await findPerson(actor, personId);
  const mark = { enteredInErrorAt: clock.now(), enteredInErrorReason: reason, enteredInErrorBy: actor.name };
  return prisma.$transaction(async (tx): Promise<FieldErrors> => {
    let what: string;
    if (kind === "dbs") {
      const record = await tx.dbsCheck.findFirst({ where: { id: recordId, personId } });
      if (!record) throw new Response("Record not found", { status: 404 });
      if (record.enteredInErrorAt) return { reason: "This record is already marked as entered in error" };
      await tx.dbsCheck.update({ where: { id: recordId }, data: mark });
      what = `the DBS check issued ${formatUkDate(record.issuedOn)} (certificate ${maskCertificateNumber(record.certificateNumber)})`;
    } else if (kind === "reference") {
      const record = await tx.reference.findFirst({ where: { id: recordId, personId } });
      if (!record) throw new Response("Record not found", { status: 404 });
      if (record.enteredInErrorAt) return { reason: "This record is already marked as entered in error" };
      await tx.reference.update({ where: { id: recordId }, data: mark });
      what = `the reference from ${record.refereeName}`;
    } else {
      const record = await tx.trainingRecord.findFirst({ where: { id: recordId, personId }, include: { course: { select: { name: true } } } });
      if (!record) throw new Response("Record not found", { status: 404 });
      if (record.enteredInErrorAt) return { reason: "This record is already marked as entered in error" };
      await tx.trainingRecord.update({ where: { id: recordId }, data: mark });
      what = `${record.course.name} completed ${formatUkDate(record.completedOn)}`;
    }
    await recordAudit(tx, actor, {
      entityType: { dbs: "DbsCheck", reference: "Reference", training: "TrainingRecord" }[kind], entityId: recordId, personId, action: "entered-in-error",
      summary: `Marked ${what} for ${fullName(person)} as entered in error`,
      changes: [{ field: "Why", from: "", to: reason }],
    });
    return {};
  });
}

type DbsInput = z.output<ReturnType<typeof dbsCheckSchema>>;
type ReferenceInput = z.output<ReturnType<typeof referenceSchema>>;
type TrainingInput = z.output<ReturnType<typeof trainingSchema>>;

const yesNo = (value: unknown) => (value ? "Yes" : "No");
const ukDate = (value: unknown) => formatUkDate(value as string);

/** What a correction shows in the audit log: every field that changed, old and new, in words. */
const DBS_FIELDS = {
  level: { label: "Level", show: (v: unknown) => DBS_LEVELS[v as keyof typeof DBS_LEVELS] },
  workforce: { label: "Workforce", show: (v: unknown) => WORKFORCES[v as keyof typeof WORKFORCES] },
  // The audit log can never be erased: it keeps only enough of a number to tell certificates apart.
  certificateNumber: { label: "Certificate number", show: (v: unknown) => maskCertificateNumber(v as string) },
  issuedOn: { label: "Issued", show: ukDate },
  decision: { label: "Decision", show: (v: unknown) => DBS_DECISIONS[v as keyof typeof DBS_DECISIONS] },
  seenBy: { label: "Original seen by" },
  seenOn: { label: "Original seen on", show: ukDate },
  childrenBarredListChecked: { label: "Children's barred list checked", show: yesNo },
  updateServiceSubscribed: { label: "Update Service", show: (v: unknown) => (v ? "Subscribed" : "Not subscribed") },
};

const REFERENCE_FIELDS = {
  refereeName: { label: "Referee" },
  relationship: { label: "Relationship" },
  contact: { label: "Contact details" },
  requestedOn: { label: "Requested", show: ukDate },
  receivedOn: { label: "Received", show: ukDate },
  outcome: { label: "Outcome", show: (v: unknown) => REFERENCE_OUTCOMES[v as keyof typeof REFERENCE_OUTCOMES] },
  notes: { label: "Notes" },
};

const TRAINING_FIELDS = {
  completedOn: { label: "Completed", show: ukDate },
  deliveryMethod: { label: "Delivered by", show: (v: unknown) => DELIVERY_METHODS[v as keyof typeof DELIVERY_METHODS] },
  evidenceNote: { label: "Evidence" },
};

export type Correction =
  | { kind: "dbs"; recordId: string; input: DbsInput }
  | { kind: "reference"; recordId: string; input: ReferenceInput }
  | { kind: "training"; recordId: string; input: TrainingInput };

/**
 * Correct a record in place (a mistyped date or certificate number), with every old and new value
 * in the audit log. A record entered in error is not corrected: it stays as it was, struck through.
 * Returns field errors, or `unchanged: true` when nothing differed (nothing is written).
 */
export async function correctRecord(actor: Actor, personId: string, correction: Correction): Promise<{ errors: FieldErrors; unchanged?: boolean }> {
  const person = await findPerson(actor, personId);
  const notFound = () => new Response("Record not found", { status: 404 });
  type Result = { errors: FieldErrors; unchanged?: boolean };
  const inError: Result = { errors: { recordId: "This record is marked as entered in error, so it cannot be corrected: add a new one" } };
  return prisma.$transaction(async (tx): Promise<Result> => {
    let changes: FieldChange[];
    let what: string;
    let entityType: string;
    if (correction.kind === "dbs") {
      const record = await tx.dbsCheck.findFirst({ where: { id: correction.recordId, personId }, include: { statusChecks: { select: { checkedOn: true } } } });
      if (!record) throw notFound();
      if (record.enteredInErrorAt) return inError;
      const earliestStatusCheck = record.statusChecks.map((s) => s.checkedOn).sort()[0];
      if (earliestStatusCheck && correction.input.issuedOn > earliestStatusCheck) {
        return { errors: { issuedOn: `A status check on ${formatUkDate(earliestStatusCheck)} is recorded for this certificate, so it was issued by then` } };
      }
      if (!correction.input.updateServiceSubscribed && record.statusChecks.length) {
        return { errors: { updateServiceSubscribed: "Status checks are recorded for this certificate, so it was on the Update Service" } };
      }
      changes = diffRecords(record, correction.input, DBS_FIELDS);
      if (changes.length) await tx.dbsCheck.update({ where: { id: record.id }, data: correction.input });
      what = `the DBS check issued ${formatUkDate(correction.input.issuedOn)}`;
      entityType = "DbsCheck";
    } else if (correction.kind === "reference") {
      const record = await tx.reference.findFirst({ where: { id: correction.recordId, personId } });
      if (!record) throw notFound();
      if (record.enteredInErrorAt) return inError;
      changes = diffRecords(record, correction.input, REFERENCE_FIELDS);
      if (changes.length) await tx.reference.update({ where: { id: record.id }, data: correction.input });
      what = `the reference from ${correction.input.refereeName}`;
      entityType = "Reference";
    } else {
      const record = await tx.trainingRecord.findFirst({ where: { id: correction.recordId, personId }, include: { course: { select: { name: true } } } });
      if (!record) throw notFound();
      if (record.enteredInErrorAt) return inError;
      const course = await tx.course.findFirst({ where: { id: correction.input.courseId, centreId: actor.centreId }, select: { name: true } });
      if (!course) return { errors: { courseId: "Choose a course from the list" } };
      changes = [
        ...(course.name !== record.course.name ? [{ field: "Course", from: record.course.name, to: course.name }] : []),
        ...diffRecords(record, correction.input, TRAINING_FIELDS),
      ];
      if (changes.length) await tx.trainingRecord.update({ where: { id: record.id }, data: correction.input });
      what = `the ${record.course.name} record`;
      entityType = "TrainingRecord";
    }
    if (!changes.length) return { errors: {}, unchanged: true };
    await recordAudit(tx, actor, {
      entityType, entityId: correction.recordId, personId, action: "corrected",
      summary: `Corrected ${what} for ${fullName(person)}`, changes,
    });
    return { errors: {} };
  });
}
