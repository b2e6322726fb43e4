import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PlansService, pageNumberSchema, pageSizeSchema, versionNumberSchema } from '@duyet/domain';
import { CurrentUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { PLAN_STATUSES } from '@duyet/workflows';
import { Answers } from '../common/answers';
import { AuditTrailDto, PlanDetailDto, PlanPageDto, PlanStateDto, PlanVersionDto } from './plans.responses';

class PlanListQueryDto extends createZodDto(
  z.object({
    campaignId: z.uuid('campaignId phải là UUID').optional(),
    status: z.enum(PLAN_STATUSES).optional(),
    page: pageNumberSchema,
    pageSize: pageSizeSchema,
  }),
) {}

class VersionParamsDto extends createZodDto(
  z.object({ id: z.uuid('Mã "id" không hợp lệ'), number: versionNumberSchema('number') }),
) {}

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện' })
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @Answers(PlanPageDto, 200)
  @ApiOperation({ summary: 'Danh sách kế hoạch trong phạm vi người dùng (đọc từ Postgres), có phân trang' })
  list(@CurrentUser() user: AuthUser, @Query() q: PlanListQueryDto) {
    return this.plans.list(user, q);
  }

  @Get(':id')
  @Answers(PlanDetailDto, 200)
  @ApiOperation({ summary: 'Một kế hoạch: bản nháp, các lần nộp, các quyết định' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.get(user, id);
  }

  @Get(':id/state')
  @Answers(PlanStateDto, 200)
  @ApiOperation({ summary: 'Trạng thái kế hoạch do workflow nắm giữ (Temporal query)' })
  state(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.state(user, id);
  }

  @Get(':id/versions/:number')
  @Answers(PlanVersionDto, 200)
  @ApiOperation({ summary: 'Nội dung đã chốt của một lần nộp' })
  version(@CurrentUser() user: AuthUser, @Param() p: VersionParamsDto) {
    return this.plans.getVersion(user, p.id, p.number);
  }

  @Get(':id/audit')
  @Answers(AuditTrailDto, 200)
  @ApiOperation({ summary: 'Nhật ký của kế hoạch: mọi thay đổi, ai làm, khi nào' })
  audit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.auditTrail(user, id);
  }
}
