-- A centre's standing version: goes up whenever its people's stored standing is written
-- (refreshStanding does it in the same transaction) or a person is deleted and their standing
-- with them, so that counts read from stored standing can be kept until it changes.
-- Added in place: redefining "Centre" would drop its trigger on policy changes.
ALTER TABLE "Centre" ADD COLUMN "standingVersion" INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER "Person_standing_delete" AFTER DELETE ON "Person"
BEGIN UPDATE "Centre" SET "standingVersion" = "standingVersion" + 1 WHERE "id" = OLD."centreId"; END;
