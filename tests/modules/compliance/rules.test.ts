import { describe, expect, it } from "vitest";
import * as rules from "~/modules/compliance/rules";
import type { CourseFacts, DbsCheckFacts, PersonFacts, RequirementResult } from "~/modules/compliance/rules";
import { clearedWords, findingWords, notCountedWords, requirementWords } from "~/modules/compliance/words";
import { DEFAULT_SETTINGS } from "~/modules/compliance/requirements";

// Results carry codes; the words people read are checked alongside, through ./words.ts.
const said = (r: RequirementResult) => ({ ...r, reason: requirementWords(r) });
const evaluateDbs = (...a: Parameters<typeof rules.evaluateDbs>) => said(rules.evaluateDbs(...a));
const evaluateReferences = (...a: Parameters<typeof rules.evaluateReferences>) => said(rules.evaluateReferences(...a));
const evaluateCourse = (...a: Parameters<typeof rules.evaluateCourse>) => said(rules.evaluateCourse(...a));
const evaluatePerson = (...a: Parameters<typeof rules.evaluatePerson>) => {
  const r = rules.evaluatePerson(...a);
  return { ...r, requirements: r.requirements.map(said), clearedReason: clearedWords(r), notCountedReason: r.notCounted ? notCountedWords(r.notCounted) : null };
};
const recruitmentFindings = (...a: Parameters<typeof rules.recruitmentFindings>) => rules.recruitmentFindings(...a).map(findingWords);

const settings = DEFAULT_SETTINGS; // 2 references, due soon 60 days, DBS recheck 3 years, Update Service 12 months

const dbs = (overrides: Partial<DbsCheckFacts> = {}): DbsCheckFacts => ({
  issuedOn: "2023-03-01", level: "enhanced", workforce: "child", childrenBarredListChecked: false, decision: "clear", updateServiceSubscribed: false, statusChecks: [], ...overrides,
});

const safeguarding: CourseFacts = { id: "sg", name: "Safeguarding refresher", kind: "safeguarding", validityMonths: 12, requiredFor: ["volunteer", "staff", "coordinator", "deputy_coordinator"], retired: false };
const coordinatorTraining: CourseFacts = { id: "co", name: "NACCC co-ordinator training", kind: "coordinator", validityMonths: 36, requiredFor: ["coordinator", "deputy_coordinator"], retired: false };
const induction: CourseFacts = { id: "in", name: "Induction", kind: "induction", validityMonths: null, requiredFor: ["volunteer", "staff", "coordinator", "deputy_coordinator"], retired: false };

