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
    "firstTeamIndex" INTEGER NOT NULL DEFAULT 0,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rota_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Rota" ("centreId", "createdAt", "endsOn", "id", "mode", "publishedAt", "startsOn", "status", "updatedAt") SELECT "centreId", "createdAt", "endsOn", "id", "mode", "publishedAt", "startsOn", "status", "updatedAt" FROM "Rota";
DROP TABLE "Rota";
ALTER TABLE "new_Rota" RENAME TO "Rota";
CREATE INDEX "Rota_centreId_startsOn_idx" ON "Rota"("centreId", "startsOn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
