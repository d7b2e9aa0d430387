-- CreateTable
CREATE TABLE "SwapRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "assignmentId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "closesAt" DATETIME NOT NULL,
    "takenById" TEXT,
    "takenAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "SwapRequest_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ShiftAssignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SwapRequest_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SwapRequest_takenById_fkey" FOREIGN KEY ("takenById") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- New columns with constant defaults: added in place, no table rebuild.
ALTER TABLE "Centre" ADD COLUMN "openShiftTaking" TEXT NOT NULL DEFAULT 'instant';
ALTER TABLE "Centre" ADD COLUMN "swapCutoffHours" INTEGER NOT NULL DEFAULT 72;
ALTER TABLE "ShiftAssignment" ADD COLUMN "source" TEXT NOT NULL DEFAULT 'rota';

-- CreateIndex
CREATE INDEX "SwapRequest_status_closesAt_idx" ON "SwapRequest"("status", "closesAt");

-- CreateIndex
CREATE INDEX "SwapRequest_assignmentId_idx" ON "SwapRequest"("assignmentId");

-- CreateIndex
CREATE INDEX "SwapRequest_askedById_idx" ON "SwapRequest"("askedById");

