-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PersonStatusChange" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "effectiveOn" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PersonStatusChange_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PersonStatusChange" ("createdAt", "effectiveOn", "id", "personId", "status") SELECT "createdAt", "effectiveOn", "id", "personId", "status" FROM "PersonStatusChange";
DROP TABLE "PersonStatusChange";
ALTER TABLE "new_PersonStatusChange" RENAME TO "PersonStatusChange";
CREATE INDEX "PersonStatusChange_personId_effectiveOn_idx" ON "PersonStatusChange"("personId", "effectiveOn");
CREATE TABLE "new_PersonRole" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "startedOn" TEXT NOT NULL,
    "endedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PersonRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_PersonRole" ("createdAt", "endedOn", "id", "personId", "role", "startedOn", "updatedAt") SELECT "createdAt", "endedOn", "id", "personId", "role", "startedOn", "updatedAt" FROM "PersonRole";
DROP TABLE "PersonRole";
ALTER TABLE "new_PersonRole" RENAME TO "PersonRole";
CREATE INDEX "PersonRole_personId_idx" ON "PersonRole"("personId");
CREATE TABLE "new_DbsCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "workforce" TEXT NOT NULL,
    "childrenBarredListChecked" BOOLEAN NOT NULL DEFAULT false,
    "certificateNumber" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "seenBy" TEXT NOT NULL,
    "seenOn" TEXT NOT NULL,
    "updateServiceSubscribed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DbsCheck_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_DbsCheck" ("certificateNumber", "childrenBarredListChecked", "createdAt", "decision", "id", "issuedOn", "level", "personId", "seenBy", "seenOn", "updateServiceSubscribed", "updatedAt", "workforce") SELECT "certificateNumber", "childrenBarredListChecked", "createdAt", "decision", "id", "issuedOn", "level", "personId", "seenBy", "seenOn", "updateServiceSubscribed", "updatedAt", "workforce" FROM "DbsCheck";
DROP TABLE "DbsCheck";
ALTER TABLE "new_DbsCheck" RENAME TO "DbsCheck";
CREATE INDEX "DbsCheck_personId_idx" ON "DbsCheck"("personId");
CREATE TABLE "new_Reference" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "refereeName" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "requestedOn" TEXT NOT NULL,
    "receivedOn" TEXT,
    "outcome" TEXT,
    "notes" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Reference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Reference" ("contact", "createdAt", "id", "notes", "outcome", "personId", "receivedOn", "refereeName", "relationship", "requestedOn", "updatedAt") SELECT "contact", "createdAt", "id", "notes", "outcome", "personId", "receivedOn", "refereeName", "relationship", "requestedOn", "updatedAt" FROM "Reference";
DROP TABLE "Reference";
ALTER TABLE "new_Reference" RENAME TO "Reference";
CREATE INDEX "Reference_personId_idx" ON "Reference"("personId");
CREATE TABLE "new_TrainingRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "completedOn" TEXT NOT NULL,
    "deliveryMethod" TEXT NOT NULL,
    "evidenceNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrainingRecord_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TrainingRecord" ("completedOn", "courseId", "createdAt", "deliveryMethod", "evidenceNote", "id", "personId", "updatedAt") SELECT "completedOn", "courseId", "createdAt", "deliveryMethod", "evidenceNote", "id", "personId", "updatedAt" FROM "TrainingRecord";
DROP TABLE "TrainingRecord";
ALTER TABLE "new_TrainingRecord" RENAME TO "TrainingRecord";
CREATE INDEX "TrainingRecord_personId_idx" ON "TrainingRecord"("personId");
CREATE INDEX "TrainingRecord_courseId_idx" ON "TrainingRecord"("courseId");
CREATE TABLE "new_ShiftAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shiftId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'assigned',
    "source" TEXT NOT NULL DEFAULT 'rota',
    "note" TEXT NOT NULL DEFAULT '',
    "withdrawnReason" TEXT,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ShiftAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShiftAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ShiftAssignment" ("createdAt", "id", "note", "personId", "shiftId", "slot", "source", "status", "updatedAt", "withdrawnAt", "withdrawnReason") SELECT "createdAt", "id", "note", "personId", "shiftId", "slot", "source", "status", "updatedAt", "withdrawnAt", "withdrawnReason" FROM "ShiftAssignment";
DROP TABLE "ShiftAssignment";
ALTER TABLE "new_ShiftAssignment" RENAME TO "ShiftAssignment";
CREATE INDEX "ShiftAssignment_personId_idx" ON "ShiftAssignment"("personId");
CREATE UNIQUE INDEX "ShiftAssignment_shiftId_personId_key" ON "ShiftAssignment"("shiftId", "personId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

