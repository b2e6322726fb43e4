-- E-mail delivery that survives outages (issue 14). The row, not Redis, says when a message is next due: the
-- worker's sweep sends every QUEUED row past nextAttemptAt, and the retry schedule spreads attempts over a day
-- and more. An attempt is recorded (SENDING, lastAttemptAt) before the message is handed to SMTP, so one that a
-- crash interrupted is found again. An admin can put a FAILED message back on the queue, audited.

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'EMAIL_RESENT';

-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "EmailLog" ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "waitingForRelay" BOOLEAN NOT NULL DEFAULT false;

-- A row written before this migration was due when it was written. Rows FAILED under the old budget stay FAILED:
-- they are listed, and an admin resends them (one or all) rather than the deployment resending old news.
UPDATE "EmailLog" SET "nextAttemptAt" = "createdAt";

-- CreateIndex
CREATE INDEX "EmailLog_status_nextAttemptAt_idx" ON "EmailLog"("status", "nextAttemptAt");
