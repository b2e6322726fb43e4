-- Provinces (Sở GD&ĐT) group districts, and a province user reads the summaries of its districts and belongs to no district.

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'PROVINCE';

-- AlterEnum
ALTER TYPE "Position" ADD VALUE 'PROVINCE_OFFICER';

-- CreateTable
CREATE TABLE "Province" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officeName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_code_key" ON "Province"("code");

-- AlterTable
ALTER TABLE "District" ADD COLUMN "provinceId" UUID;

-- CreateIndex
CREATE INDEX "District_provinceId_idx" ON "District"("provinceId");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "districtId" DROP NOT NULL,
ADD COLUMN "provinceId" UUID;

-- CreateIndex
CREATE INDEX "User_provinceId_idx" ON "User"("provinceId");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A user belongs to exactly one of a district (everyone of an office or a school) or a province (role PROVINCE only),
-- so no district-scoped query can ever find a province user, and a province user can never carry a district.
ALTER TABLE "User" ADD CONSTRAINT "User_district_or_province" CHECK (
  ("role"::text = 'PROVINCE' AND "provinceId" IS NOT NULL AND "districtId" IS NULL AND "schoolId" IS NULL)
  OR ("role"::text <> 'PROVINCE' AND "districtId" IS NOT NULL AND "provinceId" IS NULL)
);

-- The role still follows the position, the province user included. The new values are compared as text: an enum value
-- added in this transaction cannot be used as one before it commits.
ALTER TABLE "User" DROP CONSTRAINT "User_role_follows_position";
ALTER TABLE "User" ADD CONSTRAINT "User_role_follows_position" CHECK (
  ("position" = 'HEAD' AND "role" = 'ADMIN')
  OR ("position" IN ('DEPUTY_HEAD', 'SPECIALIST') AND "role" = 'REVIEWER')
  OR ("position" = 'CLERK' AND "role" = 'CLERK')
  OR ("position" = 'PRINCIPAL' AND "role" = 'PRINCIPAL')
  OR ("position" IN ('DEPUTY_PRINCIPAL', 'GROUP_LEADER', 'STAFF') AND "role" = 'SCHOOL_STAFF')
  OR ("position"::text = 'PROVINCE_OFFICER' AND "role"::text = 'PROVINCE')
);