describe("DBS check", () => {
  it("is missing when there is none, saying so plainly", () => {
    expect(evaluateDbs([], settings, "2025-01-01")).toMatchObject({ status: "missing", reason: "No DBS check on record" });
  });

  it("ignores a certificate issued after the date asked about", () => {
    expect(evaluateDbs([dbs({ issuedOn: "2025-02-01" })], settings, "2025-01-31")).toMatchObject({
      status: "missing", reason: "No DBS check on record on this date (first issued 1 Feb 2025)",
    });
  });

  it("is in date until three years after issue, with the recheck date", () => {
    expect(evaluateDbs([dbs()], settings, "2024-06-01")).toMatchObject({
      status: "met", validUntil: "2026-03-01", reason: "Enhanced DBS issued 1 Mar 2023 (clear); recheck by 1 Mar 2026",
    });
  });

  it("is due soon inside the warning window", () => {
    expect(evaluateDbs([dbs()], settings, "2026-01-01")).toMatchObject({ status: "due", reason: "Recheck due by our policy by 1 Mar 2026 (DBS issued 1 Mar 2023 (clear))" });
    expect(evaluateDbs([dbs()], settings, "2025-12-31")).toMatchObject({ status: "due" }); // exactly 60 days before
    expect(evaluateDbs([dbs()], settings, "2025-12-30")).toMatchObject({ status: "met" }); // 61 days before
  });

  it("is still in date on the recheck day itself and lapses the day after", () => {
    expect(evaluateDbs([dbs()], settings, "2026-03-01")).toMatchObject({ status: "due", validUntil: "2026-03-01" });
    expect(evaluateDbs([dbs()], settings, "2026-03-02")).toMatchObject({
      status: "expired", lapsedOn: "2026-03-02",
      reason: "Recheck due by our policy since 2 Mar 2026 (DBS issued 1 Mar 2023 (clear))",
    });
  });

  it("reads an overdue recheck differently from having no check", () => {
    const overdue = evaluateDbs([dbs()], settings, "2027-01-01");
    const none = evaluateDbs([], settings, "2027-01-01");
    expect(overdue.status).toBe("expired");
    expect(none.status).toBe("missing");
    expect(overdue.reason).toMatch(/^Recheck due by our policy/);
  });

  it("handles a certificate issued on 29 February (recheck on 28 February three years on... or 1 March?)", () => {
    // date-fns clamps 29 Feb + 3 years to 28 Feb 2027: the recheck is never later than policy.
    expect(evaluateDbs([dbs({ issuedOn: "2024-02-29" })], settings, "2027-02-28")).toMatchObject({ status: "due", validUntil: "2027-02-28" });
    expect(evaluateDbs([dbs({ issuedOn: "2024-02-29" })], settings, "2027-03-01")).toMatchObject({ status: "expired", lapsedOn: "2027-03-01" });
  });

  it("counts a check the centre accepted after a risk assessment", () => {
    expect(evaluateDbs([dbs({ decision: "accepted_after_risk_assessment" })], settings, "2024-01-01")).toMatchObject({
      status: "met", reason: "Enhanced DBS issued 1 Mar 2023 (risk-assessed and accepted); recheck by 1 Mar 2026",
    });
  });

  it("does not count a check the centre did not accept, even if an older one was clear", () => {
    const checks = [dbs({ issuedOn: "2020-01-01" }), dbs({ issuedOn: "2023-03-01", decision: "not_accepted" })];
    expect(evaluateDbs(checks, settings, "2023-06-01")).toMatchObject({
      status: "not_accepted", reason: "Not accepted: the centre did not accept the latest DBS certificate (issued 1 Mar 2023)",
    });
    // ...but on a date before the refused one, the older clear check stood.
    expect(evaluateDbs(checks, settings, "2022-06-01")).toMatchObject({ status: "met" });
  });

  it("uses the newest accepted certificate", () => {
    expect(evaluateDbs([dbs({ issuedOn: "2019-01-01" }), dbs({ issuedOn: "2024-05-05" })], settings, "2025-01-01")).toMatchObject({ status: "met", validUntil: "2027-05-05" });
  });

  describe("for Update Service members", () => {
    const subscribed = (statusChecks: DbsCheckFacts["statusChecks"]) => dbs({ issuedOn: "2020-03-01", updateServiceSubscribed: true, statusChecks });

    it("stays in date for twelve months after a clear status check", () => {
      expect(evaluateDbs([subscribed([{ checkedOn: "2025-06-10", result: "no_change" }])], settings, "2025-09-01")).toMatchObject({
        status: "met", validUntil: "2026-06-10",
        reason: "Enhanced DBS issued 1 Mar 2020 (clear); last Update Service check 10 Jun 2025 showed no new information; next status check by 10 Jun 2026",
      });
    });

    it("asks for the next status check when the last is more than twelve months old", () => {
      expect(evaluateDbs([subscribed([{ checkedOn: "2024-06-10", result: "no_change" }])], settings, "2025-06-11")).toMatchObject({
        status: "expired", lapsedOn: "2025-06-11",
        reason: "Update Service status check due by our policy since 11 Jun 2025 (last Update Service check 10 Jun 2024 showed no new information)",
      });
    });

    it("says a clear status check will do when the recheck is overdue", () => {
      expect(evaluateDbs([subscribed([])], settings, "2023-03-02").reason).toBe(
        "Recheck due by our policy since 2 Mar 2023 (DBS issued 1 Mar 2020 (clear); on the Update Service, so a clear status check will do)",
      );
    });

    it("treats new information as needing a new check, from the day it was found", () => {
      const checks = [subscribed([{ checkedOn: "2024-01-01", result: "no_change" }, { checkedOn: "2024-08-01", result: "new_information" }])];
      expect(evaluateDbs(checks, settings, "2024-08-01")).toMatchObject({
        status: "expired", lapsedOn: "2024-08-01", reason: "Update Service check on 1 Aug 2024 found new information: a new DBS check is needed",
      });
      expect(evaluateDbs(checks, settings, "2024-07-31")).toMatchObject({ status: "met" });
    });

    it("ignores status checks for someone not subscribed", () => {
      const check = dbs({ issuedOn: "2020-03-01", updateServiceSubscribed: false, statusChecks: [{ checkedOn: "2025-01-01", result: "no_change" }] });
      expect(evaluateDbs([check], settings, "2025-02-01")).toMatchObject({ status: "expired" });
    });
  });
});

