import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, QUEUE_STATUSES, ReviewQueueService } from '@duyet/domain';
import { SchoolLevel } from '@duyet/database';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { UuidParam } from '../common/uuid-param';
import { DecisionContextDto, ReviewQueueDto } from './review-queue.responses';

class ReviewQueueQueryDto extends createZodDto(
  z.object({
    campaignId: z.uuid('Mã đợt kế hoạch không hợp lệ').optional(),
    level: z.enum(SchoolLevel, 'Cấp học không hợp lệ').optional(),
    cluster: z.string().trim().min(1).max(20).optional(),
    status: z.enum(QUEUE_STATUSES, 'Chỉ lọc được kế hoạch đã nộp hoặc đang xét duyệt').optional(),
    overdue: z
      .enum(['true', 'false'], 'overdue phải là true hoặc false')
      .transform((v) => v === 'true')
      .optional(),
  }),
) {}

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Chỉ cán bộ Phòng GD&ĐT có hàng chờ duyệt' })
@Controller()
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @Get('review-queue')
  @Answers(ReviewQueueDto, 200)
  @Roles('REVIEWER', 'ADMIN')
  @ApiOperation({
    summary:
      'Hàng chờ duyệt của người dùng: kế hoạch đã nộp hoặc đang xét duyệt trong phạm vi, hạn duyệt sớm nhất trước, ' +
      'lọc theo đợt, cấp học, cụm, trạng thái, quá hạn, kèm số lượng của từng lựa chọn',
  })
  list(@CurrentUser() user: AuthUser, @Query() q: ReviewQueueQueryDto) {
    return this.queue.queue(user, q);
  }

  @Get('plans/:id/decision-context')
  @Answers(DecisionContextDto, 200)
  @Roles('REVIEWER', 'ADMIN')
  @ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện' })
  @ApiOperation({
    summary:
      'Trước khi quyết định: người dùng quyết định hay đề xuất (duyệt một hay hai cấp), danh nghĩa ký sẽ được ghi, ' +
      'hạn nộp lại mặc định theo số ngày làm việc của đợt',
  })
  decisionContext(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.queue.decisionContext(user, id);
  }
}
