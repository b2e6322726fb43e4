import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type AuthUser, MeetingRecordsService, MeetingSlotsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { AddSlotDto, MeetingOutcomeDto, MeetingRoutes, MoveSlotDto, ReasonDto, ReorderSlotsDto } from './meeting-dtos';
import { Answers } from '../common/answers';
import { MeetingDto, SlotOutcomeDto } from './meetings.responses';

/** Who presents at a meeting, in what order, and what the meeting decided on each plan. */
@MeetingRoutes()
@Controller('meetings/:id/slots')
export class MeetingSlotsController {
  constructor(
    private readonly slots: MeetingSlotsService,
    private readonly records: MeetingRecordsService,
  ) {}

  @Put()
  @Answers(MeetingDto, 200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Sắp xếp lại thứ tự trình bày; các trường đổi giờ nhận lịch cập nhật' })
  reorder(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ReorderSlotsDto,
    @IdempotencyKey() k: string,
  ) {
    return this.slots.reorder(u, id, dto.slotIds, k);
  }

  @Post()
  @Answers(MeetingDto, 201)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Bổ sung một trường vào cuối chương trình hội nghị' })
  add(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: AddSlotDto, @IdempotencyKey() k: string) {
    return this.slots.add(u, id, dto.schoolCode, k);
  }

  @Post(':slotId/move')
  @Answers(MeetingDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Chuyển trường sang hội nghị khác của đợt (cuối chương trình); gửi hủy lịch cũ và lịch mới',
  })
  move(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('slotId') slotId: string,
    @Body() dto: MoveSlotDto,
    @IdempotencyKey() k: string,
  ) {
    return this.slots.move(u, id, slotId, dto.meetingId, k);
  }

  @Post(':slotId/desk')
  @Answers(MeetingDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Đưa trường ra khỏi hội nghị, chuyển về duyệt tại bàn, kèm lý do' })
  toDesk(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('slotId') slotId: string,
    @Body() dto: ReasonDto,
    @IdempotencyKey() k: string,
  ) {
    return this.slots.toDesk(u, id, slotId, dto.reason, k);
  }

  @Post(':slotId/outcome')
  @Answers(SlotOutcomeDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Ghi kết quả duyệt tại hội nghị: phê duyệt, hoặc trả lại kèm ý kiến và hạn nộp lại (như duyệt tại bàn)',
  })
  outcome(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('slotId') slotId: string,
    @Body() dto: MeetingOutcomeDto,
    @IdempotencyKey() k: string,
  ) {
    return this.records.recordOutcome(u, id, slotId, dto, k);
  }
}
