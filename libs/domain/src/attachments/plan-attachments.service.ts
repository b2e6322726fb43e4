import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { type PlanStatus, type Prisma, PrismaService, type Tx } from '@duyet/database';
import { ATTACHMENT_EDITABLE_STATUSES } from './attachments';
import type { AuthUser } from '../plans/access';
import { DomainError } from '../common/errors';
import { ATTACHMENT_KINDS, checkUpload } from './attachment-content';
import { isUniqueViolation } from '../common/failures';
import {
  FILE_STORAGE,
  type FileStorage,
  StoredObjectNotFoundError,
  contentAddressedKey,
  sha256Hex,
} from '@duyet/storage';
import { PlanAccessService } from '../plans/plan-access.service';
import { AuditLog } from '../audit/audit-log';

/** What multer hands over: the name the client sent and the bytes, held in memory up to the size limit. */
export interface IncomingFile {
  originalname: string;
  buffer: Buffer;
}

export interface AttachmentContent {
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  stream: Readable;
}

const attachmentSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  createdAt: true,
  removedAt: true,
  uploadedBy: { select: { id: true, fullName: true } },
} satisfies Prisma.AttachmentSelect;
export type AttachmentDto = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

@Injectable()
export class PlanAttachmentsService {
  private readonly logger = new Logger(PlanAttachmentsService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly access: PlanAccessService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The draft's attachments, oldest first. */
  async list(user: AuthUser, planId: string): Promise<AttachmentDto[]> {
    await this.access.loadForActor(user, planId, 'read');
    return this.prisma.attachment.findMany({
      where: { planId, districtId: user.districtId, removedAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: attachmentSelect,
    });
  }

  /** What the plan's page needs to refuse a file before sending it, in the words the upload would answer. */
  async rules(user: AuthUser, planId: string) {
    await this.access.loadForActor(user, planId, 'read');
    const kinds = Object.values(ATTACHMENT_KINDS).map(({ label, mimeType, extensions }) => ({
      label,
      mimeType,
      extensions,
    }));
    return { maxBytes: this.config.storage.maxUploadBytes, kinds };
  }

  async upload(user: AuthUser, planId: string, file: IncomingFile | undefined, requestKey: string) {
    const plan = await this.access.loadForActor(user, planId, 'edit-attachments');
    const idempotencyKey = `attachment-add:${planId}:${requestKey}`;
    const earlier = await this.findByEvent(idempotencyKey);
    if (earlier) return earlier;
    assertEditable(plan.status);
    if (!file) {
      throw new DomainError(
        'VALIDATION',
        'Chưa có tệp nào được gửi lên: gửi tệp trong trường “file” (multipart/form-data).',
        {
          errors: [{ field: 'file', message: 'Bắt buộc' }],
        },
      );
    }
    const checked = checkUpload({
      fileName: file.originalname,
      content: file.buffer,
      maxBytes: this.config.storage.maxUploadBytes,
    });
    const sha256 = sha256Hex(file.buffer);
    const storageKey = contentAddressedKey(sha256);
    // Stored before the row so that a committed row always has its bytes. Identical files share one object.
    if (!(await this.storage.exists(storageKey))) await this.storage.put(storageKey, file.buffer);
    const data = { fileName: checked.fileName, mimeType: checked.mimeType, size: file.buffer.length, sha256 };
    return this.once(idempotencyKey, async (tx) => {
      await lockEditable(tx, planId);
      const row = await tx.attachment.create({
        data: { ...data, districtId: plan.districtId, planId, storageKey, uploadedById: user.id },
      });
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId,
        actorId: user.id,
        type: 'ATTACHMENT_ADDED',
        data: { attachmentId: row.id, ...data },
        idempotencyKey,
      });
      return row.id;
    });
  }

