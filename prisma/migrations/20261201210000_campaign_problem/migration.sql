-- Why a campaign-level step (launch, close, deadline) failed for good, shown to the district's admins.
ALTER TYPE "AuditType" ADD VALUE 'CAMPAIGN_PROBLEM';

ALTER TABLE "Campaign" ADD COLUMN "problem" TEXT,
ADD COLUMN "problemAt" TIMESTAMP(3);
