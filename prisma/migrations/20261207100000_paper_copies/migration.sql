-- Paper copies (bản giấy) of a plan received at the office, recorded by the clerk or an admin: how many, when, by whom.

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'PAPER_COPIES_RECEIVED';

-- CreateTable
CREATE TABLE "PaperCopyReceipt" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "copies" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "recordedById" UUID NOT NULL,
    "note" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaperCopyReceipt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PaperCopyReceipt_idempotencyKey_key" ON "PaperCopyReceipt"("idempotencyKey");

-- CreateIndex
CREATE INDEX "PaperCopyReceipt_planId_idx" ON "PaperCopyReceipt"("planId");

-- CreateIndex
CREATE INDEX "PaperCopyReceipt_campaignId_idx" ON "PaperCopyReceipt"("campaignId");

-- AddForeignKey
ALTER TABLE "PaperCopyReceipt" ADD CONSTRAINT "PaperCopyReceipt_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaperCopyReceipt" ADD CONSTRAINT "PaperCopyReceipt_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A delivery brings at least one copy.
ALTER TABLE "PaperCopyReceipt" ADD CONSTRAINT "PaperCopyReceipt_copies_positive" CHECK ("copies" BETWEEN 1 AND 100);
