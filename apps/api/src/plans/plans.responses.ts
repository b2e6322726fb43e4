// What the plan routes answer (plans, moves, content, form, comments, attachments, extension requests).
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { PLAN_ACTIONS } from '@duyet/workflows';
import { CampaignKind, CommentAnchor, DecisionKind, ExtensionStatus, IndicatorDirection } from '@duyet/database';
import { isoDateTime } from '../common/answers';
import {
  auditEntry,
  deadlineKind,
  jsonValue,
  page,
  personRef,
  personWithTitle,
  planStatus,
  schoolLevel,
  moveOutcome,
  uuid,
} from '../common/shared.responses';

const planSummary = z.object({
  id: uuid,
  status: planStatus,
  workflowId: z.string(),
  currentVersionNo: z.int(),
  statusChangedAt: isoDateTime,
  deadlines: z.object({
    submission: isoDateTime,
    revision: isoDateTime.nullable(),
    reviewDue: isoDateTime.nullable(),
  }),
  reviewerId: uuid.nullable(),
  exemptReason: z.string().nullable(),
  removedAt: isoDateTime.nullable(),
  submittedAt: isoDateTime.nullable(),
  decidedAt: isoDateTime.nullable(),
  draftUpdatedAt: isoDateTime.nullable(),
  draftRevision: z.int(),
  school: z.object({ id: uuid, code: z.string(), name: z.string(), level: schoolLevel, cluster: z.string() }),
  campaign: z.object({
    id: uuid,
    key: z.string(),
    /** PLAN, SELF_ASSESSMENT (tự đánh giá) or REPORT (báo cáo): the words the school's screens use */
    kind: z.enum(CampaignKind),
    title: z.string(),
    documentNumber: z.string(),
    submissionDeadline: isoDateTime,
  }),
});

const planDetail = planSummary.extend({
  /** the draft column as stored; GET /plans/{id}/draft answers it typed */
  draft: jsonValue,
  versions: z.array(z.object({ number: z.int(), id: uuid, submittedAt: isoDateTime, submittedById: uuid })),
  decisions: z.array(
    z.object({
      id: uuid,
      planId: uuid,
      versionId: uuid,
      kind: z.enum(DecisionKind),
      comment: z.string().nullable(),
      decidedAt: isoDateTime,
      revisionDeadline: isoDateTime.nullable(),
      decidedById: uuid,
      capacity: z.string(),
      /** the decider's name as signed, kept when their personal data is later erased */
      deciderName: z.string(),
      final: z.boolean(),
      rubric: jsonValue,
      supersedesId: uuid.nullable(),
    }),
  ),
});

/** Where a plan stands for the school's home: its deadline in force in working days, the comments to answer. */
const planStanding = z.object({
  due: z
    .object({
      at: isoDateTime,
      holder: z.enum(['SCHOOL', 'OFFICE']),
      overdue: z.boolean(),
      workingDaysLeft: z.int(),
      workingDaysOverdue: z.int(),
    })
    .nullable(),
  openComments: z.int(),
});

export class PlanPageDto extends createZodDto(page(planSummary.extend(planStanding.shape)), { codec: true }) {}
export class PlanDetailDto extends createZodDto(planDetail, { codec: true }) {}

export class PlanStateDto extends createZodDto(
  z.object({
    planId: uuid,
    status: planStatus,
    versionNo: z.int(),
    deadlines: z.object({ submission: z.string(), revision: z.string().nullable(), reviewDue: z.string().nullable() }),
    deadlineInForce: z.object({ kind: deadlineKind, at: z.string(), overdue: z.boolean() }).nullable(),
    recommendedVersionNo: z.int().nullable(),
    history: z.array(
      z.object({
        action: z.enum(PLAN_ACTIONS),
        from: planStatus,
        to: planStatus,
        actorId: z.string(),
        at: z.string(),
      }),
    ),
  }),
  { codec: true },
) {}

