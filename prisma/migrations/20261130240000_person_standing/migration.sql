-- Stored standing: each person's compliance over time, kept as dated segments, and a flag the
-- database itself raises whenever something the rules read changes, however it was changed.
ALTER TABLE "Person" ADD COLUMN "standingStale" BOOLEAN NOT NULL DEFAULT true;
CREATE INDEX "Person_centreId_standingStale_idx" ON "Person"("centreId", "standingStale");

CREATE TABLE "PersonStanding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personId" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "fromDate" TEXT NOT NULL,
    "untilDate" TEXT,
    "counted" BOOLEAN NOT NULL,
    "cleared" BOOLEAN NOT NULL,
    "fullyCompliant" BOOLEAN NOT NULL,
    "attention" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    CONSTRAINT "PersonStanding_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "PersonStanding_centreId_fromDate_idx" ON "PersonStanding"("centreId", "fromDate");
CREATE INDEX "PersonStanding_personId_idx" ON "PersonStanding"("personId");

-- A person's own records and dates.
CREATE TRIGGER "Person_standing_dates" AFTER UPDATE OF "startedOn", "leftOn", "status" ON "Person"
BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."id"; END;
CREATE TRIGGER "PersonRole_standing_insert" AFTER INSERT ON "PersonRole" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "PersonRole_standing_update" AFTER UPDATE ON "PersonRole" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "PersonRole_standing_delete" AFTER DELETE ON "PersonRole" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "PersonStatusChange_standing_insert" AFTER INSERT ON "PersonStatusChange" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "PersonStatusChange_standing_update" AFTER UPDATE ON "PersonStatusChange" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "PersonStatusChange_standing_delete" AFTER DELETE ON "PersonStatusChange" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "DbsCheck_standing_insert" AFTER INSERT ON "DbsCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "DbsCheck_standing_update" AFTER UPDATE ON "DbsCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "DbsCheck_standing_delete" AFTER DELETE ON "DbsCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "DbsStatusCheck_standing_insert" AFTER INSERT ON "DbsStatusCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = (SELECT "personId" FROM "DbsCheck" WHERE "id" = NEW."dbsCheckId"); END;
CREATE TRIGGER "DbsStatusCheck_standing_update" AFTER UPDATE ON "DbsStatusCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (SELECT "personId" FROM "DbsCheck" WHERE "id" IN (OLD."dbsCheckId", NEW."dbsCheckId")); END;
CREATE TRIGGER "DbsStatusCheck_standing_delete" AFTER DELETE ON "DbsStatusCheck" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = (SELECT "personId" FROM "DbsCheck" WHERE "id" = OLD."dbsCheckId"); END;
CREATE TRIGGER "Reference_standing_insert" AFTER INSERT ON "Reference" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "Reference_standing_update" AFTER UPDATE ON "Reference" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "Reference_standing_delete" AFTER DELETE ON "Reference" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = OLD."personId"; END;
CREATE TRIGGER "TrainingRecord_standing_insert" AFTER INSERT ON "TrainingRecord" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = NEW."personId"; END;
CREATE TRIGGER "TrainingRecord_standing_update" AFTER UPDATE ON "TrainingRecord" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" IN (OLD."personId", NEW."personId"); END;
CREATE TRIGGER "TrainingRecord_standing_delete" AFTER DELETE ON "TrainingRecord" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "id" = OLD."personId"; END;

-- The centre's policy: everyone at the centre.
CREATE TRIGGER "Centre_standing_policy" AFTER UPDATE OF "referencesRequired", "dueSoonDays", "dbsRecheckYears", "updateServiceCheckMonths", "requireChildrenBarredList" ON "Centre"
BEGIN UPDATE "Person" SET "standingStale" = true WHERE "centreId" = NEW."id"; END;
CREATE TRIGGER "Course_standing_insert" AFTER INSERT ON "Course" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "centreId" = NEW."centreId"; END;
CREATE TRIGGER "Course_standing_update" AFTER UPDATE ON "Course" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "centreId" IN (OLD."centreId", NEW."centreId"); END;
CREATE TRIGGER "Course_standing_delete" AFTER DELETE ON "Course" BEGIN UPDATE "Person" SET "standingStale" = true WHERE "centreId" = OLD."centreId"; END;
