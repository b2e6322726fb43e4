-- Campaign kinds (plan, self-assessment of a phase, report), the campaign of a phase under its parent, and targeting
-- by an explicit list of schools. Existing campaigns are plans.

-- CreateEnum
CREATE TYPE "CampaignKind" AS ENUM ('PLAN', 'SELF_ASSESSMENT', 'REPORT');

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'PHASE_OPENED';

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN "kind" "CampaignKind" NOT NULL DEFAULT 'PLAN',
ADD COLUMN "parentId" UUID,
ADD COLUMN "phaseIndex" INTEGER,
ADD COLUMN "targetSchoolIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_parentId_phaseIndex_key" ON "Campaign"("parentId", "phaseIndex");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A self-assessment always names its parent and phase, and no other kind does.
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_phase_of_self_assessment" CHECK (
  ("kind" = 'SELF_ASSESSMENT') = ("parentId" IS NOT NULL AND "phaseIndex" IS NOT NULL)
);
