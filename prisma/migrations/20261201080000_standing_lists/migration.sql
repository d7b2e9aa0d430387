-- The dashboard from stored standing without walking every requirement: which lists a
-- person is on is kept with their standing, and what falls due is read by date across the centre.
ALTER TABLE "PersonStanding" ADD COLUMN "anyExpired" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "PersonStanding" ADD COLUMN "anyMissing" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "RequirementStanding_centreId_validUntil_idx" ON "RequirementStanding"("centreId", "validUntil");
-- The dashboard's counts on month ends: segments open-ended, and segments ending after the date, each one range.
CREATE INDEX "PersonStanding_centreId_counted_untilDate_fromDate_cleared_fullyCompliant_idx" ON "PersonStanding"("centreId", "counted", "untilDate", "fromDate", "cleared", "fullyCompliant");

-- Everyone's standing is worked out again, now with the two flags.
UPDATE "Person" SET "standingStale" = true;