export class PlanVersionDto extends createZodDto(
  z.object({
    id: uuid,
    planId: uuid,
    number: z.int(),
    submittedAt: isoDateTime,
    submittedById: uuid,
    /** the frozen content as stored */
    sections: jsonValue,
    indicators: jsonValue,
    attachments: jsonValue,
  }),
  { codec: true },
) {}

export class AuditTrailDto extends createZodDto(z.array(auditEntry), { codec: true }) {}

export class MoveOutcomeDto extends createZodDto(moveOutcome, { codec: true }) {}

export class BulkDecisionResultDto extends createZodDto(
  z.object({
    done: z.int(),
    failed: z.int(),
    results: z.array(
      z.object({
        planId: uuid,
        ok: z.boolean(),
        status: z.string().optional(),
        decisionId: uuid.optional(),
        error: z.object({ code: z.string(), message: z.string() }).optional(),
      }),
    ),
  }),
  { codec: true },
) {}

const figures = z.object({
  baseline: z.number().nullable().optional(),
  target: z.number().nullable().optional(),
  targetMax: z.number().nullable().optional(),
  /** a self-assessment's result achieved */
  result: z.number().nullable().optional(),
});

export class DraftViewDto extends createZodDto(
  z.object({
    revision: z.int(),
    savedAt: isoDateTime.nullable(),
    savedBy: personRef.nullable(),
    sections: z.record(z.string(), z.string()),
    indicators: z.record(z.string(), figures),
  }),
  { codec: true },
) {}

const issueCode = z.enum([
  'SECTION_REQUIRED',
  'INDICATOR_REQUIRED',
  'PERCENT_OUT_OF_RANGE',
  'INDICATOR_UNKNOWN',
  'INDICATOR_OTHER_LEVEL',
  'TARGET_RANGE_INVERTED',
  'BELOW_DISTRICT_TARGET',
  'ABOVE_DISTRICT_TARGET',
  'RESULT_REQUIRED',
  'RESULT_SHORT_OF_TARGET',
]);
const issue = z.object({ field: z.string(), code: issueCode, message: z.string() });

export class ValidationResultDto extends createZodDto(
  z.object({ ok: z.boolean(), errors: z.array(issue), warnings: z.array(issue) }),
  { codec: true },
) {}

const change = z.enum(['ADDED', 'REMOVED', 'CHANGED', 'UNCHANGED']);
const side = z.object({ number: z.union([z.int(), z.literal('draft')]), savedAt: isoDateTime.nullable() });
const exactFigures = z.object({
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetMax: z.number().nullable(),
  /** a self-assessment's result achieved */
  result: z.number().optional(),
});

export class PlanDiffDto extends createZodDto(
  z.object({
    from: side,
    to: side,
    sections: z.array(
      z.object({
        key: z.string(),
        title: z.string(),
        change,
        before: z.string().nullable(),
        after: z.string().nullable(),
        parts: z.array(z.object({ change: z.enum(['ADDED', 'REMOVED', 'UNCHANGED']), text: z.string() })).optional(),
      }),
    ),
    indicators: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        change,
        before: exactFigures.nullable(),
        after: exactFigures.nullable(),
      }),
    ),
    attachments: z.array(
      z.object({ id: uuid, fileName: z.string(), change: z.enum(['ADDED', 'REMOVED', 'UNCHANGED']) }),
    ),
  }),
  { codec: true },
) {}

