-- The overdue board (libs/domain/src/board): filters by status across campaigns, counts and dates the
-- reminders of one page of plans, and lists a district's undelivered e-mails newest first.

-- CreateIndex
CREATE INDEX "Plan_districtId_status_idx" ON "Plan"("districtId", "status");

-- CreateIndex
CREATE INDEX "ReminderSent_planId_createdAt_idx" ON "ReminderSent"("planId", "createdAt");

-- CreateIndex
CREATE INDEX "EmailLog_districtId_status_createdAt_idx" ON "EmailLog"("districtId", "status", "createdAt");
