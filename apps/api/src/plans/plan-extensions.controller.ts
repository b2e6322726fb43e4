import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PlanExtensionsService, instantSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { UsesWorkflows } from '../common/require-dependencies';
import { Answers } from '../common/answers';
import {
  ExtensionRequestDto,
  ExtensionRequestListDto,
  PendingExtensionRequestListDto,
  MoveOutcomeDto,
} from './plans.responses';

const text = (what: string) => z.string().trim().min(3, `Cần ghi rõ ${what}`).max(2000);

class RequestDto extends createZodDto(z.object({ reason: text('lý do'), requestedUntil: instantSchema.optional() })) {}
class GrantDto extends createZodDto(z.object({ until: instantSchema, note: text('ý kiến') })) {}
class RefuseDto extends createZodDto(z.object({ note: text('lý do không chấp thuận') })) {}

@ApiTags('deadlines')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Vai trò hoặc phạm vi không cho phép' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch hoặc đề nghị này trong huyện' })
@Controller()
@UsesWorkflows()
export class PlanExtensionsController {
  constructor(private readonly extensions: PlanExtensionsService) {}

  @Get('extension-requests')
  @Answers(PendingExtensionRequestListDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Các đề nghị gia hạn đang chờ Phòng trả lời' })
  pending(@CurrentUser() u: AuthUser) {
    return this.extensions.pending(u);
  }

  @Get('plans/:id/extension-requests')
  @Answers(ExtensionRequestListDto, 200)
  @ApiOperation({ summary: 'Các đề nghị gia hạn của một kế hoạch' })
  list(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.extensions.list(u, id);
  }

  @Post('plans/:id/extension-requests')
  @Answers(ExtensionRequestDto, 201)
  @Roles('PRINCIPAL')
  @ApiOperation({ summary: 'Hiệu trưởng đề nghị gia hạn, kèm lý do; lãnh đạo Phòng nhận e-mail' })
  @ApiBadRequestResponse({ description: 'Thiếu lý do hoặc ngày đề nghị không sau hạn hiện tại' })
  @ApiConflictResponse({ description: 'Đã có đề nghị đang chờ, hoặc kế hoạch không còn chờ nhà trường nộp' })
  request(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: RequestDto,
    @IdempotencyKey() k: string,
  ) {
    return this.extensions.request(u, id, dto, k);
  }

  @Post('plans/:id/extension-requests/:requestId/grant')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Chấp thuận gia hạn đến ngày mới: nhắc việc theo hạn mới, báo hiệu trưởng' })
  @ApiConflictResponse({ description: 'Đề nghị đã được xử lý' })
  grant(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @Body() dto: GrantDto,
    @IdempotencyKey() k: string,
  ) {
    return this.extensions.grant(u, id, requestId, dto, k);
  }

  @Post('plans/:id/extension-requests/:requestId/refuse')
  @Answers(ExtensionRequestDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Không chấp thuận gia hạn, kèm lý do; báo hiệu trưởng' })
  @ApiConflictResponse({ description: 'Đề nghị đã được xử lý' })
  refuse(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('requestId') requestId: string,
    @Body() dto: RefuseDto,
  ) {
    return this.extensions.refuse(u, id, requestId, dto.note);
  }
}
