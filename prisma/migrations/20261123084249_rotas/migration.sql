-- CreateTable
CREATE TABLE "ContactSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "location" TEXT NOT NULL DEFAULT '',
    "frequency" TEXT NOT NULL,
    "interval" INTEGER NOT NULL DEFAULT 1,
    "weekdays" TEXT NOT NULL,
    "weekOfMonth" INTEGER,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "startTime" TEXT NOT NULL,
    "endTime" TEXT NOT NULL,
    "coordinatorsNeeded" INTEGER NOT NULL DEFAULT 1,
    "volunteersNeeded" INTEGER NOT NULL DEFAULT 3,
    "staffNeeded" INTEGER NOT NULL DEFAULT 0,
    "skipBankHolidays" BOOLEAN NOT NULL DEFAULT true,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ContactSession_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "sessionId" TEXT,
    "date" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Closure_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Closure_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ContactSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExtraSessionDate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ExtraSessionDate_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ContactSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Unavailability" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Unavailability_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rota" (
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

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rotaId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "coordinatorsNeeded" INTEGER NOT NULL,
    "volunteersNeeded" INTEGER NOT NULL,
    "staffNeeded" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Shift_rotaId_fkey" FOREIGN KEY ("rotaId") REFERENCES "Rota" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Shift_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "ContactSession" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShiftAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shiftId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'assigned',
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ShiftAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShiftAssignment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Team_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeamMember_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamMember_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Centre" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "offersSupported" BOOLEAN NOT NULL DEFAULT true,
    "offersSupervised" BOOLEAN NOT NULL DEFAULT false,
    "referencesRequired" INTEGER NOT NULL DEFAULT 2,
    "dueSoonDays" INTEGER NOT NULL DEFAULT 60,
    "dbsRecheckYears" INTEGER NOT NULL DEFAULT 3,
    "updateServiceCheckMonths" INTEGER NOT NULL DEFAULT 12,
    "serveEveryWeeks" INTEGER NOT NULL DEFAULT 4,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Centre_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Centre" ("createdAt", "dbsRecheckYears", "dueSoonDays", "id", "name", "offersSupervised", "offersSupported", "organisationId", "referencesRequired", "updateServiceCheckMonths", "updatedAt") SELECT "createdAt", "dbsRecheckYears", "dueSoonDays", "id", "name", "offersSupervised", "offersSupported", "organisationId", "referencesRequired", "updateServiceCheckMonths", "updatedAt" FROM "Centre";
DROP TABLE "Centre";
ALTER TABLE "new_Centre" RENAME TO "Centre";
CREATE INDEX "Centre_organisationId_idx" ON "Centre"("organisationId");
CREATE TABLE "new_Person" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "status" TEXT NOT NULL DEFAULT 'applicant',
    "startedOn" TEXT,
    "leftOn" TEXT,
    "usesCentreForOwnFamily" BOOLEAN NOT NULL DEFAULT false,
    "conflictNote" TEXT,
    "serveEveryWeeks" INTEGER,
    "preferredDays" TEXT NOT NULL DEFAULT '',
    "calendarToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("centreId", "conflictNote", "createdAt", "email", "firstName", "id", "lastName", "leftOn", "phone", "startedOn", "status", "updatedAt", "usesCentreForOwnFamily") SELECT "centreId", "conflictNote", "createdAt", "email", "firstName", "id", "lastName", "leftOn", "phone", "startedOn", "status", "updatedAt", "usesCentreForOwnFamily" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_calendarToken_key" ON "Person"("calendarToken");
CREATE INDEX "Person_centreId_status_idx" ON "Person"("centreId", "status");
CREATE INDEX "Person_centreId_lastName_idx" ON "Person"("centreId", "lastName");
CREATE UNIQUE INDEX "Person_centreId_email_key" ON "Person"("centreId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContactSession_centreId_idx" ON "ContactSession"("centreId");

-- CreateIndex
CREATE INDEX "Closure_centreId_date_idx" ON "Closure"("centreId", "date");

-- CreateIndex
CREATE INDEX "ExtraSessionDate_sessionId_idx" ON "ExtraSessionDate"("sessionId");

-- CreateIndex
CREATE INDEX "Unavailability_personId_idx" ON "Unavailability"("personId");

-- CreateIndex
CREATE INDEX "Rota_centreId_startsOn_idx" ON "Rota"("centreId", "startsOn");

-- CreateIndex
CREATE INDEX "Shift_rotaId_idx" ON "Shift"("rotaId");

-- CreateIndex
CREATE INDEX "Shift_date_idx" ON "Shift"("date");

-- CreateIndex
CREATE INDEX "ShiftAssignment_shiftId_idx" ON "ShiftAssignment"("shiftId");

-- CreateIndex
CREATE INDEX "ShiftAssignment_personId_idx" ON "ShiftAssignment"("personId");

-- CreateIndex
CREATE INDEX "Team_centreId_idx" ON "Team"("centreId");

-- CreateIndex
CREATE INDEX "TeamMember_personId_idx" ON "TeamMember"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamMember_teamId_personId_key" ON "TeamMember"("teamId", "personId");
