import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, CampaignDocumentsService, DOCX_MIME } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AnswersFile } from '../common/answers';
import { contentDisposition } from '../common/content-disposition';
import { UuidParam } from '../common/uuid-param';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The campaign's documents in the form an office files them (Nghị định 30/2020): the directive and the report. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
@ApiNotFoundResponse({ description: 'Không tìm thấy đợt kế hoạch' })
@Controller('campaigns/:id/documents')
export class CampaignDocumentsController {
  constructor(private readonly documents: CampaignDocumentsService) {}

  @Get('directive.docx')
  @Roles('ADMIN', 'REVIEWER', 'CLERK', 'PROVINCE')
  @ApiOperation({
    summary: 'Tải văn bản chỉ đạo (DOCX) theo thể thức Nghị định 30/2020: số, ký hiệu, trích yếu, chỉ tiêu, nơi nhận',
  })
  @ApiForbiddenResponse({ description: 'Chỉ cán bộ Phòng GD&ĐT' })
  @AnswersFile('Văn bản chỉ đạo dạng Word', DOCX_MIME)
  async directive(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return file(res, await this.documents.directive(u, id), DOCX_MIME);
  }

  @Get('report.docx')
  @Roles('ADMIN', 'REVIEWER', 'PROVINCE')
  @ApiOperation({
    summary:
      'Tải báo cáo tổng hợp (DOCX): chỉ tiêu của các trường theo cấp học và toàn huyện, so với chỉ tiêu của huyện',
    description: 'Chuyên viên, phó trưởng phòng: các trường trong cấp học, cụm được phân công.',
  })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo và chuyên viên Phòng GD&ĐT' })
  @AnswersFile('Báo cáo tổng hợp dạng Word', DOCX_MIME)
  async reportDocx(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return file(res, await this.documents.reportDocx(u, id), DOCX_MIME);
  }

  @Get('report.xlsx')
  @Roles('ADMIN', 'REVIEWER', 'PROVINCE')
  @ApiOperation({
    summary: 'Tải bảng tổng hợp (XLSX): mỗi cấp học một trang, mỗi trường một dòng với chỉ tiêu đã được duyệt',
    description: 'Tệp được ghi dần theo từng nhóm trường (không dựng cả tệp trong bộ nhớ).',
  })
  @ApiForbiddenResponse({ description: 'Chỉ lãnh đạo và chuyên viên Phòng GD&ĐT' })
  @AnswersFile('Bảng tổng hợp dạng Excel', XLSX_MIME)
  async reportXlsx(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const report = await this.documents.reportXlsx(u, id);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(report.stream, { type: XLSX_MIME, disposition: contentDisposition(report.fileName) });
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