export class PlanFormDto extends createZodDto(
  z.object({
    campaign: z.object({
      id: uuid,
      documentNumber: z.string(),
      title: z.string(),
      issuedOn: z.string(),
      legalBases: z.array(z.string()),
      submissionDeadline: isoDateTime,
      paperCopies: z.int(),
      receiver: z.object({ fullName: z.string(), title: z.string() }).nullable(),
      signerTitle: z.string().nullable(),
    }),
    /** PLAN, SELF_ASSESSMENT or REPORT: what the form asks for and how it is worded */
    kind: z.enum(CampaignKind),
    /** a self-assessment's phase and the campaign it belongs to */
    phase: z
      .object({
        parentId: uuid,
        parentDocumentNumber: z.string(),
        parentTitle: z.string(),
        index: z.int(),
        name: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
      })
      .nullable(),
    schoolLevel,
    sections: z.array(z.object({ key: z.string(), title: z.string(), required: z.boolean() })),
    indicators: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        unit: z.string(),
        level: schoolLevel.nullable(),
        direction: z.enum(IndicatorDirection),
        targetMin: z.number().nullable(),
        targetMax: z.number().nullable(),
        required: z.boolean(),
        /** a self-assessment's only: the school's target in its approved plan (null: none approved) */
        approved: z.object({ target: z.number().nullable(), targetMax: z.number().nullable() }).nullable().optional(),
      }),
    ),
    requiredIndicators: z.array(z.string()),
    standing: planStanding,
  }),
  { codec: true },
) {}

const comment = z.object({
  id: uuid,
  planId: uuid,
  parentId: uuid.nullable(),
  versionNo: z.int(),
  anchorType: z.enum(CommentAnchor),
  anchorKey: z.string().nullable(),
  body: z.string(),
  createdAt: isoDateTime,
  author: personWithTitle,
});

const thread = z.object({
  id: uuid,
  anchorType: z.enum(CommentAnchor),
  anchorKey: z.string().nullable(),
  anchorTitle: z.string(),
  versionNo: z.int(),
  carriedOver: z.boolean(),
  open: z.boolean(),
  resolved: z.object({ at: isoDateTime, versionNo: z.int(), by: personWithTitle.nullable() }).nullable(),
  root: comment,
  replies: z.array(comment),
});

export class CommentDto extends createZodDto(comment, { codec: true }) {}
export class CommentThreadDto extends createZodDto(thread, { codec: true }) {}
export class CommentListDto extends createZodDto(
  z.object({ planId: uuid, versionNo: z.int(), currentVersionNo: z.int(), threads: z.array(thread) }),
  { codec: true },
) {}

const attachment = z.object({
  id: uuid,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.int(),
  sha256: z.string(),
  createdAt: isoDateTime,
  removedAt: isoDateTime.nullable(),
  uploadedBy: personRef,
});

export class AttachmentDto extends createZodDto(attachment, { codec: true }) {}
export class AttachmentListDto extends createZodDto(z.array(attachment), { codec: true }) {}
export class AttachmentRulesDto extends createZodDto(
  z.object({
    maxBytes: z.int(),
    kinds: z.array(z.object({ label: z.string(), mimeType: z.string(), extensions: z.array(z.string()) })),
  }),
  { codec: true },
) {}

/** An extension request as its row is stored. */
const extensionRequest = z.object({
  id: uuid,
  districtId: uuid,
  campaignId: uuid,
  planId: uuid,
  status: z.enum(ExtensionStatus),
  kind: deadlineKind,
  reason: z.string(),
  requestedUntil: isoDateTime.nullable(),
  requestedById: uuid,
  createdAt: isoDateTime,
  decidedAt: isoDateTime.nullable(),
  decidedById: uuid.nullable(),
  grantedUntil: isoDateTime.nullable(),
  decisionNote: z.string().nullable(),
});

export class ExtensionRequestDto extends createZodDto(extensionRequest, { codec: true }) {}
export class ExtensionRequestListDto extends createZodDto(z.array(extensionRequest), { codec: true }) {}
export class PendingExtensionRequestListDto extends createZodDto(
  z.array(
    extensionRequest.extend({
      plan: z.object({
        id: uuid,
        status: planStatus,
        school: z.object({ code: z.string(), name: z.string(), level: schoolLevel }),
      }),
      campaign: z.object({ id: uuid, title: z.string(), documentNumber: z.string() }),
      requestedBy: personRef,
      /** the deadline in force that the request asks to move (the revision deadline of a returned plan) */
      deadline: isoDateTime,
    }),
  ),
  { codec: true },
) {}
