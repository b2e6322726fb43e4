-- Positions, not titles: each user holds a position from a closed list (optionally acting, Q.), the role derives
-- from it, and the title stays as display text. The clerk (Văn thư), an ADMIN until now, gets the role CLERK.
-- The head's delegations of signing (TL., TUQ.) get a table of their own.
-- adapter-pg runs each statement on its own (see README), so the new enum value is usable by the next statement.

-- CreateEnum
CREATE TYPE "Position" AS ENUM ('HEAD', 'DEPUTY_HEAD', 'SPECIALIST', 'CLERK', 'PRINCIPAL', 'DEPUTY_PRINCIPAL', 'GROUP_LEADER', 'STAFF');

-- CreateEnum
CREATE TYPE "DelegationKind" AS ENUM ('TL', 'TUQ');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'CLERK';

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'DELEGATION_RECORDED';
ALTER TYPE "AuditType" ADD VALUE 'DELEGATION_REVOKED';

-- AlterTable: nullable first, filled from today's role and title, then required
ALTER TABLE "User" ADD COLUMN "acting" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "position" "Position";

-- Today's data: the school side by role, the office side by title (the last time a title decides anything).
-- Titles are compared lower-cased and NFC-normalised, so "TRƯỞNG PHÒNG GD&ĐT" and "Q. Trưởng phòng" count too.
UPDATE "User" SET "position" = (
  CASE
    WHEN "role" = 'PRINCIPAL' THEN 'PRINCIPAL'
    WHEN "role" = 'SCHOOL_STAFF' THEN
      CASE
        WHEN lower(normalize(btrim("title"), NFC)) LIKE '%phó hiệu trưởng%' THEN 'DEPUTY_PRINCIPAL'
        WHEN lower(normalize(btrim("title"), NFC)) ~ '(tổ|khối) trưởng' THEN 'GROUP_LEADER'
        ELSE 'STAFF'
      END
    WHEN lower(normalize(btrim("title"), NFC)) LIKE '%văn thư%' THEN 'CLERK'
    WHEN lower(normalize(btrim("title"), NFC)) LIKE '%phó trưởng phòng%' THEN 'DEPUTY_HEAD'
    WHEN lower(normalize(btrim("title"), NFC)) LIKE '%chuyên viên%' THEN 'SPECIALIST'
    WHEN lower(normalize(btrim("title"), NFC)) LIKE '%trưởng phòng%' THEN 'HEAD'
    WHEN "role" = 'ADMIN' THEN 'HEAD'
    ELSE 'SPECIALIST'
  END
)::"Position";

UPDATE "User" SET "acting" = true
WHERE "position" IN ('HEAD', 'PRINCIPAL')
  AND lower(normalize(btrim("title"), NFC)) ~ '^(q\.|quyền )';

-- The role follows the position from now on.
UPDATE "User" SET "role" = (
  CASE "position"
    WHEN 'HEAD' THEN 'ADMIN'
    WHEN 'DEPUTY_HEAD' THEN 'REVIEWER'
    WHEN 'SPECIALIST' THEN 'REVIEWER'
    WHEN 'CLERK' THEN 'CLERK'
    WHEN 'PRINCIPAL' THEN 'PRINCIPAL'
    ELSE 'SCHOOL_STAFF'
  END
)::"Role";

ALTER TABLE "User" ALTER COLUMN "position" SET NOT NULL;

-- A row whose role disagrees with its position, or an acting deputy or specialist, cannot be written.
ALTER TABLE "User" ADD CONSTRAINT "User_role_follows_position" CHECK (
  ("position" = 'HEAD' AND "role" = 'ADMIN')
  OR ("position" IN ('DEPUTY_HEAD', 'SPECIALIST') AND "role" = 'REVIEWER')
  OR ("position" = 'CLERK' AND "role" = 'CLERK')
  OR ("position" = 'PRINCIPAL' AND "role" = 'PRINCIPAL')
  OR ("position" IN ('DEPUTY_PRINCIPAL', 'GROUP_LEADER', 'STAFF') AND "role" = 'SCHOOL_STAFF')
);
ALTER TABLE "User" ADD CONSTRAINT "User_acting_head_only" CHECK (NOT "acting" OR "position" IN ('HEAD', 'PRINCIPAL'));

-- CreateTable
CREATE TABLE "Delegation" (
    "id" UUID NOT NULL,
    "districtId" UUID NOT NULL,
    "fromId" UUID NOT NULL,
    "toId" UUID NOT NULL,
    "kind" "DelegationKind" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reference" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" UUID,
    "revokeReason" TEXT,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Delegation_dates_in_order" CHECK ("startsOn" <= "endsOn")
);

-- CreateIndex
CREATE INDEX "Delegation_districtId_createdAt_idx" ON "Delegation"("districtId", "createdAt");

-- CreateIndex
CREATE INDEX "Delegation_toId_startsOn_idx" ON "Delegation"("toId", "startsOn");

-- CreateIndex
CREATE INDEX "Delegation_fromId_idx" ON "Delegation"("fromId");

-- CreateIndex
CREATE INDEX "Delegation_createdById_idx" ON "Delegation"("createdById");

-- CreateIndex
CREATE INDEX "Delegation_revokedById_idx" ON "Delegation"("revokedById");

-- CreateIndex
CREATE INDEX "User_districtId_position_idx" ON "User"("districtId", "position");

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_toId_fkey" FOREIGN KEY ("toId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