describe("references", () => {
  const ref = (receivedOn: string | null, outcome: string | null = receivedOn ? "satisfactory" : null, requestedOn = "2024-01-05") => ({ requestedOn, receivedOn, outcome });

  it("are met once the required number of satisfactory ones are in, on the day the last arrived", () => {
    const refs = [ref("2024-01-20"), ref("2024-02-03")];
    expect(evaluateReferences(refs, 2, "2024-02-03")).toMatchObject({ status: "met", reason: "2 satisfactory references (the second received 3 Feb 2024)" });
    expect(evaluateReferences(refs, 2, "2024-02-02")).toMatchObject({ status: "missing", reason: "1 of 2 satisfactory references received; 1 awaited since 5 Jan 2024" });
  });
  it("do not count unsatisfactory references", () => {
    expect(evaluateReferences([ref("2024-01-20"), ref("2024-01-21", "unsatisfactory")], 2, "2024-03-01")).toMatchObject({
      status: "missing", reason: "1 of 2 satisfactory references received; 1 not satisfactory",
    });
  });
  it("say when none have been asked for", () => {
    expect(evaluateReferences([], 2, "2024-03-01")).toMatchObject({ status: "missing", reason: "0 of 2 satisfactory references received; none requested yet" });
  });
  it("follow the centre's setting for how many are needed", () => {
    expect(evaluateReferences([ref("2024-01-20")], 1, "2024-03-01").status).toBe("met");
    expect(evaluateReferences([ref("2024-01-20"), ref("2024-01-21")], 3, "2024-03-01").status).toBe("missing");
    expect(evaluateReferences([], 0, "2024-03-01")).toMatchObject({ status: "met", reason: "No references required by centre policy" });
  });
  it("never lapse", () => {
    expect(evaluateReferences([ref("2010-01-20"), ref("2010-01-21")], 2, "2030-01-01").status).toBe("met");
  });
});

describe("a course", () => {
  const done = (completedOn: string, courseId = "sg") => ({ courseId, completedOn });

  it("is not required for roles it does not name", () => {
    expect(evaluateCourse(coordinatorTraining, [], ["volunteer"], settings, "2025-01-01")).toMatchObject({ status: "not_required", reason: "Not required for volunteer" });
  });
  it("is missing when never completed, naming the role that needs it", () => {
    expect(evaluateCourse(coordinatorTraining, [], ["volunteer", "deputy_coordinator"], settings, "2025-01-01")).toMatchObject({
      status: "missing", reason: "Not completed; required for deputy co-ordinator",
    });
  });
  it("is in date for its validity period, due in the window, and out of date the day after", () => {
    const records = [done("2025-03-01")];
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2025-12-30")).toMatchObject({ status: "met", validUntil: "2026-03-01", reason: "In date until 1 Mar 2026 (completed 1 Mar 2025)" });
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2026-01-01")).toMatchObject({ status: "due", reason: "Due by 1 Mar 2026 (completed 1 Mar 2025)" });
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2026-03-01")).toMatchObject({ status: "due" });
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2026-03-02")).toMatchObject({
      status: "expired", lapsedOn: "2026-03-02", reason: "Out of date since 2 Mar 2026 (completed 1 Mar 2025)",
    });
  });
  it("handles a refresher done on 29 February", () => {
    expect(evaluateCourse(safeguarding, [done("2024-02-29")], ["staff"], settings, "2025-02-28")).toMatchObject({ status: "due", validUntil: "2025-02-28" });
    expect(evaluateCourse(safeguarding, [done("2024-02-29")], ["staff"], settings, "2025-03-01")).toMatchObject({ status: "expired" });
  });
  it("uses the latest completion on or before the date", () => {
    const records = [done("2023-02-01"), done("2024-02-10"), done("2025-02-15")];
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2024-06-01")).toMatchObject({ validUntil: "2025-02-10" });
    expect(evaluateCourse(safeguarding, records, ["volunteer"], settings, "2025-06-01")).toMatchObject({ validUntil: "2026-02-15" });
  });
  it("never expires when it has no validity period", () => {
    expect(evaluateCourse(induction, [done("2001-05-01", "in")], ["volunteer"], settings, "2030-01-01")).toMatchObject({ status: "met", reason: "Completed 1 May 2001; does not expire" });
  });
  it("ignores completions of other courses", () => {
    expect(evaluateCourse(induction, [done("2020-01-01", "sg")], ["volunteer"], settings, "2025-01-01").status).toBe("missing");
  });
  it("is not required once retired", () => {
    expect(evaluateCourse({ ...safeguarding, retired: true }, [], ["volunteer"], settings, "2025-01-01")).toMatchObject({ status: "not_required", reason: "No longer required (course retired)" });
  });
  it("follows the centre's warning window", () => {
    expect(evaluateCourse(safeguarding, [done("2025-03-01")], ["volunteer"], { ...settings, dueSoonDays: 90 }, "2025-12-05").status).toBe("due");
  });
});

