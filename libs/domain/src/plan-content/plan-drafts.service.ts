import { Injectable } from '@nestjs/common';
import { type PlanStatus, type Prisma, PrismaService, type Tx } from '@duyet/database';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { formatVnDateTime } from '../common/format';
import type { PlanDraft } from './draft.schema';
import { type PlanContent, readPlanContent } from './content';
import { type DraftChanges, draftChanges, mergeDraftChanges, readDraftChanges } from './draft-changes';
import { PlanContentService } from './plan-content.service';
import { AuditLog } from '../audit/audit-log';

const EDITABLE: PlanStatus[] = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

const NOT_EDITABLE: Partial<Record<PlanStatus, string>> = {
  APPROVED: 'Kế hoạch đã được phê duyệt, không thể sửa bản nháp (Phòng có thể mở lại kế hoạch để điều chỉnh).',
  EXEMPTED: 'Trường được miễn nộp kế hoạch của đợt này, không có bản nháp để sửa.',
  CLOSED: 'Kế hoạch đã đóng, không thể sửa bản nháp.',
};
const UNDER_REVIEW = 'Kế hoạch đã được nộp hoặc đang được xét duyệt, không thể sửa bản nháp lúc này.';

/** A draft save: what the school sent, and the revision it read the draft at. */
export interface DraftSave {
  planId: string;
  actorId: string;
  draft: PlanDraft;
  /** the revision the editor started from (If-Match); undefined: save over whatever is there */
  basedOn?: number;
  /** one per request: a retried save finds its own audit event and writes nothing more */
  idempotencyKey: string;
}

export interface DraftSaver {
  id: string;
  fullName: string;
}

/** The draft as an editor reads it: its content, its revision (the ETag) and the last save. */
export interface DraftView extends PlanContent {
  revision: number;
  savedAt: Date | null;
  savedBy: DraftSaver | null;
}

interface DraftRow {
  id: string;
  districtId: string;
  campaignId: string;
  status: PlanStatus;
  removedAt: Date | null;
  draft: unknown;
  draftRevision: number;
  draftUpdatedAt: Date | null;
}

export const draftEtag = (revision: number): string => `"${revision}"`;

/**
 * A plan's draft, saved by revision: each save bumps Plan.draftRevision and records in its audit event which
 * sections and indicators it changed, so a save based on an older revision is refused (412) with what changed
 * since and who saved it, instead of silently overwriting another editor's work. Loads by plan id only: the
 * caller has checked that the user may edit the plan.
 */
