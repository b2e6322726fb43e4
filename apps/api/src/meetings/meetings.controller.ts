import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type AuthUser, MeetingQueriesService, MeetingsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { MeetingRoutes, ReasonDto, RescheduleMeetingDto, ScheduleMeetingDto } from './meeting-dtos';
import { Answers } from '../common/answers';
import { MeetingAgendaDto, MeetingDto, MeetingListDto } from './meetings.responses';

/** A campaign's review meetings by cluster (hội nghị duyệt kế hoạch): planned, moved, called off, read. */
@MeetingRoutes()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly queries: MeetingQueriesService,
  ) {}

  @Post('campaigns/:id/meetings')
  @Answers(MeetingDto, 201)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Lên lịch hội nghị duyệt cho một cụm: ngày, giờ, địa điểm, thời lượng mỗi trường; gửi giấy mời kèm lịch',
  })
  schedule(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ScheduleMeetingDto,
    @IdempotencyKey() k: string,
  ) {
    return this.meetings.schedule(u, id, dto, k);
  }

  @Get('campaigns/:id/meetings')
  @Answers(MeetingListDto, 200)
  @ApiOperation({ summary: 'Các hội nghị duyệt của đợt mà người dùng được xem' })
  list(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.queries.list(u, id);
  }

  @Get('meetings/:id')
  @Answers(MeetingDto, 200)
  @Roles('ADMIN', 'REVIEWER')
  @ApiOperation({ summary: 'Chi tiết hội nghị: thứ tự trình bày, kết quả từng kế hoạch, thành phần và điểm danh' })
  get(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.queries.get(u, id);
  }

  @Patch('meetings/:id')
  @Answers(MeetingDto, 200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Dời lịch hoặc đổi địa điểm, thời lượng; người được mời nhận lịch cập nhật' })
  reschedule(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: RescheduleMeetingDto,
    @IdempotencyKey() k: string,
  ) {
    return this.meetings.reschedule(u, id, dto, k);
  }

  @Post('meetings/:id/cancel')
  @Answers(MeetingDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Hủy hội nghị, kèm lý do; người được mời nhận thư hủy lịch' })
  cancel(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ReasonDto, @IdempotencyKey() k: string) {
    return this.meetings.cancel(u, id, dto.reason, k);
  }

  @Get('meetings/:id/agenda')
  @Answers(MeetingAgendaDto, 200)
  @ApiOperation({ summary: 'Chương trình hội nghị: trường đang trình bày và trường tiếp theo (theo giờ hiện tại)' })
  agenda(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.queries.agenda(u, id);
  }
}
