import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, planDraftSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { PlansService } from './plans.service';
import { PLAN_STATUSES } from '@duyet/workflows';

class PlanListQueryDto extends createZodDto(
  z.object({
    campaignId: z.uuid('campaignId phải là UUID').optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}
class DraftDto extends createZodDto(planDraftSchema) {}
class ApproveDto extends createZodDto(
  z.object({
    comment: z.string().trim().max(10_000).optional(),
    capacity: z.string().trim().min(1).max(200).optional(),
  }),
) {}
class ReturnDto extends createZodDto(
  z.object({
    comment: z.string().trim().min(1, 'Cần ghi ý kiến để nhà trường chỉnh sửa').max(10_000),
    capacity: z.string().trim().min(1).max(200).optional(),
  }),
) {}

const idempotencyHeader = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description: 'Gửi lại cùng khóa khi thử lại yêu cầu: kết quả lần đầu được trả lại, không tạo bản ghi thứ hai',
});

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện' })
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOperation({ summary: 'Danh sách kế hoạch trong phạm vi người dùng (đọc từ Postgres), có phân trang' })
  list(@CurrentUser() user: AuthUser, @Query() q: PlanListQueryDto) {
    return this.plans.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một kế hoạch: bản nháp, các lần nộp, các quyết định' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.get(user, id);
  }

  @Get(':id/state')
  @ApiOperation({ summary: 'Trạng thái kế hoạch do workflow nắm giữ (Temporal query)' })
  state(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.state(user, id);
  }

  @Get(':id/versions/:number')
  @ApiOperation({ summary: 'Nội dung đã chốt của một lần nộp' })
  version(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Param('number', ParseIntPipe) number: number) {
    return this.plans.getVersion(user, id, number);
  }

  @Put(':id/draft')
  @Roles('PRINCIPAL', 'SCHOOL_STAFF')
  @idempotencyHeader
  @ApiOperation({ summary: 'Lưu bản nháp (các mục và chỉ tiêu) khi kế hoạch chưa nộp hoặc bị trả lại' })
  @ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' })
  @ApiConflictResponse({ description: 'Kế hoạch đã nộp hoặc đang xét duyệt' })
  saveDraft(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: DraftDto,
    @IdempotencyKey() key: string,
  ) {
    return this.plans.saveDraft(user, id, dto, key);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('PRINCIPAL')
  @idempotencyHeader
  @ApiOperation({ summary: 'Nộp kế hoạch: chốt một phiên bản, gửi biên nhận cho người nhận của đợt' })
  @ApiConflictResponse({ description: 'Kế hoạch không ở trạng thái được nộp' })
  submit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @IdempotencyKey() key: string) {
    return this.plans.submit(user, id, key);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @idempotencyHeader
  @ApiOperation({ summary: 'Phê duyệt phiên bản đã nộp; báo cho hiệu trưởng' })
  @ApiConflictResponse({ description: 'Kế hoạch chưa được nộp hoặc đã được quyết định' })
  approve(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ApproveDto,
    @IdempotencyKey() key: string,
  ) {
    return this.plans.decide(user, id, 'approve', dto, key);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @idempotencyHeader
  @ApiOperation({ summary: 'Trả lại kế hoạch để chỉnh sửa, kèm ý kiến' })
  @ApiConflictResponse({ description: 'Kế hoạch chưa được nộp hoặc đã được quyết định' })
  returnForRevision(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ReturnDto,
    @IdempotencyKey() key: string,
  ) {
    return this.plans.decide(user, id, 'return', dto, key);
  }
}
