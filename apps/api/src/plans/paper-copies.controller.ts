import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { type AuthUser, PaperCopiesService, paperCopyInputSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Answers } from '../common/answers';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { PaperCopiesDto } from './paper-copies.responses';

class PaperCopyInputDto extends createZodDto(paperCopyInputSchema) {}

/** The paper copies (bản giấy) of a plan received at the office: recorded by the clerk or an admin, read by all who read the plan. */
@ApiTags('plans')
@ApiBearerAuth()
@ApiNotFoundResponse({ description: 'Không tìm thấy kế hoạch' })
@Controller('plans/:id/paper-copies')
export class PaperCopiesController {
  constructor(private readonly paper: PaperCopiesService) {}

  @Get()
  @Answers(PaperCopiesDto, 200)
  @ApiOperation({ summary: 'Bản giấy của kế hoạch: số bản phải nộp, đã nhận, từng lần nhận' })
  list(@CurrentUser() u: AuthUser, @UuidParam('id') id: string) {
    return this.paper.list(u, id);
  }

  @Post()
  @Roles('CLERK', 'ADMIN')
  @HttpCode(201)
  @Answers(PaperCopiesDto, 201)
  @IdempotencyHeader()
  @ApiForbiddenResponse({ description: 'Chỉ văn thư hoặc lãnh đạo Phòng ghi nhận bản giấy' })
  @ApiBadRequestResponse({ description: 'Số bản hoặc thời điểm nhận không hợp lệ' })
  @ApiOperation({ summary: 'Ghi nhận bản giấy của kế hoạch vừa nhận tại Phòng (văn thư)' })
  record(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: PaperCopyInputDto,
    @IdempotencyKey() key: string,
  ) {
    return this.paper.record(u, id, dto, key);
  }
}