describe("a person", () => {
  const volunteer: PersonFacts = {
    startedOn: "2023-04-01",
    leftOn: null,
    roles: [{ role: "volunteer", startedOn: "2023-04-01", endedOn: null }],
    dbsChecks: [dbs()],
    references: [
      { requestedOn: "2023-02-01", receivedOn: "2023-02-15", outcome: "satisfactory" },
      { requestedOn: "2023-02-01", receivedOn: "2023-03-10", outcome: "satisfactory" },
    ],
    training: [{ courseId: "sg", completedOn: "2025-05-01" }, { courseId: "in", completedOn: "2023-03-20" }],
  };
  const courses = [induction, safeguarding, coordinatorTraining];

  it("is cleared and fully compliant with DBS, references and training in date", () => {
    const result = evaluatePerson(volunteer, courses, settings, "2025-06-01");
    expect(result).toMatchObject({ counted: true, cleared: true, fullyCompliant: true, roles: ["volunteer"], clearedReason: "Cleared to work: enhanced DBS and references in place" });
    expect(result.requirements.map((r) => [r.key, r.status])).toEqual([
      ["dbs", "met"], ["references", "met"], ["course:in", "met"], ["course:sg", "met"], ["course:co", "not_required"],
    ]);
  });

  it("is cleared but not fully compliant when training has lapsed", () => {
    const lapsed = { ...volunteer, training: [{ courseId: "sg", completedOn: "2024-05-01" }, { courseId: "in", completedOn: "2023-03-20" }] };
    const result = evaluatePerson(lapsed, courses, settings, "2025-06-01");
    expect(result).toMatchObject({ cleared: true, fullyCompliant: false });
    expect(result.requirements.find((r) => r.key === "course:sg")?.status).toBe("expired");
  });

  it("is not cleared once the DBS recheck is overdue, saying why", () => {
    const result = evaluatePerson(volunteer, courses, settings, "2026-03-02");
    expect(result.cleared).toBe(false);
    expect(result.clearedReason).toBe("Not cleared to work: Recheck due by our policy since 2 Mar 2026 (DBS issued 1 Mar 2023 (clear))");
  });

  it("is not cleared before both checks were in place, as it stood on a past date", () => {
    expect(evaluatePerson(volunteer, courses, settings, "2023-03-09")).toMatchObject({
      cleared: false, clearedReason: "Not cleared to work: 1 of 2 satisfactory references received; 1 awaited since 1 Feb 2023",
    });
    expect(evaluatePerson(volunteer, courses, settings, "2023-03-10").cleared).toBe(true);
  });

  it("needs co-ordinator training from the day they become deputy, not before", () => {
    const promoted: PersonFacts = {
      ...volunteer,
      roles: [
        { role: "volunteer", startedOn: "2023-04-01", endedOn: "2025-08-31" },
        { role: "deputy_coordinator", startedOn: "2025-09-01", endedOn: null },
      ],
    };
    const before = evaluatePerson(promoted, courses, settings, "2025-08-31");
    const on = evaluatePerson(promoted, courses, settings, "2025-09-01");
    expect(before.requirements.find((r) => r.key === "course:co")?.status).toBe("not_required");
    expect(on.requirements.find((r) => r.key === "course:co")).toMatchObject({ status: "missing", reason: "Not completed; required for deputy co-ordinator" });
    expect(on).toMatchObject({ roles: ["deputy_coordinator"], cleared: true, fullyCompliant: false });
  });

  it("needs what each of several roles needs", () => {
    const both: PersonFacts = { ...volunteer, roles: [{ role: "trustee", startedOn: "2020-01-01", endedOn: null }, { role: "coordinator", startedOn: "2020-01-01", endedOn: null }] };
    const result = evaluatePerson(both, courses, settings, "2025-06-01");
    expect(result.requirements.find((r) => r.key === "course:co")?.status).toBe("missing");
    expect(result.requirements.find((r) => r.key === "course:sg")?.status).toBe("met");
  });

  it("asks a trustee for DBS and references but not for family-facing training", () => {
    const trustee: PersonFacts = { ...volunteer, roles: [{ role: "trustee", startedOn: "2023-04-01", endedOn: null }], training: [] };
    const result = evaluatePerson(trustee, courses, settings, "2025-06-01");
    expect(result).toMatchObject({ cleared: true, fullyCompliant: true });
    expect(result.requirements.filter((r) => r.status !== "not_required").map((r) => r.key)).toEqual(["dbs", "references"]);
  });

  it("is not counted after they leave, but is on their last day", () => {
    const leaver = { ...volunteer, leftOn: "2025-06-30" };
    expect(evaluatePerson(leaver, courses, settings, "2025-06-30").counted).toBe(true);
    expect(evaluatePerson(leaver, courses, settings, "2025-07-01")).toMatchObject({ counted: false, notCountedReason: "Left on 30 Jun 2025" });
  });

  it("is not counted on a date when they held no role", () => {
    expect(evaluatePerson(volunteer, courses, settings, "2023-03-31")).toMatchObject({ counted: false, notCountedReason: "Held no role at the centre on this date" });
  });

  it("copes with no records at all", () => {
    const applicant: PersonFacts = { startedOn: null, leftOn: null, roles: [{ role: "volunteer", startedOn: "2025-01-01", endedOn: null }], dbsChecks: [], references: [], training: [] };
    const result = evaluatePerson(applicant, courses, settings, "2025-02-01");
    expect(result).toMatchObject({ counted: true, cleared: false, fullyCompliant: false, findings: [] });
    expect(result.clearedReason).toBe("Not cleared to work: No DBS check on record; 0 of 2 satisfactory references received; none requested yet");
  });
});

