import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ATTACHMENT_KINDS, type AuthUser, type IncomingFile, PlanAttachmentsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../common/content-disposition';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { ATTACHMENT_FIELD, AttachmentUploadInterceptor } from './attachment-upload.interceptor';
import { Answers } from '../common/answers';
import { AttachmentDto, AttachmentListDto, AttachmentRulesDto } from './plans.responses';

const ALLOWED_MIME_TYPES = Object.values(ATTACHMENT_KINDS).map((k) => k.mimeType);

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch hoặc tệp đính kèm này trong huyện' })
@Controller('plans/:id/attachments')
export class PlanAttachmentsController {
  constructor(private readonly attachments: PlanAttachmentsService) {}

  @Get()
  @Answers(AttachmentListDto, 200)
  @ApiOperation({ summary: 'Các tệp đính kèm của bản nháp (chưa bị gỡ)' })
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.attachments.list(user, id);
  }

  @Get('rules')
  @Answers(AttachmentRulesDto, 200)
  @ApiOperation({
    summary: 'Loại tệp và dung lượng tối đa được đính kèm',
    description: 'Trang kế hoạch dùng để từ chối một tệp trước khi gửi, bằng đúng lời máy chủ sẽ trả lời.',
  })
  rules(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.attachments.rules(user, id);
  }

  @Post()
  @Answers(AttachmentDto, 201)
  @Roles('PRINCIPAL', 'SCHOOL_STAFF')
  @UseInterceptors(AttachmentUploadInterceptor)
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Đính kèm một tệp (PDF, DOCX, XLSX, PNG, JPEG) khi kế hoạch chưa nộp hoặc bị trả lại',
    description: 'Loại tệp được xác định theo nội dung, phải khớp với phần mở rộng của tên tệp.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [ATTACHMENT_FIELD],
      properties: { [ATTACHMENT_FIELD]: { type: 'string', format: 'binary', description: 'Tệp đính kèm' } },
    },
  })
  @ApiCreatedResponse({ description: 'Tệp đã được lưu; trả về thông tin tệp kèm mã SHA-256' })
  @ApiBadRequestResponse({ description: 'Tệp rỗng, quá dung lượng, sai loại hoặc nội dung không khớp tên tệp' })
  @ApiConflictResponse({ description: 'Kế hoạch đã nộp hoặc đang xét duyệt' })
  upload(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UploadedFile() file: IncomingFile | undefined,
    @IdempotencyKey() key: string,
  ) {
    return this.attachments.upload(user, id, file, key);
  }

  @Get(':attachmentId/content')
  @ApiOperation({ summary: 'Tải tệp đính kèm (kể cả tệp đã gỡ khỏi bản nháp nhưng còn trong một lần nộp)' })
  @ApiProduces(...ALLOWED_MIME_TYPES)
  @ApiOkResponse({ description: 'Nội dung tệp; ETag là mã SHA-256', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.attachments.open(user, id, attachmentId);
    res.setHeader('ETag', `"${file.sha256}"`);
    // Behind a login: no shared cache may keep it, and the browser must not guess another type than the one checked.
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.stream, {
      type: file.mimeType,
      disposition: contentDisposition(file.fileName),
      length: file.size,
    });
  }

  @Delete(':attachmentId')
  @Answers(AttachmentDto, 200)
  @HttpCode(200)
  @Roles('PRINCIPAL', 'SCHOOL_STAFF')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Gỡ tệp khỏi bản nháp; tệp vẫn còn cho các lần nộp đã chốt' })
  @ApiConflictResponse({ description: 'Kế hoạch đã nộp hoặc đang xét duyệt' })
  remove(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('attachmentId') attachmentId: string,
    @IdempotencyKey() key: string,
  ) {
    return this.attachments.remove(user, id, attachmentId, key);
  }
}
