-- Safeguarding holds after a rota is published (issue 9).

-- Centre settings: the children's barred list, and whose bank holidays apply.
ALTER TABLE "Centre" ADD COLUMN "requireChildrenBarredList" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Centre" ADD COLUMN "nation" TEXT NOT NULL DEFAULT 'england_wales';

-- Whether a DBS check included the children's barred list. Before this was recorded, an
-- "enhanced with barred list" check for the child workforce is taken to have included it.
ALTER TABLE "DbsCheck" ADD COLUMN "childrenBarredListChecked" BOOLEAN NOT NULL DEFAULT false;
UPDATE "DbsCheck" SET "childrenBarredListChecked" = true
  WHERE "level" = 'enhanced_barred' AND "workforce" IN ('child', 'child_and_adult');

-- Overlapping rotas could hold the same session date twice. Keep the first shift of each
-- session date, move the other shifts' people onto it (unless already there), drop the rest.
CREATE TEMP TABLE "KeepShift" AS
  SELECT s."id" AS "shiftId",
         (SELECT k."id" FROM "Shift" k WHERE k."sessionId" = s."sessionId" AND k."date" = s."date" ORDER BY k."createdAt", k."id" LIMIT 1) AS "keepId"
  FROM "Shift" s;
DELETE FROM "KeepShift" WHERE "shiftId" = "keepId";
UPDATE "ShiftAssignment"
  SET "shiftId" = (SELECT "keepId" FROM "KeepShift" WHERE "KeepShift"."shiftId" = "ShiftAssignment"."shiftId")
  WHERE "shiftId" IN (SELECT "shiftId" FROM "KeepShift")
    AND NOT EXISTS (
      SELECT 1 FROM "ShiftAssignment" other
      WHERE other."shiftId" = (SELECT "keepId" FROM "KeepShift" WHERE "KeepShift"."shiftId" = "ShiftAssignment"."shiftId")
        AND other."personId" = "ShiftAssignment"."personId");
DELETE FROM "ShiftAssignment" WHERE "shiftId" IN (SELECT "shiftId" FROM "KeepShift");
DELETE FROM "Shift" WHERE "id" IN (SELECT "shiftId" FROM "KeepShift");
DROP TABLE "KeepShift";
-- One place per person per shift: keep the first.
DELETE FROM "ShiftAssignment" WHERE rowid NOT IN (SELECT MIN(rowid) FROM "ShiftAssignment" GROUP BY "shiftId", "personId");

-- DropIndex
DROP INDEX "ShiftAssignment_shiftId_idx";

-- AlterTable
ALTER TABLE "ShiftAssignment" ADD COLUMN "withdrawnAt" DATETIME;
ALTER TABLE "ShiftAssignment" ADD COLUMN "withdrawnReason" TEXT;

-- CreateTable
CREATE TABLE "PersonStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effectiveOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PersonStatusChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Rota" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "mode" TEXT NOT NULL DEFAULT 'individuals',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rota_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Rota" ("centreId", "createdAt", "endsOn", "id", "mode", "publishedAt", "startsOn", "status", "updatedAt") SELECT "centreId", "createdAt", "endsOn", "id", "mode", "publishedAt", "startsOn", "status", "updatedAt" FROM "Rota";
DROP TABLE "Rota";
ALTER TABLE "new_Rota" RENAME TO "Rota";
CREATE INDEX "Rota_centreId_startsOn_idx" ON "Rota"("centreId", "startsOn");
CREATE TABLE "new_Shift" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rotaId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "coordinatorsNeeded" INTEGER NOT NULL,
    "volunteersNeeded" INTEGER NOT NULL,
    "staffNeeded" INTEGER NOT NULL,
    "teamId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shift_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "Rota" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Shift_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ContactSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Shift_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Shift" ("coordinatorsNeeded", "createdAt", "date", "endsAt", "id", "rotaId", "sessionId", "staffNeeded", "startsAt", "updatedAt", "volunteersNeeded") SELECT "coordinatorsNeeded", "createdAt", "date", "endsAt", "id", "rotaId", "sessionId", "staffNeeded", "startsAt", "updatedAt", "volunteersNeeded" FROM "Shift";
DROP TABLE "Shift";
ALTER TABLE "new_Shift" RENAME TO "Shift";
CREATE INDEX "Shift_rotaId_idx" ON "Shift"("rotaId");
CREATE INDEX "Shift_date_idx" ON "Shift"("date");
CREATE UNIQUE INDEX "Shift_sessionId_date_key" ON "Shift"("sessionId", "date");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PersonStatusChange_personId_effectiveOn_idx" ON "PersonStatusChange"("personId", "effectiveOn");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftAssignment_shiftId_personId_key" ON "ShiftAssignment"("shiftId", "personId");

-- Status history from what is known: active from their start date, paused or left as now.
INSERT INTO "PersonStatusChange" ("id", "personId", "status", "effectiveOn", "createdAt")
  SELECT 'sc-a-' || "id", "id", 'active', "startedOn", CURRENT_TIMESTAMP FROM "Person"
  WHERE "startedOn" IS NOT NULL AND "status" IN ('active', 'paused', 'left');
INSERT INTO "PersonStatusChange" ("id", "personId", "status", "effectiveOn", "createdAt")
  SELECT 'sc-p-' || "id", "id", 'paused', date('now'), CURRENT_TIMESTAMP FROM "Person" WHERE "status" = 'paused';
INSERT INTO "PersonStatusChange" ("id", "personId", "status", "effectiveOn", "createdAt")
  SELECT 'sc-l-' || "id", "id", 'left', COALESCE(date("leftOn", '+1 day'), date('now')), CURRENT_TIMESTAMP FROM "Person" WHERE "status" = 'left';
INSERT INTO "PersonStatusChange" ("id", "personId", "status", "effectiveOn", "createdAt")
  SELECT 'sc-n-' || "id", "id", 'applicant', date("createdAt"), CURRENT_TIMESTAMP FROM "Person"
  WHERE "status" = 'applicant' OR ("status" = 'active' AND "startedOn" IS NULL);
