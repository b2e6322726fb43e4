import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PlansService, versionNumberSchema } from '@duyet/domain';
import { CurrentUser } from '../auth/auth.decorators';
import { UuidParam } from '../common/uuid-param';
import { DraftEtag } from './draft-etag';
import { Answers } from '../common/answers';
import { DraftViewDto, PlanDiffDto, ValidationResultDto } from './plans.responses';

const versionNo = (name: string) => versionNumberSchema(name);

class DiffQueryDto extends createZodDto(
  z.object({
    from: versionNo('from'),
    to: z.union([z.literal('draft'), versionNo('to')], {
      error: 'to phải là số thứ tự lần nộp (1, 2, …) hoặc "draft" (bản nháp)',
    }),
  }),
) {}

@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện, hoặc chưa có lần nộp được hỏi' })
@Controller('plans')
export class PlanContentController {
  constructor(private readonly plans: PlansService) {}

  @Get(':id/draft')
  @Answers(DraftViewDto, 200)
  @DraftEtag('{ sections, indicators, revision, savedAt, savedBy: { id, fullName } | null }, kèm ETag là lần lưu')
  @ApiOperation({
    summary: 'Bản nháp hiện tại, lần lưu của nó (ETag, gửi lại trong If-Match khi lưu) và người lưu gần nhất',
  })
  draft(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.draft(user, id);
  }

  @Get(':id/validation')
  @Answers(ValidationResultDto, 200)
  @ApiOperation({
    summary: 'Kiểm tra bản nháp theo yêu cầu của đợt: lỗi (chặn việc nộp) và cảnh báo (không chặn)',
  })
  @ApiOkResponse({ description: '{ ok, errors: [{ field, code, message }], warnings: [...] }' })
  validation(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.plans.validation(user, id);
  }

  @Get(':id/diff')
  @Answers(PlanDiffDto, 200)
  @ApiOperation({
    summary: 'So sánh hai lần nộp (hoặc một lần nộp với bản nháp): từng mục, từng chỉ tiêu, tệp đính kèm',
  })
  @ApiOkResponse({
    description: '{ from, to, sections, indicators, attachments }, mỗi phần ghi ADDED/REMOVED/CHANGED/UNCHANGED',
  })
  @ApiBadRequestResponse({ description: 'from/to không phải số thứ tự lần nộp (to có thể là "draft")' })
  diff(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() q: DiffQueryDto) {
    return this.plans.diff(user, id, q.from, q.to);
  }
}
