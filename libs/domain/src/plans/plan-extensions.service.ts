import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { PrismaService, type Tx } from '@duyet/database';
import type { AuthUser } from './access';
import { ClockService } from '../calendar/clock.service';
import { DomainError } from '../common/errors';
import { activePrincipals } from '../people/principals';
import { auditInstant, formatVnDateTime } from '../common/format';
import { type OutboxMail, planMailBase, writeOutbox } from './plan-mails';
import { MailQueueService, MailTemplate } from '@duyet/mail';
import { PlanMovesService } from './plan-moves.service';
import { PlanAccessService, type PlanRow } from './plan-access.service';
import { AuditLog } from '../audit/audit-log';

const SCHOOL_SIDE = ['NOT_STARTED', 'DRAFTING', 'RETURNED'];

/** A principal asks for more time; an admin grants it (a workflow move that re-arms the deadline) or refuses. */
@Injectable()
export class PlanExtensionsService {
  constructor(
    private readonly access: PlanAccessService,
    private readonly moves: PlanMovesService,
    private readonly prisma: PrismaService,
    private readonly clock: ClockService,
    private readonly mailQueue: MailQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  list(user: AuthUser, planId: string) {
    return this.access
      .loadForActor(user, planId, 'read')
      .then(() => this.prisma.extensionRequest.findMany({ where: { planId }, orderBy: { createdAt: 'asc' } }));
  }

  /**
   * The district's requests waiting for an answer, oldest first, each with what the office decides on: the school,
   * the campaign, who asked, and the deadline the request would move (the one in force for its kind).
   */
  async pending(admin: AuthUser) {
    const rows = await this.prisma.extensionRequest.findMany({
      where: { districtId: admin.districtId, status: 'PENDING' },
      orderBy: { createdAt: 'asc' },
      include: {
        requestedBy: { select: { id: true, fullName: true } },
        campaign: { select: { id: true, title: true, documentNumber: true, submissionDeadline: true } },
        plan: {
          select: {
            id: true,
            status: true,
            submissionDeadline: true,
            revisionDeadline: true,
            school: { select: { code: true, name: true, level: true } },
          },
        },
      },
    });
    return rows.map(({ campaign, plan, ...row }) => {
      const { submissionDeadline, revisionDeadline, ...planRef } = plan;
      const submission = submissionDeadline ?? campaign.submissionDeadline;
      return {
        ...row,
        campaign: { id: campaign.id, title: campaign.title, documentNumber: campaign.documentNumber },
        plan: planRef,
        deadline: row.kind === 'REVISION' ? (revisionDeadline ?? submission) : submission,
      };
    });
  }

  async request(user: AuthUser, planId: string, body: { reason: string; requestedUntil?: string }, key: string) {
    const plan = await this.access.loadForActor(user, planId, 'request-extension');
    if (!SCHOOL_SIDE.includes(plan.status)) {
      throw new DomainError('INVALID_TRANSITION', 'Chỉ đề nghị gia hạn khi kế hoạch đang chờ nhà trường nộp.');
    }
    const deadline = plan.revisionDeadline ?? plan.submissionDeadline ?? plan.campaign.submissionDeadline;
    if (body.requestedUntil && new Date(body.requestedUntil) <= deadline) {
      throw new DomainError('VALIDATION', `Ngày đề nghị phải sau hạn hiện tại (${formatVnDateTime(deadline)}).`);
    }
    const auditKey = `extension-request:${planId}:${user.id}:${key}`;
    const done = await AuditLog.find(this.prisma, auditKey, 'EXTENSION_REQUESTED');
    if (done) return this.prisma.extensionRequest.findUniqueOrThrow({ where: { id: done.data.id } });
    const pending = await this.prisma.extensionRequest.findFirst({ where: { planId, status: 'PENDING' } });
    if (pending) throw new DomainError('CONFLICT', 'Trường đã có một đề nghị gia hạn đang chờ Phòng trả lời.');
    const { row, emailIds } = await this.prisma.$transaction(async (tx) => {
      const created = await tx.extensionRequest.create({
        data: {
          districtId: plan.districtId,
          campaignId: plan.campaignId,
          planId,
          kind: plan.revisionDeadline ? 'REVISION' : 'SUBMISSION',
          reason: body.reason,
          requestedUntil: body.requestedUntil ? new Date(body.requestedUntil) : null,
          requestedById: user.id,
        },
      });
      const ids = await this.mailAdmins(tx, plan, user, created, deadline, auditKey);
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId,
        actorId: user.id,
        type: 'EXTENSION_REQUESTED',
        data: {
          id: created.id,
          reason: body.reason,
          // The audit keeps instants in UTC, whatever offset the request carried.
          requestedUntil: body.requestedUntil ? auditInstant(body.requestedUntil) : null,
          emailIds: ids,
        },
        idempotencyKey: auditKey,
      });
      return { row: created, emailIds: ids };
    });
    await this.mailQueue.enqueue(emailIds);
    return row;
  }

  async grant(admin: AuthUser, planId: string, requestId: string, body: { until: string; note: string }, key: string) {
    const request = await this.pendingRequest(admin, planId, requestId);
    return this.moves.extendDeadline(
      admin,
      planId,
      { kind: request.kind, until: body.until, reason: body.note, requestId },
      key,
    );
  }

  async refuse(admin: AuthUser, planId: string, requestId: string, note: string) {
    const plan = await this.access.loadForActor(admin, planId, 'administer');
    await this.pendingRequest(admin, planId, requestId);
    const emailIds = await this.prisma.$transaction(async (tx) => {
      const decided = await tx.extensionRequest.updateMany({
        where: { id: requestId, status: 'PENDING' },
        data: { status: 'REFUSED', decidedById: admin.id, decidedAt: this.clock.now(), decisionNote: note },
      });
      if (decided.count !== 1) throw new DomainError('CONFLICT', 'Đề nghị gia hạn này đã được xử lý.');
      const context = await this.mailContext(tx, plan.id);
      const principals = await activePrincipals(tx, plan);
      const mails: OutboxMail[] = principals.map((p) => ({
        template: MailTemplate.EXTENSION_DECIDED,
        to: p.email,
        data: {
          ...planMailBase(context, this.config.publicUrl, p.fullName, plan.currentVersionNo),
          granted: false,
          note,
        },
      }));
      const ids = await writeOutbox(tx, plan, `extension-refused:${requestId}`, mails);
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId,
        actorId: admin.id,
        type: 'EXTENSION_REFUSED',
        data: { id: requestId, note, emailIds: ids },
      });
      return ids;
    });
    await this.mailQueue.enqueue(emailIds);
    return this.prisma.extensionRequest.findUniqueOrThrow({ where: { id: requestId } });
  }

  private async pendingRequest(admin: AuthUser, planId: string, requestId: string) {
    await this.access.loadForActor(admin, planId, 'administer');
    const request = await this.prisma.extensionRequest.findFirst({ where: { id: requestId, planId } });
    if (!request) throw new DomainError('NOT_FOUND', 'Không tìm thấy đề nghị gia hạn.');
    if (request.status !== 'PENDING') throw new DomainError('CONFLICT', 'Đề nghị gia hạn này đã được xử lý.');
    return request;
  }

  private mailContext(tx: Tx, planId: string) {
    return tx.plan.findUniqueOrThrow({
      where: { id: planId },
      include: { school: true, campaign: { include: { receiver: true, district: true } } },
    });
  }

  /** The office heads hear of the request; they decide on extensions. */
  private async mailAdmins(
    tx: Tx,
    plan: PlanRow,
    user: AuthUser,
    request: { reason: string; requestedUntil: Date | null },
    deadline: Date,
    key: string,
  ): Promise<string[]> {
    const context = await this.mailContext(tx, plan.id);
    const admins = await tx.user.findMany({
      where: { districtId: plan.districtId, position: 'HEAD', active: true },
    });
    const mails: OutboxMail[] = admins.map((a) => ({
      template: MailTemplate.EXTENSION_REQUESTED,
      to: a.email,
      data: {
        ...planMailBase(context, this.config.publicUrl, a.fullName, plan.currentVersionNo),
        requestedBy: user.fullName,
        deadline: formatVnDateTime(deadline),
        ...(request.requestedUntil ? { requestedUntil: formatVnDateTime(request.requestedUntil) } : {}),
        reason: request.reason,
      },
    }));
    return writeOutbox(tx, plan, key, mails);
  }
}
