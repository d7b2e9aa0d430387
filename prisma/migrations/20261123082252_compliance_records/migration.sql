-- CreateTable
CREATE TABLE "DbsCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "workforce" TEXT NOT NULL,
    "certificateNumber" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "seenBy" TEXT NOT NULL,
    "seenOn" TEXT NOT NULL,
    "updateServiceSubscribed" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DbsCheck_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DbsStatusCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "dbsCheckId" TEXT NOT NULL,
    "checkedOn" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "checkedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "DbsStatusCheck_dbsCheckId_fkey" FOREIGN KEY ("dbsCheckId") REFERENCES "DbsCheck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Reference" (
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
    CONSTRAINT "Reference_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Course" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'custom',
    "validityMonths" INTEGER,
    "requiredFor" TEXT NOT NULL,
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Course_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainingRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "completedOn" TEXT NOT NULL,
    "deliveryMethod" TEXT NOT NULL,
    "evidenceNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingRecord_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrainingRecord_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Centre_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Centre" ("createdAt", "id", "name", "offersSupervised", "offersSupported", "organisationId", "updatedAt") SELECT "createdAt", "id", "name", "offersSupervised", "offersSupported", "organisationId", "updatedAt" FROM "Centre";
DROP TABLE "Centre";
ALTER TABLE "new_Centre" RENAME TO "Centre";
CREATE INDEX "Centre_organisationId_idx" ON "Centre"("organisationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DbsCheck_personId_idx" ON "DbsCheck"("personId");

-- CreateIndex
CREATE INDEX "DbsStatusCheck_dbsCheckId_idx" ON "DbsStatusCheck"("dbsCheckId");

-- CreateIndex
CREATE INDEX "Reference_personId_idx" ON "Reference"("personId");

-- CreateIndex
CREATE INDEX "Course_centreId_idx" ON "Course"("centreId");

-- CreateIndex
CREATE INDEX "TrainingRecord_personId_idx" ON "TrainingRecord"("personId");

-- CreateIndex
CREATE INDEX "TrainingRecord_courseId_idx" ON "TrainingRecord"("courseId");
