-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmailMessage_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "reminderLeadDays" TEXT NOT NULL DEFAULT '60,30,7,0',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Centre_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Centre" ("createdAt", "dbsRecheckYears", "dueSoonDays", "id", "name", "offersSupervised", "offersSupported", "organisationId", "referencesRequired", "serveEveryWeeks", "updateServiceCheckMonths", "updatedAt") SELECT "createdAt", "dbsRecheckYears", "dueSoonDays", "id", "name", "offersSupervised", "offersSupported", "organisationId", "referencesRequired", "serveEveryWeeks", "updateServiceCheckMonths", "updatedAt" FROM "Centre";
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
    "reminderMode" TEXT NOT NULL DEFAULT 'individual',
    "calendarToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Person_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Person" ("calendarToken", "centreId", "conflictNote", "createdAt", "email", "firstName", "id", "lastName", "leftOn", "phone", "preferredDays", "serveEveryWeeks", "startedOn", "status", "updatedAt", "usesCentreForOwnFamily") SELECT "calendarToken", "centreId", "conflictNote", "createdAt", "email", "firstName", "id", "lastName", "leftOn", "phone", "preferredDays", "serveEveryWeeks", "startedOn", "status", "updatedAt", "usesCentreForOwnFamily" FROM "Person";
DROP TABLE "Person";
ALTER TABLE "new_Person" RENAME TO "Person";
CREATE UNIQUE INDEX "Person_calendarToken_key" ON "Person"("calendarToken");
CREATE INDEX "Person_centreId_status_idx" ON "Person"("centreId", "status");
CREATE INDEX "Person_centreId_lastName_idx" ON "Person"("centreId", "lastName");
CREATE UNIQUE INDEX "Person_centreId_email_key" ON "Person"("centreId", "email");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_centreId_createdAt_idx" ON "EmailMessage"("centreId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_key_key" ON "ReminderSent"("key");
