-- Import from Excel: the one audit event an applied district workbook writes (its counts).

-- AlterEnum
ALTER TYPE "AuditType" ADD VALUE 'PEOPLE_IMPORTED';
