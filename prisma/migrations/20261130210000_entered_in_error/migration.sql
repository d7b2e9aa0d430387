-- Records entered in error are kept, hidden from the rules: nullable columns, added in place.
ALTER TABLE "DbsCheck" ADD COLUMN "enteredInErrorAt" DATETIME;
ALTER TABLE "DbsCheck" ADD COLUMN "enteredInErrorReason" TEXT;
ALTER TABLE "DbsCheck" ADD COLUMN "enteredInErrorBy" TEXT;
ALTER TABLE "Reference" ADD COLUMN "enteredInErrorAt" DATETIME;
ALTER TABLE "Reference" ADD COLUMN "enteredInErrorReason" TEXT;
ALTER TABLE "Reference" ADD COLUMN "enteredInErrorBy" TEXT;
ALTER TABLE "TrainingRecord" ADD COLUMN "enteredInErrorAt" DATETIME;
ALTER TABLE "TrainingRecord" ADD COLUMN "enteredInErrorReason" TEXT;
ALTER TABLE "TrainingRecord" ADD COLUMN "enteredInErrorBy" TEXT;
