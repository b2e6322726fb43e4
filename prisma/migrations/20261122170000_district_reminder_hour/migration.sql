-- The hour of the district's one daily reminder run (every active campaign in one pass, one message per
-- person), set by the office instead of per campaign, and the audit type that records its change.

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'REMINDER_HOUR_CHANGED';

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "reminderHour" TEXT NOT NULL DEFAULT '07:30';

