// What the campaign routes answer.
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { CampaignKind, CampaignStatus, ReviewMode } from '@duyet/database';
import { REMINDER_ROLES } from '@duyet/domain';
import { PLAN_STATUSES } from '@duyet/workflows';
import { isoDateTime, isoDay } from '../common/answers';
import { auditEntry, declaredAs, jsonValue, planStatus, schoolLevel, uuid } from '../common/shared.responses';

const campaignView = z.object({
  id: uuid,
  key: z.string(),
  /** PLAN, SELF_ASSESSMENT (a phase's tự đánh giá, child of `parentId`) or REPORT (báo cáo) */
  kind: declaredAs<string>(z.enum(CampaignKind)),
  parentId: uuid.nullable(),
  /** a self-assessment's phase in its parent's `phases`, from 0 */
  phaseIndex: z.int().nullable(),
  documentNumber: z.string(),
  title: z.string(),
  legalBases: z.array(z.string()),
  issuedOn: isoDay,
  period: z.object({ from: isoDay, to: isoDay }),
  phases: declaredAs<unknown>(z.array(z.object({ name: z.string(), from: isoDay, to: isoDay }))),
  targetLevels: declaredAs<string[]>(z.array(schoolLevel)),
  targetClusters: z.array(z.string()),
  sections: declaredAs<unknown>(z.array(z.object({ key: z.string(), title: z.string(), required: z.boolean() }))),
  requiredIndicators: z.array(z.string()),
  /** the directive's district target per required indicator code (copied from the catalogue unless given) */
  targets: z.record(z.string(), z.object({ min: z.number().nullable(), max: z.number().nullable() })),
  submissionDeadline: z.iso.datetime(),
  paperCopies: z.int(),
  reviewMode: declaredAs<string>(z.enum(ReviewMode)),
  approvalLevels: z.int(),
  reviewDays: z.int(),
  revisionDays: z.int(),
  /** the reminder ladder as stored (see the campaign's input schema) */
  reminderPolicy: declaredAs<unknown>(jsonValue),
  copiedFromId: uuid.nullable(),
  signerTitle: z.string().nullable(),
  /** nơi nhận: the directive's distribution list */
  distribution: z.array(z.string()),
  /** who signs the directive; who receives the submissions and paper copies */
  signer: z.object({ email: z.string(), fullName: z.string() }).nullable(),
  receiver: z.object({ email: z.string(), fullName: z.string() }).nullable(),
  status: declaredAs<string>(z.enum(CampaignStatus)),
  workflowId: z.string(),
  plansOpenedAt: z.iso.datetime().nullable(),
  problem: z.object({ message: z.string(), at: z.iso.datetime() }).nullable(),
  createdAt: z.iso.datetime(),
  /** plans in the viewer's scope by status; a status without plans is left out */
  planCounts: declaredAs<Record<string, number>>(z.partialRecord(z.enum(PLAN_STATUSES), z.int())),
});

export class CampaignDto extends createZodDto(campaignView, { codec: true }) {}
export class CampaignListDto extends createZodDto(z.array(campaignView), { codec: true }) {}
export class IssuedCampaignDto extends createZodDto(
  campaignView.extend({
    /** deadlines the office may not have meant (a day off …), in Vietnamese; empty when none */
    warnings: z.array(z.string()),
  }),
  { codec: true },
) {}
export class CampaignAuditTrailDto extends createZodDto(z.array(auditEntry), { codec: true }) {}

const campaignState = z.object({
  campaignId: uuid,
  plansStarted: z.int(),
  done: z.boolean(),
  closed: z.boolean(),
});
export class CampaignStateDto extends createZodDto(campaignState, { codec: true }) {}
export class ExtendedCampaignDto extends createZodDto(campaignState.extend({ warnings: z.array(z.string()) }), {
  codec: true,
}) {}

/** The plan's database row as Prisma returns it (the add and remove routes answer it unmapped). */
export class PlanRowDto extends createZodDto(
  z.object({
    id: uuid,
    districtId: uuid,
    campaignId: uuid,
    schoolId: uuid,
    schoolCode: z.string().nullable(),
    status: planStatus,
    workflowId: z.string(),
    draft: jsonValue,
    draftUpdatedAt: isoDateTime.nullable(),
    draftRevision: z.int(),
    currentVersionNo: z.int(),
    submittedAt: isoDateTime.nullable(),
    decidedAt: isoDateTime.nullable(),
    statusChangedAt: isoDateTime,
    submissionDeadline: isoDateTime.nullable(),
    revisionDeadline: isoDateTime.nullable(),
    reviewDueAt: isoDateTime.nullable(),
    deadlineInForce: isoDateTime.nullable(),
    reviewerId: uuid.nullable(),
    exemptReason: z.string().nullable(),
    removedAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  }),
  { codec: true },
) {}

const level = schoolLevel.nullable();
export class CampaignCatalogueDto extends createZodDto(
  z.object({
    sections: z.array(z.object({ key: z.string(), title: z.string(), required: z.boolean() })),
    indicators: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        unit: z.string(),
        /** null: every school level */
        level,
        direction: z.enum(['HIGHER', 'LOWER', 'NONE']),
        /** RATE: per school, averaged; COUNT: summed, compared as the district's total; DISTRICT: the district's own */
        rollup: z.enum(['RATE', 'COUNT', 'DISTRICT']),
        /** what a rate's average is weighted by */
        weight: z.enum(['NONE', 'PUPILS', 'CLASSES']),
        /** the district's own target, min and/or max */
        target: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
      }),
    ),
  }),
  { codec: true },
) {}

const previewDay = z.object({ date: isoDay, at: z.iso.datetime() });
export class ReminderPreviewDto extends createZodDto(
  z.object({
    deadline: z.object({
      at: z.iso.datetime(),
      date: isoDay,
      working: z.boolean(),
      /** the day off it falls on (a holiday's name, "Chủ nhật"); null on a working day */
      dayOff: z.string().nullable(),
    }),
    /** the district's daily reminder hour (HH:mm, Asia/Ho_Chi_Minh) */
    hour: z.string(),
    timeZone: z.string(),
    rungs: z.array(
      previewDay.extend({
        key: z.string(),
        /** working days from the deadline: negative before, 0 on the day */
        offset: z.int(),
        to: z.array(z.enum(REMINDER_ROLES)),
        cc: z.array(z.enum(REMINDER_ROLES)),
      }),
    ),
    /** the first digests to the office after the last rung */
    digests: z.array(previewDay.extend({ n: z.int() })),
  }),
  { codec: true },
) {}