  /** Takes the file out of the draft; its bytes stay, as frozen versions may list it. */
  async remove(user: AuthUser, planId: string, attachmentId: string, requestKey: string) {
    const plan = await this.access.loadForActor(user, planId, 'edit-attachments');
    const idempotencyKey = `attachment-remove:${attachmentId}:${requestKey}`;
    const earlier = await this.findByEvent(idempotencyKey);
    if (earlier) return earlier;
    assertEditable(plan.status);
    return this.once(idempotencyKey, async (tx) => {
      await lockEditable(tx, planId);
      const where = { id: attachmentId, planId, districtId: plan.districtId, removedAt: null };
      const row = await tx.attachment.findFirst({ where });
      if (!row) throw new DomainError('NOT_FOUND', 'Bản nháp của kế hoạch không có tệp đính kèm này.');
      await tx.attachment.update({ where: { id: row.id }, data: { removedAt: new Date() } });
      await AuditLog.write(tx, {
        districtId: plan.districtId,
        campaignId: plan.campaignId,
        planId,
        actorId: user.id,
        type: 'ATTACHMENT_REMOVED',
        data: { attachmentId: row.id, fileName: row.fileName, sha256: row.sha256 },
        idempotencyKey,
      });
      return row.id;
    });
  }

  /** The bytes of any attachment the plan ever had, removed ones included: a frozen version may list them. */
  async open(user: AuthUser, planId: string, attachmentId: string): Promise<AttachmentContent> {
    await this.access.loadForActor(user, planId, 'read');
    const row = await this.prisma.attachment.findFirst({
      where: { id: attachmentId, planId, districtId: user.districtId },
    });
    if (!row) throw new DomainError('NOT_FOUND', 'Không tìm thấy tệp đính kèm này của kế hoạch.');
    try {
      const stream = await this.storage.get(row.storageKey);
      return { fileName: row.fileName, mimeType: row.mimeType, size: row.size, sha256: row.sha256, stream };
    } catch (err) {
      if (!(err instanceof StoredObjectNotFoundError)) throw err;
      this.logger.error(`Attachment ${row.id} has no stored object under ${row.storageKey}`);
      throw new DomainError('NOT_FOUND', 'Nội dung của tệp đính kèm này không còn trong kho lưu trữ.');
    }
  }

  /** Runs the change once per idempotency key: a concurrent retry loses on the unique key and gets the winner's. */
  private async once(idempotencyKey: string, change: (tx: Tx) => Promise<string>): Promise<AttachmentDto> {
    try {
      const id = await this.prisma.$transaction(change);
      return await this.prisma.attachment.findUniqueOrThrow({ where: { id }, select: attachmentSelect });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const earlier = await this.findByEvent(idempotencyKey);
      if (!earlier) throw err;
      return earlier;
    }
  }

  private async findByEvent(idempotencyKey: string): Promise<AttachmentDto | null> {
    const event = await AuditLog.find(this.prisma, idempotencyKey, 'ATTACHMENT_ADDED', 'ATTACHMENT_REMOVED');
    if (!event) return null;
    const { attachmentId } = event.data;
    return this.prisma.attachment.findUnique({ where: { id: attachmentId }, select: attachmentSelect });
  }
}

function assertEditable(status: PlanStatus): void {
  if (!ATTACHMENT_EDITABLE_STATUSES.includes(status)) throw submitted();
}

/**
 * Checks the status again under the plan row's lock, which the submission's freeze also takes: a file is either in
 * the version being frozen or refused, never added to a plan that has just been submitted.
 */
async function lockEditable(tx: Tx, planId: string): Promise<void> {
  const open = await tx.plan.updateMany({
    where: { id: planId, status: { in: ATTACHMENT_EDITABLE_STATUSES } },
    data: { updatedAt: new Date() },
  });
  if (open.count === 0) throw submitted();
}

function submitted(): DomainError {
  return new DomainError(
    'INVALID_TRANSITION',
    'Kế hoạch đã nộp hoặc đang được xét duyệt, không thể thêm hay gỡ tệp đính kèm lúc này.',
  );
}
