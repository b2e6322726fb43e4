-- The draft's revision, bumped by every save and sent back in If-Match, so a save based on an older one is refused.
ALTER TABLE "Plan" ADD COLUMN     "draftRevision" INTEGER NOT NULL DEFAULT 0;

-- A draft saved before revisions were kept counts as saved once.
UPDATE "Plan" SET "draftRevision" = 1 WHERE "draftUpdatedAt" IS NOT NULL;
