-- Targets per directive and how each indicator rolls up (issue 19): an indicator is a rate per school (averaged,
-- weighted by pupils or classes), a count summed over the schools, or a figure of the district only, schools get a
-- class count, each campaign carries its own district target per required indicator (CampaignTarget).

-- CreateEnum
CREATE TYPE "IndicatorRollup" AS ENUM ('RATE', 'COUNT', 'DISTRICT');

-- CreateEnum
CREATE TYPE "IndicatorWeight" AS ENUM ('NONE', 'PUPILS', 'CLASSES');

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN "rollup" "IndicatorRollup" NOT NULL DEFAULT 'RATE',
ADD COLUMN "weight" "IndicatorWeight" NOT NULL DEFAULT 'NONE';

-- AlterTable
ALTER TABLE "School" ADD COLUMN "classes" INTEGER;

-- CreateTable
CREATE TABLE "CampaignTarget" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "indicatorCode" TEXT NOT NULL,
    "targetMin" DECIMAL(12,3),
    "targetMax" DECIMAL(12,3),

    CONSTRAINT "CampaignTarget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CampaignTarget_campaignId_indicatorCode_key" ON "CampaignTarget"("campaignId", "indicatorCode");

-- AddForeignKey
ALTER TABLE "CampaignTarget" ADD CONSTRAINT "CampaignTarget_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: the catalogue's roll-up kinds for the codes of the sample catalogue (prisma/district-kien-xuong.json),
-- which every district so far was loaded from, a district file or the admin can say otherwise later.
UPDATE "Indicator" SET "rollup" = 'COUNT' WHERE "code" IN ('STUDENTS', 'CLASSES', 'HSG_CITY_PRIZES');
UPDATE "Indicator" SET "weight" = 'CLASSES' WHERE "code" = 'MN_TWO_SESSIONS';
UPDATE "Indicator" SET "weight" = 'PUPILS'
 WHERE "rollup" = 'RATE' AND "unit" = '%' AND "code" NOT LIKE 'STAFF\_%' AND "code" <> 'MN_TWO_SESSIONS';

-- Backfill: every existing campaign gets the catalogue's targets of its required indicators as its own.
INSERT INTO "CampaignTarget" ("id", "campaignId", "indicatorCode", "targetMin", "targetMax")
SELECT gen_random_uuid(), c."id", i."code", i."targetMin", i."targetMax"
  FROM "Campaign" c
  JOIN "Indicator" i ON i."districtId" = c."districtId" AND i."code" = ANY(c."requiredIndicators");