describe("safer-recruitment findings", () => {
  it("flag someone who started before their DBS check or references were in", () => {
    const person: PersonFacts = {
      startedOn: "2024-03-01", leftOn: null, roles: [],
      dbsChecks: [dbs({ issuedOn: "2024-03-05" })],
      references: [{ requestedOn: "2024-02-01", receivedOn: "2024-02-10", outcome: "satisfactory" }, { requestedOn: "2024-02-01", receivedOn: "2024-03-20", outcome: "satisfactory" }],
      training: [],
    };
    expect(recruitmentFindings(person, settings)).toEqual([
      "Started 1 Mar 2024, before their enhanced DBS check (issued 5 Mar 2024)",
      "Started 1 Mar 2024, before their references were in (the second received 20 Mar 2024)",
    ]);
  });
  it("find nothing when checks came first (the same day counts as before)", () => {
    const person: PersonFacts = {
      startedOn: "2024-03-05", leftOn: null, roles: [], dbsChecks: [dbs({ issuedOn: "2024-03-05" })],
      references: [{ requestedOn: "2024-02-01", receivedOn: "2024-02-10", outcome: "satisfactory" }, { requestedOn: "2024-02-01", receivedOn: "2024-02-11", outcome: "satisfactory" }],
      training: [],
    };
    expect(recruitmentFindings(person, settings)).toEqual([]);
  });
});

