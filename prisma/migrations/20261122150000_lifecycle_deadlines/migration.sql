-- CreateEnum
CREATE TYPE "CommentAnchor" AS ENUM ('GENERAL', 'SECTION', 'INDICATOR');

-- CreateEnum
CREATE TYPE "DeadlineKind" AS ENUM ('SUBMISSION', 'REVISION', 'REVIEW');

-- CreateEnum
CREATE TYPE "ExtensionStatus" AS ENUM ('PENDING', 'GRANTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "DayKind" AS ENUM ('DAY_OFF', 'WORKING_DAY');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DecisionKind" ADD VALUE 'RECOMMEND_APPROVE';
ALTER TYPE "DecisionKind" ADD VALUE 'RECOMMEND_RETURN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditType" ADD VALUE 'PLAN_WITHDRAWN';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_REVIEW_STARTED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_RECOMMENDED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_EXEMPTED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_REOPENED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_CLOSED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_REVIEWER_ASSIGNED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_DRAFT_SAVED';
ALTER TYPE "AuditType" ADD VALUE 'COMMENT_ADDED';
ALTER TYPE "AuditType" ADD VALUE 'COMMENT_RESOLVED';
ALTER TYPE "AuditType" ADD VALUE 'ATTACHMENT_ADDED';
ALTER TYPE "AuditType" ADD VALUE 'ATTACHMENT_REMOVED';
ALTER TYPE "AuditType" ADD VALUE 'CAMPAIGN_SCHOOL_ADDED';
ALTER TYPE "AuditType" ADD VALUE 'CAMPAIGN_SCHOOL_REMOVED';
ALTER TYPE "AuditType" ADD VALUE 'CAMPAIGN_CLOSED';
ALTER TYPE "AuditType" ADD VALUE 'DEADLINE_EXTENDED';
ALTER TYPE "AuditType" ADD VALUE 'EXTENSION_REQUESTED';
ALTER TYPE "AuditType" ADD VALUE 'EXTENSION_GRANTED';
ALTER TYPE "AuditType" ADD VALUE 'EXTENSION_REFUSED';
ALTER TYPE "AuditType" ADD VALUE 'REMINDER_SENT';
ALTER TYPE "AuditType" ADD VALUE 'DAY_OVERRIDE_CHANGED';

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "approvalLevels" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "copiedFromId" UUID,
ADD COLUMN     "reminderPolicy" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "reviewDays" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "revisionDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "exemptReason" TEXT,
ADD COLUMN     "removedAt" TIMESTAMP(3),
ADD COLUMN     "reviewDueAt" TIMESTAMP(3),
ADD COLUMN     "reviewerId" UUID,
ADD COLUMN     "revisionDeadline" TIMESTAMP(3),
ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "submissionDeadline" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PlanVersion" ADD COLUMN     "attachments" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "final" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "revisionDeadline" TIMESTAMP(3),
ADD COLUMN     "rubric" JSONB,
ADD COLUMN     "supersedesId" UUID;

-- AlterTable
ALTER TABLE "EmailLog" ADD COLUMN     "campaignId" UUID;

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "versionNo" INTEGER NOT NULL,
    "anchorType" "CommentAnchor" NOT NULL DEFAULT 'GENERAL',
    "anchorKey" TEXT,
    "parentId" UUID,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "resolvedInVersionNo" INTEGER,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DayOverride" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "kind" "DayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DayOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExtensionRequest" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL DEFAULT 'SUBMISSION',
    "reason" TEXT NOT NULL,
    "requestedUntil" TIMESTAMP(3),
    "status" "ExtensionStatus" NOT NULL DEFAULT 'PENDING',
    "requestedById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "grantedUntil" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExtensionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSent" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "kind" "DeadlineKind" NOT NULL,
    "rung" TEXT NOT NULL,
    "deadlineAt" TIMESTAMP(3) NOT NULL,
    "recipient" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "emailId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Attachment_planId_idx" ON "Attachment"("planId");

-- CreateIndex
CREATE INDEX "Attachment_uploadedById_idx" ON "Attachment"("uploadedById");

-- CreateIndex
CREATE INDEX "Attachment_districtId_idx" ON "Attachment"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_idempotencyKey_key" ON "Comment"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Comment_planId_createdAt_idx" ON "Comment"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Comment_authorId_idx" ON "Comment"("authorId");

-- CreateIndex
CREATE INDEX "Comment_resolvedById_idx" ON "Comment"("resolvedById");

-- CreateIndex
CREATE INDEX "Comment_districtId_idx" ON "Comment"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "DayOverride_districtId_date_key" ON "DayOverride"("districtId", "date");

-- CreateIndex
CREATE INDEX "ExtensionRequest_planId_createdAt_idx" ON "ExtensionRequest"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "ExtensionRequest_campaignId_status_idx" ON "ExtensionRequest"("campaignId", "status");

-- CreateIndex
CREATE INDEX "ExtensionRequest_requestedById_idx" ON "ExtensionRequest"("requestedById");

-- CreateIndex
CREATE INDEX "ExtensionRequest_decidedById_idx" ON "ExtensionRequest"("decidedById");

-- CreateIndex
CREATE INDEX "ExtensionRequest_districtId_idx" ON "ExtensionRequest"("districtId");

-- CreateIndex
CREATE INDEX "ReminderSent_recipient_day_idx" ON "ReminderSent"("recipient", "day");

-- CreateIndex
CREATE INDEX "ReminderSent_districtId_idx" ON "ReminderSent"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSent_planId_kind_rung_deadlineAt_recipient_key" ON "ReminderSent"("planId", "kind", "rung", "deadlineAt", "recipient");

-- CreateIndex
CREATE INDEX "Plan_reviewerId_idx" ON "Plan"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Decision_supersedesId_key" ON "Decision"("supersedesId");

-- CreateIndex
CREATE INDEX "EmailLog_campaignId_idx" ON "EmailLog"("campaignId");

-- AddForeignKey
ALTER TABLE "Plan" ADD CONSTRAINT "Plan_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DayOverride" ADD CONSTRAINT "DayOverride_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExtensionRequest" ADD CONSTRAINT "ExtensionRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSent" ADD CONSTRAINT "ReminderSent_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

