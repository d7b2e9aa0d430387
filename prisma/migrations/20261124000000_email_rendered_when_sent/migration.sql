-- Email rendered from current facts when it is sent (issue 11).

-- CreateTable
CREATE TABLE "JobLock" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "acquiredAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- Centre: the weekday weekly summaries and digests go out.
ALTER TABLE "Centre" ADD COLUMN "summaryWeekday" TEXT NOT NULL DEFAULT 'MO';

-- Person and User: email choices, and the secret in their "email choices" links.
ALTER TABLE "Person" ADD COLUMN "shiftReminderEmails" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Person" ADD COLUMN "rotaEmails" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "Person" ADD COLUMN "openShiftEmails" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Person" ADD COLUMN "emailToken" TEXT;
CREATE UNIQUE INDEX "Person_emailToken_key" ON "Person"("emailToken");
ALTER TABLE "User" ADD COLUMN "digestEmails" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "User" ADD COLUMN "emailToken" TEXT;
CREATE UNIQUE INDEX "User_emailToken_key" ON "User"("emailToken");

-- EmailMessage: what it is about (params), for whom, until when it is worth sending.
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "personId" TEXT,
    "userId" TEXT,
    "expiresAt" DATETIME,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL DEFAULT '',
    "attachments" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "closedReason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "EmailMessage_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_EmailMessage" ("attachments", "attempts", "centreId", "createdAt", "dedupeKey", "html", "id", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "template", "text", "toEmail", "toName", "updatedAt") SELECT "attachments", "attempts", "centreId", "createdAt", "dedupeKey", "html", "id", "lastError", "nextAttemptAt", "sentAt", "status", "subject", "template", "text", "toEmail", "toName", "updatedAt" FROM "EmailMessage";
DROP TABLE "EmailMessage";
ALTER TABLE "new_EmailMessage" RENAME TO "EmailMessage";
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
CREATE INDEX "EmailMessage_centreId_createdAt_idx" ON "EmailMessage"("centreId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Messages queued before this were rendered when queued (stale counts, old links): never send them.
UPDATE "EmailMessage" SET "status" = 'expired', "closedReason" = 'rendered_before_upgrade' WHERE "status" IN ('queued', 'failed', 'sending');
