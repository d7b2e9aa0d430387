-- The centre's people in full name order (surname, first name, id), so that a page of them or
-- a list's first ten is read by walking the index and stopping, not by sorting everyone.

-- DropIndex
DROP INDEX "Person_centreId_lastName_idx";

-- CreateIndex
CREATE INDEX "Person_centreId_lastName_firstName_id_idx" ON "Person"("centreId", "lastName", "firstName", "id");