@Injectable()
export class PlanDraftsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly content: PlanContentService,
  ) {}

  async read(planId: string): Promise<DraftView> {
    const plan = await this.prisma.plan.findUniqueOrThrow({ where: { id: planId } });
    const last = await this.lastSave(this.prisma, planId);
    const draft = plan.draft as { sections?: unknown; indicators?: unknown } | null;
    return {
      ...readPlanContent(draft?.sections, draft?.indicators),
      revision: plan.draftRevision,
      savedAt: plan.draftUpdatedAt,
      savedBy: last?.actor ?? null,
    };
  }

  /** A retried request whose save was already written. */
  async saved(idempotencyKey: string): Promise<boolean> {
    return (await this.prisma.auditEvent.count({ where: { idempotencyKey } })) > 0;
  }

  /** Refuses, writing nothing, a save the plan's state or revision does not allow (409, 412). */
  async check(save: DraftSave): Promise<void> {
    await this.refuseIfNotAllowed(this.prisma, await this.row(this.prisma, save.planId), save.basedOn);
  }

  /** Writes the draft and its audit event in one transaction, under the plan's row lock; the new revision. */
  async save(save: DraftSave): Promise<number> {
    return this.prisma.$transaction(async (tx) => {
      // Two saves take turns here: the second sees the first's revision and is refused if based on an older one.
      await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${save.planId}::uuid FOR UPDATE`;
      const plan = await this.row(tx, save.planId);
      if (await tx.auditEvent.findUnique({ where: { idempotencyKey: save.idempotencyKey } })) {
        return plan.draftRevision;
      }
      await this.refuseIfNotAllowed(tx, plan, save.basedOn);
      const before = plan.draft as { sections?: unknown; indicators?: unknown } | null;
      const changed = draftChanges(
        readPlanContent(before?.sections, before?.indicators),
        readPlanContent(save.draft.sections, save.draft.indicators),
      );
      const revision = plan.draftRevision + 1;
      await tx.plan.update({
        where: { id: plan.id },
        data: {
          draft: save.draft as unknown as Prisma.InputJsonValue,
          draftUpdatedAt: this.clock.now(),
          draftRevision: revision,
        },
      });
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId: plan.id,
        actorId: save.actorId,
        type: 'PLAN_DRAFT_SAVED',
        data: {
          revision,
          basedOn: save.basedOn ?? null,
          sections: Object.keys(save.draft.sections),
          indicators: Object.keys(save.draft.indicators),
          changed: { sections: changed.sections, indicators: changed.indicators },
        },
        idempotencyKey: save.idempotencyKey,
      });
      return revision;
    });
  }

  private row(db: Tx, planId: string): Promise<DraftRow> {
    return db.plan.findUniqueOrThrow({
      where: { id: planId },
      select: {
        id: true,
        districtId: true,
        campaignId: true,
        status: true,
        removedAt: true,
        draft: true,
        draftRevision: true,
        draftUpdatedAt: true,
      },
    });
  }

  private async refuseIfNotAllowed(db: Tx, plan: DraftRow, basedOn: number | undefined): Promise<void> {
    if (plan.removedAt) throw new DomainError('INVALID_TRANSITION', 'Trường này đã được rút khỏi đợt kế hoạch.');
    if (!EDITABLE.includes(plan.status)) {
      throw new DomainError('INVALID_TRANSITION', NOT_EDITABLE[plan.status] ?? UNDER_REVIEW);
    }
    if (basedOn !== undefined && basedOn !== plan.draftRevision) throw await this.stale(db, plan, basedOn);
  }

  /** 412: which sections and indicators the saves after `basedOn` changed, and who saved last. */
  private async stale(db: Tx, plan: DraftRow, basedOn: number): Promise<DomainError> {
    const since = await db.auditEvent.findMany({
      where: { planId: plan.id, type: 'PLAN_DRAFT_SAVED', data: { path: ['revision'], gt: basedOn } },
      orderBy: { createdAt: 'asc' },
      select: { data: true },
    });
    const changed = mergeDraftChanges(since.map((e) => readDraftChanges((e.data as { changed?: unknown }).changed)));
    const last = await this.lastSave(db, plan.id);
    const named = await this.named(db, plan, changed);
    const savedBy = last?.actor ?? null;
    const what = [
      named.sections.length ? `mục ${named.sections.map((s) => `"${s.title}"`).join(', ')}` : '',
      named.indicators.length ? `chỉ tiêu ${named.indicators.map((i) => `"${i.label}"`).join(', ')}` : '',
    ].filter(Boolean);
    const message =
      basedOn < plan.draftRevision
        ? `Bản nháp đã được lưu lại sau lần lưu thứ ${basedOn} mà bạn đang sửa` +
          (savedBy && plan.draftUpdatedAt
            ? `: lần gần nhất do ${savedBy.fullName} lưu lúc ${formatVnDateTime(plan.draftUpdatedAt)}`
            : '') +
          `. ${what.length ? `Đã thay đổi: ${what.join('; ')}. ` : ''}` +
          `Hãy tải lại bản nháp (lần lưu thứ ${plan.draftRevision}), đối chiếu rồi lưu lại.`
        : `Bản nháp đang ở lần lưu thứ ${plan.draftRevision}, chưa có lần lưu thứ ${basedOn}. Hãy tải lại bản nháp rồi lưu lại.`;
    return new DomainError('PRECONDITION_FAILED', message, {
      basedOn,
      current: {
        revision: plan.draftRevision,
        etag: draftEtag(plan.draftRevision),
        savedAt: plan.draftUpdatedAt,
        savedBy,
      },
      changed: named,
    });
  }

  private lastSave(db: Tx, planId: string) {
    return db.auditEvent.findFirst({
      where: { planId, type: 'PLAN_DRAFT_SAVED' },
      orderBy: { createdAt: 'desc' },
      select: { actor: { select: { id: true, fullName: true } } },
    });
  }

  /** The changed keys with the titles and labels the school sees on its form. */
  private async named(db: Tx, plan: DraftRow, changed: DraftChanges) {
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { id: plan.campaignId },
      select: { sections: true },
    });
    const labels = await this.content.labels(plan.districtId, campaign.sections);
    return {
      sections: changed.sections.map((key) => ({ key, title: labels.sectionTitles[key] ?? key })),
      indicators: changed.indicators.map((code) => ({ code, label: labels.indicatorLabels[code] ?? code })),
    };
  }
}
