-- The overdue board sorts and counts on the deadline in force (DOMAIN.md). Computed per query, it cost a scan and
-- a sort of every plan of a district for each page (npm run bench: about 90 pages a second at 10,000 plans with 50
-- clients, p95 740 ms). The database now keeps it on the plan row, with the school's code for the order within one
-- deadline, so a page is an index range and the counts an index-only scan.
--
-- The rule, as the plan's workflow arms it: while the school holds the plan, the revision deadline if one is due,
-- else the school's own deadline (an extension), else the campaign's. While the office holds it, the reviewer's
-- due date. Once decided, none. The application never writes these two columns.
--
-- Prisma's migrate runs this file through @prisma/adapter-pg, which cuts it at every semicolon, dollar quotes or
-- not: the function bodies are therefore E'' strings with \x3b for each semicolon, and no comment holds one.

-- DropIndex
DROP INDEX "Plan_districtId_campaignId_status_idx";

-- DropIndex
DROP INDEX "Plan_districtId_status_idx";

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "deadlineInForce" TIMESTAMP(3),
ADD COLUMN     "schoolCode" TEXT;

CREATE FUNCTION plan_board_columns() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."deadlineInForce" := CASE
    WHEN NEW.status IN (''NOT_STARTED'', ''DRAFTING'', ''RETURNED'') THEN COALESCE(
      NEW."revisionDeadline", NEW."submissionDeadline",
      (SELECT c."submissionDeadline" FROM "Campaign" c WHERE c.id = NEW."campaignId"))
    WHEN NEW.status IN (''SUBMITTED'', ''UNDER_REVIEW'') THEN NEW."reviewDueAt"
  END\x3b
  IF TG_OP = ''INSERT'' OR NEW."schoolId" IS DISTINCT FROM OLD."schoolId" OR NEW."schoolCode" IS NULL THEN
    NEW."schoolCode" := (SELECT s.code FROM "School" s WHERE s.id = NEW."schoolId")\x3b
  END IF\x3b
  RETURN NEW\x3b
END ';

CREATE TRIGGER plan_board_columns BEFORE INSERT OR UPDATE ON "Plan"
  FOR EACH ROW EXECUTE FUNCTION plan_board_columns();

-- A campaign-wide deadline change moves the plans that follow the campaign's date (the trigger above recomputes).
CREATE FUNCTION campaign_deadline_to_plans() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Plan" SET "deadlineInForce" = NEW."submissionDeadline"
  WHERE "campaignId" = NEW.id AND status IN (''NOT_STARTED'', ''DRAFTING'', ''RETURNED'')
    AND "revisionDeadline" IS NULL AND "submissionDeadline" IS NULL\x3b
  RETURN NULL\x3b
END ';

CREATE TRIGGER campaign_deadline_to_plans AFTER UPDATE OF "submissionDeadline" ON "Campaign"
  FOR EACH ROW WHEN (OLD."submissionDeadline" IS DISTINCT FROM NEW."submissionDeadline")
  EXECUTE FUNCTION campaign_deadline_to_plans();

-- A school given a new code keeps its plans in order.
CREATE FUNCTION school_code_to_plans() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "Plan" SET "schoolCode" = NEW.code WHERE "schoolId" = NEW.id\x3b
  RETURN NULL\x3b
END ';

CREATE TRIGGER school_code_to_plans AFTER UPDATE OF code ON "School"
  FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
  EXECUTE FUNCTION school_code_to_plans();

-- The plans already there: the trigger fills both columns.
UPDATE "Plan" SET "schoolCode" = NULL;

-- CreateIndex
CREATE INDEX "Plan_districtId_campaignId_status_deadlineInForce_removedAt_idx" ON "Plan"("districtId", "campaignId", "status", "deadlineInForce", "removedAt");

-- CreateIndex
CREATE INDEX "Plan_districtId_status_deadlineInForce_removedAt_idx" ON "Plan"("districtId", "status", "deadlineInForce", "removedAt");

-- CreateIndex
CREATE INDEX "Plan_campaignId_deadlineInForce_schoolCode_id_idx" ON "Plan"("campaignId", "deadlineInForce", "schoolCode", "id");

-- CreateIndex
CREATE INDEX "Plan_districtId_deadlineInForce_schoolCode_id_idx" ON "Plan"("districtId", "deadlineInForce", "schoolCode", "id");
