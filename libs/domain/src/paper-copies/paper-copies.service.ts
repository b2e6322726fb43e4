import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { PrismaService } from '@duyet/database';
import { AuditLog } from '../audit/audit-log';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { PlanAccessService } from '../plans/plan-access.service';

/** A delivery of paper copies as the clerk records it; without receivedAt, received now. */
export const paperCopyInputSchema = z.object({
  copies: z
    .number('Cần ghi số bản giấy nhận được')
    .int('Số bản giấy phải là số nguyên')
    .min(1, 'Ít nhất 1 bản')
    .max(100, 'Nhiều nhất 100 bản một lần'),
  receivedAt: z.iso
    .datetime({ offset: true, message: 'Thời điểm nhận phải có dạng 2027-01-05T09:30:00+07:00' })
    .optional(),
  note: z.string().trim().max(500, 'Ghi chú tối đa 500 ký tự').optional(),
});
export type PaperCopyInput = z.infer<typeof paperCopyInputSchema>;

const include = { recordedBy: { select: { id: true, fullName: true } } } as const;

/**
 * The paper copies (bản giấy) of each plan handed in at the office: the directive asks a number of them, delivered
 * to its receiver; the clerk (or an admin) records each delivery, and the plan's page shows received against owed.
 */
@Injectable()
export class PaperCopiesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly access: PlanAccessService,
    private readonly clock: ClockService,
  ) {}

  async list(actor: AuthUser, planId: string) {
    const plan = await this.access.loadForActor(actor, planId, 'read');
    return this.summary(planId, plan.campaignId);
  }

  /** Records a delivery once per Idempotency-Key: a retried request answers the same, without a second record. */
  async record(actor: AuthUser, planId: string, input: PaperCopyInput, idempotencyKey: string) {
    const plan = await this.access.loadForActor(actor, planId, 'read');
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : this.clock.now();
    if (receivedAt.getTime() > this.clock.now().getTime() + 60_000) {
      const message = 'Thời điểm nhận bản giấy không thể ở tương lai.';
      throw new DomainError('VALIDATION', message, { errors: [{ field: 'receivedAt', message }] });
    }
    const key = `paper:${planId}:${idempotencyKey}`;
    await this.prisma.$transaction(async (tx) => {
      // One delivery at a time per plan, so each audit line's running total is right.
      await tx.$queryRaw`SELECT id FROM "Plan" WHERE id = ${planId}::uuid FOR NO KEY UPDATE`;
      if (await tx.paperCopyReceipt.findUnique({ where: { idempotencyKey: key } })) return;
      const receipt = await tx.paperCopyReceipt.create({
        data: {
          districtId: plan.districtId,
          campaignId: plan.campaignId,
          planId,
          copies: input.copies,
          receivedAt,
          recordedById: actor.id,
          note: input.note || null,
          idempotencyKey: key,
        },
      });
      const total = await tx.paperCopyReceipt.aggregate({ where: { planId }, _sum: { copies: true } });
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: plan.campaignId } });
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId,
        actorId: actor.id,
        type: 'PAPER_COPIES_RECEIVED',
        data: {
          receiptId: receipt.id,
          copies: receipt.copies,
          receivedAt: receivedAt.toISOString(),
          total: total._sum.copies ?? receipt.copies,
          required: campaign.paperCopies,
          note: receipt.note,
        },
        idempotencyKey: key,
      });
    });
    return this.summary(planId, plan.campaignId);
  }

  private async summary(planId: string, campaignId: string) {
    const [campaign, receipts] = await Promise.all([
      this.prisma.campaign.findUniqueOrThrow({ where: { id: campaignId }, select: { paperCopies: true } }),
      this.prisma.paperCopyReceipt.findMany({ where: { planId }, include, orderBy: { receivedAt: 'asc' } }),
    ]);
    const received = receipts.reduce((n, r) => n + r.copies, 0);
    return {
      required: campaign.paperCopies,
      received,
      complete: received >= campaign.paperCopies,
      receipts: receipts.map((r) => ({
        id: r.id,
        copies: r.copies,
        receivedAt: r.receivedAt,
        note: r.note,
        recordedBy: r.recordedBy,
      })),
    };
  }
}
