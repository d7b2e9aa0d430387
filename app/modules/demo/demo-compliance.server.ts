/**
 * Checks and training for the demo centre, chosen so every status shows somewhere: in date, due
 * soon, expired (including a DBS recheck overdue by policy and an Update Service check that found
 * new information), missing (including a deputy who needs co-ordinator training since their
 * role change), and people who started before their checks were in.
 */
import type { Prisma } from "@prisma/client";
import { addDaysIso, type IsoDate } from "~/utils/dates";

type Tx = Prisma.TransactionClient;
type DemoRecord = { personId: string; first: string; status: string; startedDaysAgo?: number; index: number };
type Course = { id: string; kind: string; sortOrder: number };

const SEEN_BY = "Sam Patel";

function certificateNumber(index: number, n: number) {
  return String(1000_0000_0000 + index * 7919 + n * 104729).slice(0, 12);
}

export async function seedDemoCompliance(tx: Tx, people: DemoRecord[], courses: Course[], today: IsoDate) {
  const ago = (days: number) => addDaysIso(today, -days);
  const course = (kind: string) => courses.find((c) => c.kind === kind)!;
  const modules = courses.filter((c) => c.kind === "naccc_module").sort((a, b) => a.sortOrder - b.sortOrder);

  for (const p of people) {
    const i = p.index;
    const special = SPECIAL[p.first];
    if (special === "nothing") continue;
    const started = p.startedDaysAgo ?? -21; // applicants start about three weeks from now

    // References: two satisfactory ones a month before starting, unless the story says otherwise.
    const refs = special === "awaiting-everything" ? [{ requested: 10, received: null }]
      : special === "one-reference" ? [{ requested: 20, received: 8 }, { requested: 20, received: null }]
      : special === "late-reference" ? [{ requested: started + 45, received: started + 30 }, { requested: started + 45, received: started - 10 }]
      : [{ requested: started + 45, received: started + 30 }, { requested: started + 45, received: started + 25 }];
    for (const [n, ref] of refs.entries()) {
      await tx.reference.create({
        data: {
          personId: p.personId, refereeName: REFEREES[(i + n) % REFEREES.length], relationship: n === 0 ? "Former employer" : "Known for over five years",
          contact: `referee${i}${n}@example.net`, requestedOn: ago(ref.requested), receivedOn: ref.received === null ? null : ago(ref.received),
          outcome: ref.received === null ? null : "satisfactory",
        },
      });
    }
    if (special === "awaiting-everything") continue;

    // DBS: issued three weeks before starting; long-serving people have a recheck since.
    const firstIssued = special === "late-dbs" ? started - 7 : special === "one-reference" ? 5 : started + 21;
    const recheck = DBS_AGE[p.first] ?? (firstIssued > 1000 ? 150 + ((i * 131) % 800) : null);
    const subscribed = special === "update-new-info" || special === "update-overdue" || (recheck !== null && i % 3 === 0);
    await tx.dbsCheck.create({
      data: {
        personId: p.personId, level: "enhanced", workforce: "child_and_adult", certificateNumber: certificateNumber(i, 0),
        issuedOn: ago(firstIssued), decision: "clear", seenBy: SEEN_BY, seenOn: ago(Math.max(firstIssued - 3, 0)), updateServiceSubscribed: subscribed && recheck === null,
      },
    });
    if (recheck !== null) {
      const check = await tx.dbsCheck.create({
        data: {
          personId: p.personId, level: p.first === "Bethan" || p.first === "Kwame" ? "enhanced_barred" : "enhanced", workforce: "child_and_adult",
          childrenBarredListChecked: p.first === "Bethan" || p.first === "Kwame",
          certificateNumber: certificateNumber(i, 1), issuedOn: ago(recheck), decision: i === 8 ? "accepted_after_risk_assessment" : "clear",
          seenBy: SEEN_BY, seenOn: ago(Math.max(recheck - 4, 0)), updateServiceSubscribed: subscribed,
        },
      });
      const statusChecks =
        special === "update-new-info" ? [{ days: 200, result: "no_change" }, { days: 12, result: "new_information" }]
        : special === "update-overdue" ? [{ days: 395, result: "no_change" }]
        : subscribed ? [{ days: 20 + ((i * 37) % 300), result: "no_change" }] : [];
      for (const s of statusChecks) {
        if (s.days > recheck) continue;
        await tx.dbsStatusCheck.create({ data: { dbsCheckId: check.id, checkedOn: ago(s.days), result: s.result, checkedBy: SEEN_BY } });
      }
    }
    if (p.status === "applicant" && special !== "ready-to-start") continue;

    // Training: induction before starting, then the refreshers at staggered dates.
    const train = async (courseId: string, daysAgo: number, deliveryMethod: string, evidenceNote: string | null = null) => {
      if (daysAgo < 0 || daysAgo > started + 1) return;
      await tx.trainingRecord.create({ data: { personId: p.personId, courseId, completedOn: ago(daysAgo), deliveryMethod, evidenceNote } });
    };
    if (special !== "ready-to-start") await train(course("induction").id, Math.max(started - 1, 0), "face_to_face", "Induction checklist signed");
    await train(course("safeguarding").id, SAFEGUARDING_AGE[p.first] ?? (i * 53) % 330, i % 2 ? "e_learning" : "face_to_face", "Certificate seen");
    if (COORDINATOR_TRAINING_AGE[p.first] !== undefined) {
      await train(course("coordinator").id, COORDINATOR_TRAINING_AGE[p.first]!, "face_to_face", "NACCC certificate seen");
    }
    for (const [m, module] of modules.entries()) {
      if (started < 400 && m >= 6) continue; // newer volunteers are still working through the modules
      await train(module.id, Math.min((i * 17 + m * 71) % 1150, started), "workbook", "Workbook marked by Sam Patel");
    }
  }
}

/** Stories for particular demo people (by first name). */
const SPECIAL: Record<string, string> = {
  Emma: "awaiting-everything",
  Liam: "nothing",
  Yusuf: "one-reference",
  Sophie: "ready-to-start",
  Daniel: "late-dbs",
  Fatima: "late-reference",
  Robert: "update-new-info",
  Susan: "update-overdue",
};

/** Days since the current DBS certificate was issued, where the story needs a particular age. */
const DBS_AGE: Record<string, number> = {
  Tom: 3 * 365 + 12,      // recheck overdue by our policy
  Claire: 3 * 365 - 35,   // recheck due soon
  Robert: 2 * 365,
  Susan: 4 * 365 + 100,  // status check overdue; the certificate alone is past our recheck policy
};

const SAFEGUARDING_AGE: Record<string, number> = {
  Margaret: 380,   // expired
  Michael: 420,    // expired
  Aisha: 340,      // due in about 25 days
  Helen: 310,      // due in about 55 days
  Jean: 290,       // due in about 75 days
};

const COORDINATOR_TRAINING_AGE: Record<string, number | undefined> = {
  Sam: 700,          // in date
  Priya: 3 * 365 - 40, // due soon
  // Gareth became deputy eight months ago and has not done it yet: missing.
};

const REFEREES = ["Janet Morris", "Rev. Paul Adams", "Dr Anita Desai", "Colin Baxter", "Hannah Lewis", "Mohammed Iqbal", "Sheila Grant"];
