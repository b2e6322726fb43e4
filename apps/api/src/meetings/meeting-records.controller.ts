import { Body, Controller, Get, Put, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { type AuthUser, DOCX_MIME, MeetingMinutesService, MeetingRecordsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentDisposition } from '../common/content-disposition';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { AttendanceDto, MeetingRoutes } from './meeting-dtos';
import { UsesWorkflows } from '../common/require-dependencies';
import { Answers } from '../common/answers';
import { AttendanceListDto } from './meetings.responses';

/** The meeting's record: attendance, and the minutes (biên bản) as a Word document. */
@MeetingRoutes()
@Controller('meetings/:id')
@UsesWorkflows()
export class MeetingRecordsController {
  constructor(
    private readonly records: MeetingRecordsService,
    private readonly minutes: MeetingMinutesService,
  ) {}

  @Put('attendance')
  @Answers(AttendanceListDto, 200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Điểm danh: người được mời có mặt (còn lại vắng) và khách không có tài khoản (BCH Công đoàn)',
  })
  attendance(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: AttendanceDto,
    @IdempotencyKey() k: string,
  ) {
    return this.records.recordAttendance(u, id, dto, k);
  }

  @Get('minutes')
  @Roles('ADMIN', 'REVIEWER')
  @ApiOperation({ summary: 'Tải biên bản hội nghị (DOCX): thành phần, kết quả và ý kiến từng trường, chữ ký' })
  @ApiProduces(DOCX_MIME)
  @ApiOkResponse({ description: 'Biên bản dạng Word', schema: { type: 'string', format: 'binary' } })
  async download(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.minutes.minutes(u, id);
    res.setHeader('Cache-Control', 'private, no-cache');
    return new StreamableFile(file.content, {
      type: DOCX_MIME,
      disposition: contentDisposition(file.fileName),
      length: file.content.length,
    });
  }
}
