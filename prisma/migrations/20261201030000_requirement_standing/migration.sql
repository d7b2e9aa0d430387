-- Stored standing, requirement by requirement: each requirement's status and its valid-until and
-- lapsed-on dates, as dated segments, so the dashboard's lists are comparisons. Kept by the same
-- sweep as PersonStanding and made stale by the same triggers.
CREATE TABLE "RequirementStanding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "requirementKey" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "status" TEXT NOT NULL,
    "validUntil" TEXT,
    "lapsedOn" TEXT,
    CONSTRAINT "RequirementStanding_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RequirementStanding_personId_idx" ON "RequirementStanding"("personId");

-- Counts on a date (the dashboard's chart of month ends) read from this index alone.
CREATE INDEX "PersonStanding_centreId_counted_fromDate_untilDate_cleared_fullyCompliant_idx" ON "PersonStanding"("centreId", "counted", "fromDate", "untilDate", "cleared", "fullyCompliant");

-- Everyone's standing is worked out again, now with their requirements.
UPDATE "Person" SET "standingStale" = true;
