-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "lastSeenAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "userAgent" TEXT NOT NULL DEFAULT '',
    "clientAddress" TEXT NOT NULL DEFAULT '',
    "awaitingSecondFactor" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Centre: two-factor sign-in required for co-ordinators and assessors.
ALTER TABLE "Centre" ADD COLUMN "requireTwoFactor" BOOLEAN NOT NULL DEFAULT false;

-- User: sessions now live in UserSession (deleting a row signs a device out); two-factor.
ALTER TABLE "User" DROP COLUMN "sessionVersion";
ALTER TABLE "User" ADD COLUMN "totpSecret" TEXT;
ALTER TABLE "User" ADD COLUMN "totpEnabledAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "totpLastStep" INTEGER;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- The audit log is append-only. INSERT OR REPLACE deletes the old row without firing the
-- delete trigger, so a replacing insert is refused here.
CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
WHEN EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id")
BEGIN
    SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be replaced');
END;

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");
