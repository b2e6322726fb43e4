-- nơi nhận: the directive's distribution list, printed at the foot of the directive (issue 19).
-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "distribution" TEXT[] DEFAULT ARRAY[]::TEXT[];
