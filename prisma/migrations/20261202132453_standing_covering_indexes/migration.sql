-- The dashboard's counts and lists read from indexes alone (no row lookups): wider indexes in
-- place of three narrower ones, so that writing standing keeps the same number of indexes.

-- DropIndex
DROP INDEX "PersonStanding_centreId_counted_untilDate_fromDate_cleared_fullyCompliant_idx";

-- DropIndex
DROP INDEX "PersonStanding_personId_idx";

-- DropIndex
DROP INDEX "RequirementStanding_centreId_validUntil_idx";

-- CreateIndex
CREATE INDEX "PersonStanding_centreId_counted_untilDate_fromDate_cleared_fullyCompliant_anyExpired_anyMissing_idx" ON "PersonStanding"("centreId", "counted", "untilDate", "fromDate", "cleared", "fullyCompliant", "anyExpired", "anyMissing");

-- CreateIndex
CREATE INDEX "PersonStanding_personId_fromDate_untilDate_counted_idx" ON "PersonStanding"("personId", "fromDate", "untilDate", "counted");

-- CreateIndex
CREATE INDEX "RequirementStanding_centreId_validUntil_status_fromDate_untilDate_requirementKey_personId_idx" ON "RequirementStanding"("centreId", "validUntil", "status", "fromDate", "untilDate", "requirementKey", "personId");
