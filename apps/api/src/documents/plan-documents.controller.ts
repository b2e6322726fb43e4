import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, DOCX_MIME, PlanDocumentsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AnswersFile } from '../common/answers';
import { contentDisposition } from '../common/content-disposition';
import { UuidParam } from '../common/uuid-param';

/**
 * An approved plan with its approval, as the school files it: for everyone who may read the plan, and the province's
 * user (Sở GD&ĐT) for the plans of its districts.
 */
@ApiTags('documents')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
@ApiForbiddenResponse({ description: 'Không có quyền xem kế hoạch của trường này' })
@ApiNotFoundResponse({ description: 'Không tìm thấy kế hoạch' })
@ApiConflictResponse({ description: 'Kế hoạch chưa được phê duyệt' })
@Roles('PRINCIPAL', 'SCHOOL_STAFF', 'REVIEWER', 'ADMIN', 'CLERK', 'PROVINCE')
@Controller('plans/:id/documents')
export class PlanDocumentsController {
  constructor(private readonly documents: PlanDocumentsService) {}

  @Get('approval.docx')
  @ApiOperation({
    summary: 'Tải kế hoạch đã duyệt kèm phê duyệt (DOCX): nội dung, chỉ tiêu, phiên bản, người ký, danh nghĩa',
  })
  @AnswersFile('Kế hoạch đã duyệt dạng Word', DOCX_MIME)
  async docx(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return file(res, await this.documents.approval(u, id, 'docx'), DOCX_MIME);
  }

  @Get('approval.pdf')
  @ApiOperation({ summary: 'Tải kế hoạch đã duyệt kèm phê duyệt (PDF, phông DejaVu Serif đi kèm)' })
  @AnswersFile('Kế hoạch đã duyệt dạng PDF', 'application/pdf')
  async pdf(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return file(res, await this.documents.approval(u, id, 'pdf'), 'application/pdf');
  }
}

function file(res: Response, doc: { fileName: string; content: Buffer }, type: string): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-cache');
  return new StreamableFile(doc.content, {
    type,
    disposition: contentDisposition(doc.fileName),
    length: doc.content.length,
  });
}
