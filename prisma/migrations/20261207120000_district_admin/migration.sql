-- Managing the district in the app (issue 18, items 3 and 6): schools can be closed (no new campaign plans, their
-- plans stay readable), a person's personal data can be erased once they have left (User.erasedAt), and every
-- decision keeps the decider's name as signed (Decision.deciderName), so an erasure leaves the legal record whole.
-- New audit types for the admin's changes to clusters, schools, people and reviewers' scope, the handover of a
-- departing principal's open plans, and the export and erasure of personal data.

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'CLUSTER_CREATED';
ALTER TYPE "AuditType" ADD VALUE 'CLUSTER_RENAMED';
ALTER TYPE "AuditType" ADD VALUE 'CLUSTER_REMOVED';
ALTER TYPE "AuditType" ADD VALUE 'SCHOOL_CREATED';
ALTER TYPE "AuditType" ADD VALUE 'SCHOOL_CHANGED';
ALTER TYPE "AuditType" ADD VALUE 'SCHOOL_CLOSED';
ALTER TYPE "AuditType" ADD VALUE 'SCHOOL_REOPENED';
ALTER TYPE "AuditType" ADD VALUE 'USER_CREATED';
ALTER TYPE "AuditType" ADD VALUE 'USER_CHANGED';
ALTER TYPE "AuditType" ADD VALUE 'USER_DEACTIVATED';
ALTER TYPE "AuditType" ADD VALUE 'USER_REACTIVATED';
ALTER TYPE "AuditType" ADD VALUE 'REVIEW_SCOPE_CHANGED';
ALTER TYPE "AuditType" ADD VALUE 'PLAN_HANDED_OVER';
ALTER TYPE "AuditType" ADD VALUE 'PERSONAL_DATA_EXPORTED';
ALTER TYPE "AuditType" ADD VALUE 'USER_ERASED';

-- AlterTable
ALTER TABLE "School" ADD COLUMN     "closeReason" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "erasedAt" TIMESTAMP(3);

-- AlterTable: the decisions already recorded take their decider's name as it stands today
ALTER TABLE "Decision" ADD COLUMN     "deciderName" TEXT;
UPDATE "Decision" d SET "deciderName" = u."fullName" FROM "User" u WHERE u.id = d."decidedById";
ALTER TABLE "Decision" ALTER COLUMN "deciderName" SET NOT NULL;
