-- Retention: leavers' records are kept for a centre-set period, then anonymised; sent emails that
-- carry compliance details lose their body after a centre-set number of days.
ALTER TABLE "Centre" ADD COLUMN "leaverRetentionYears" INTEGER NOT NULL DEFAULT 6;
ALTER TABLE "Centre" ADD COLUMN "sensitiveEmailDays" INTEGER NOT NULL DEFAULT 30;
ALTER TABLE "Person" ADD COLUMN "anonymisedAt" DATETIME;
ALTER TABLE "EmailMessage" ADD COLUMN "bodyRemovedAt" DATETIME;
ALTER TABLE "AuditEvent" ADD COLUMN "redactedAt" DATETIME;

-- The audit log stays append-only, with one exception: an entry's personal data may be removed
-- (marking it redacted for good), keeping its place in the chain (seq, hashes, time, what and
-- which record) unchanged. An entry naming two people is redacted again when the second goes.
DROP TRIGGER "AuditEvent_no_update";
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
WHEN NOT (
    NEW."redactedAt" IS NOT NULL
    AND NEW."id" = OLD."id" AND NEW."seq" IS OLD."seq" AND NEW."prevHash" IS OLD."prevHash" AND NEW."hash" IS OLD."hash"
    AND NEW."centreId" = OLD."centreId" AND NEW."at" = OLD."at" AND NEW."actorUserId" IS OLD."actorUserId"
    AND NEW."entityType" = OLD."entityType" AND NEW."entityId" = OLD."entityId" AND NEW."personId" IS OLD."personId"
    AND NEW."action" = OLD."action"
)
BEGIN
    SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed');
END;
