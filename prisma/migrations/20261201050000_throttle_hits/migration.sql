-- Attempts counted for the limits on guessing, shared by every server process.
CREATE TABLE "ThrottleHit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "bucket" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "at" BIGINT NOT NULL
);

CREATE INDEX "ThrottleHit_bucket_keyHash_at_idx" ON "ThrottleHit"("bucket", "keyHash", "at");

CREATE INDEX "ThrottleHit_bucket_at_idx" ON "ThrottleHit"("bucket", "at");