describe("the DBS rules read the whole picture", () => {
  const childOnly = { ...DEFAULT_SETTINGS, requireChildrenBarredList: false };
  const barredRequired = { ...DEFAULT_SETTINGS, requireChildrenBarredList: true };

  it("clears only a child (or child and adult) workforce check", () => {
    expect(evaluateDbs([dbs({ workforce: "child_and_adult" })], settings, "2024-01-01")).toMatchObject({ status: "met", code: "dbs_policy" });
    expect(evaluateDbs([dbs({ workforce: "adult" })], settings, "2024-01-01")).toMatchObject({
      status: "missing", code: "dbs_wrong_workforce",
      reason: "Adult workforce check only (issued 1 Mar 2023): work with children needs a child workforce enhanced check",
    });
    expect(evaluateDbs([dbs({ workforce: "other" })], settings, "2024-01-01")).toMatchObject({ status: "missing", code: "dbs_wrong_workforce" });
  });

  it("does not clear someone whose only check is for the adult workforce, and says so", () => {
    const person: PersonFacts = {
      startedOn: "2023-04-01", leftOn: null, roles: [{ role: "volunteer", startedOn: "2023-04-01", endedOn: null }],
      dbsChecks: [dbs({ workforce: "adult" })],
      references: [{ requestedOn: "2023-02-01", receivedOn: "2023-02-15", outcome: "satisfactory" }, { requestedOn: "2023-02-01", receivedOn: "2023-02-16", outcome: "satisfactory" }],
      training: [],
    };
    const result = rules.evaluatePerson(person, [], settings, "2024-01-01");
    expect(result).toMatchObject({ cleared: false, blockers: ["dbs_wrong_workforce"] });
    expect(clearedWords(result)).toBe("Not cleared to work: Adult workforce check only (issued 1 Mar 2023): work with children needs a child workforce enhanced check");
  });

  it("keeps an older child workforce check in date when a newer accepted one is for adults only", () => {
    const checks = [dbs({ issuedOn: "2023-03-01" }), dbs({ issuedOn: "2024-01-10", workforce: "adult" })];
    expect(evaluateDbs(checks, settings, "2024-06-01")).toMatchObject({ status: "met", validUntil: "2026-03-01" });
  });

  it("asks for the children's barred list only when the centre requires it", () => {
    const withoutList = dbs({ level: "enhanced" });
    expect(evaluateDbs([withoutList], childOnly, "2024-01-01").status).toBe("met");
    expect(evaluateDbs([withoutList], barredRequired, "2024-01-01")).toMatchObject({
      status: "missing", code: "dbs_no_children_barred_list",
      reason: "The children's barred list was not checked (certificate issued 1 Mar 2023); this centre requires it",
    });
    expect(evaluateDbs([dbs({ level: "enhanced_barred", childrenBarredListChecked: true })], barredRequired, "2024-01-01").status).toBe("met");
  });

  it("says Not accepted for a refused certificate, not Missing", () => {
    const refused = evaluateDbs([dbs({ decision: "not_accepted" })], settings, "2024-01-01");
    expect(refused).toMatchObject({ status: "not_accepted", code: "dbs_not_accepted" });
    expect(rules.STATUS_WORDS[refused.status]).toBe("Not accepted");
    expect(rules.clearanceBlockers(refused, rules.evaluateReferences([], 0, "2024-01-01"))).toEqual(["dbs_not_accepted"]);
  });

  describe("Update Service checks across certificates", () => {
    const older = (statusChecks: DbsCheckFacts["statusChecks"]) => dbs({ issuedOn: "2020-03-01", updateServiceSubscribed: true, statusChecks });

    it("counts a clear status check on an older subscribed certificate after a newer one was issued", () => {
      // The newer certificate is not on the Update Service: the status check can only be recorded on the older one.
      const checks = [older([{ checkedOn: "2025-06-10", result: "no_change" }]), dbs({ issuedOn: "2021-05-01" })];
      expect(evaluateDbs(checks, settings, "2025-09-01")).toMatchObject({
        status: "met", code: "dbs_update_service", validUntil: "2026-06-10",
        reason: "Enhanced DBS issued 1 May 2021 (clear); last Update Service check 10 Jun 2025 showed no new information; next status check by 10 Jun 2026",
      });
    });

    it("lets the newest certificate's refusal win over any status check", () => {
      const checks = [older([{ checkedOn: "2025-06-10", result: "no_change" }]), dbs({ issuedOn: "2025-01-01", decision: "not_accepted" })];
      expect(evaluateDbs(checks, settings, "2025-09-01")).toMatchObject({ status: "not_accepted" });
    });

    it("needs a new check when new information is found after the newest certificate, not before it", () => {
      const foundLater = [older([{ checkedOn: "2024-02-01", result: "new_information" }]), dbs({ issuedOn: "2023-06-01" })];
      expect(evaluateDbs(foundLater, settings, "2024-03-01")).toMatchObject({ status: "expired", code: "dbs_new_information", lapsedOn: "2024-02-01" });
      const supersededByNewer = [older([{ checkedOn: "2023-01-01", result: "new_information" }]), dbs({ issuedOn: "2023-06-01" })];
      expect(evaluateDbs(supersededByNewer, settings, "2024-03-01")).toMatchObject({ status: "met", code: "dbs_policy", validUntil: "2026-06-01" });
    });

    it("does not let a clear check before new information count", () => {
      const checks = [older([{ checkedOn: "2024-01-01", result: "no_change" }, { checkedOn: "2024-08-01", result: "new_information" }]), dbs({ issuedOn: "2024-09-01" })];
      // The new certificate supersedes the new information; the old clear check no longer carries anything.
      expect(evaluateDbs(checks, settings, "2025-01-01")).toMatchObject({ status: "met", code: "dbs_policy", validUntil: "2027-09-01" });
    });
  });
});
