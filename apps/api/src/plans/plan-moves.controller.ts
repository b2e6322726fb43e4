import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
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
import { type AuthUser, PlanMovesService, instantSchema, planDraftSchema } from '@duyet/domain';
import { RUBRIC_CRITERIA } from '@duyet/workflows';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { DraftPrecondition, IfMatchRevision } from './draft-etag';
import { UsesWorkflows } from '../common/require-dependencies';
import { Answers } from '../common/answers';
import { BulkDecisionResultDto, PlanDetailDto, MoveOutcomeDto } from './plans.responses';

const reason = z.string().trim().min(3, 'Cần ghi rõ lý do').max(2000);
const rubric = z
  .partialRecord(
    z.enum(RUBRIC_CRITERIA),
    z.object({ rating: z.enum(['MET', 'PARTLY', 'NOT_MET']), note: z.string().trim().max(2000).optional() }),
  )
  .optional();
const decisionFields = {
  comment: z.string().trim().max(10_000).optional(),
  capacity: z.string().trim().min(1).max(200).optional(),
  rubric,
};
const returnComment = z.string().trim().min(1, 'Cần ghi ý kiến để nhà trường chỉnh sửa').max(10_000);

class DraftDto extends createZodDto(planDraftSchema) {}
class ApproveDto extends createZodDto(z.object(decisionFields)) {}
class ReturnDto extends createZodDto(
  z.object({ ...decisionFields, comment: returnComment, revisionDeadline: instantSchema.optional() }),
) {}
class RecommendDto extends createZodDto(
  z.object({ ...decisionFields, recommendation: z.enum(['APPROVE', 'RETURN']) }),
) {}
class BulkDecisionDto extends createZodDto(
  z
    .object({
      ...decisionFields,
      action: z.enum(['approve', 'return']),
      planIds: z.array(z.uuid('Mã kế hoạch không hợp lệ')).min(1, 'Chọn ít nhất một kế hoạch').max(200),
      revisionDeadline: instantSchema.optional(),
    })
    .refine((b) => b.action === 'approve' || !!b.comment, {
      path: ['comment'],
      message: 'Cần ghi ý kiến để nhà trường chỉnh sửa',
    }),
) {}
class ReasonDto extends createZodDto(z.object({ reason })) {}
class ReopenDto extends createZodDto(z.object({ reason, deadline: instantSchema.optional() })) {}
class AssignReviewerDto extends createZodDto(z.object({ reviewerId: z.uuid('Mã người duyệt không hợp lệ') })) {}
class ExtendDto extends createZodDto(
  z.object({ kind: z.enum(['SUBMISSION', 'REVISION', 'REVIEW']).default('SUBMISSION'), until: instantSchema, reason }),
) {}

/** The moves of a plan's life (DOMAIN.md). Each answers 409 with the reason when the plan's state refuses it. */
@ApiTags('plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Vai trò hoặc phạm vi không cho phép thao tác này' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch này trong huyện' })
@ApiConflictResponse({ description: 'Trạng thái kế hoạch không cho phép thao tác này (kèm lý do)' })
@ApiBadRequestResponse({ description: 'Dữ liệu không hợp lệ, nêu rõ trường sai' })
@Controller('plans')
@UsesWorkflows()
export class PlanMovesController {
  constructor(private readonly moves: PlanMovesService) {}

  @Put(':id/draft')
  @Answers(PlanDetailDto, 200)
  @Roles('PRINCIPAL', 'SCHOOL_STAFF')
  @IdempotencyHeader()
  @DraftPrecondition()
  @ApiOperation({
    summary:
      'Lưu bản nháp (các mục và chỉ tiêu) khi kế hoạch chưa nộp hoặc bị trả lại; gửi If-Match để không ghi đè ' +
      'lần lưu của người khác',
  })
  saveDraft(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: DraftDto,
    @IdempotencyKey() k: string,
    @IfMatchRevision() basedOn: number | undefined,
  ) {
    return this.moves.saveDraft(u, id, dto, k, basedOn);
  }

  @Post(':id/submit')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('PRINCIPAL')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Nộp (hoặc nộp lại) kế hoạch: kiểm tra nội dung, chốt một phiên bản, gửi biên nhận' })
  submit(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @IdempotencyKey() k: string) {
    return this.moves.submit(u, id, k);
  }

  @Post(':id/withdraw')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('PRINCIPAL')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Rút kế hoạch đã nộp khi Phòng chưa bắt đầu xét duyệt' })
  withdraw(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @IdempotencyKey() k: string) {
    return this.moves.withdraw(u, id, k);
  }

  @Post(':id/start-review')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Bắt đầu xét duyệt (sau đó nhà trường không rút lại được)' })
  startReview(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @IdempotencyKey() k: string) {
    return this.moves.startReview(u, id, k);
  }

  @Post(':id/recommend')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Duyệt hai cấp: chuyên viên đề xuất phê duyệt hoặc trả lại, kèm đánh giá theo tiêu chí' })
  recommend(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: RecommendDto,
    @IdempotencyKey() k: string,
  ) {
    return this.moves.recommend(u, id, dto, k);
  }

  @Post(':id/approve')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Phê duyệt phiên bản đã nộp; ghi người quyết định, danh nghĩa ký; báo cho hiệu trưởng' })
  approve(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ApproveDto,
    @IdempotencyKey() k: string,
  ) {
    return this.moves.decide(u, id, 'approve', dto, k);
  }

  @Post(':id/return')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Trả lại để chỉnh sửa, kèm ý kiến và hạn nộp lại (mặc định theo số ngày của đợt)' })
  returnForRevision(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: ReturnDto,
    @IdempotencyKey() k: string,
  ) {
    return this.moves.decide(u, id, 'return', dto, k);
  }

  @Post('bulk-decisions')
  @Answers(BulkDecisionResultDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Phê duyệt hoặc trả lại nhiều kế hoạch với một ý kiến chung; mỗi kế hoạch là một quyết định riêng',
  })
  bulk(@CurrentUser() u: AuthUser, @Body() dto: BulkDecisionDto, @IdempotencyKey() k: string) {
    return this.moves.bulkDecide(u, dto, k);
  }

  @Post(':id/exempt')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Miễn nộp kế hoạch cho trường, kèm lý do' })
  exempt(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ReasonDto, @IdempotencyKey() k: string) {
    return this.moves.exempt(u, id, dto.reason, k);
  }

  @Post(':id/reopen')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Mở lại kế hoạch đã duyệt để điều chỉnh (cuối giai đoạn), kèm lý do và hạn' })
  reopen(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ReopenDto, @IdempotencyKey() k: string) {
    return this.moves.reopen(u, id, dto, k);
  }

  @Post(':id/reviewer')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Phân công lại người duyệt kế hoạch' })
  assign(
    @CurrentUser() u: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: AssignReviewerDto,
    @IdempotencyKey() k: string,
  ) {
    return this.moves.assignReviewer(u, id, dto.reviewerId, k);
  }

  @Post(':id/deadline')
  @Answers(MoveOutcomeDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Gia hạn cho một trường (hạn nộp, hạn nộp lại hoặc hạn duyệt), kèm lý do' })
  extend(@CurrentUser() u: AuthUser, @UuidParam('id') id: string, @Body() dto: ExtendDto, @IdempotencyKey() k: string) {
    return this.moves.extendDeadline(u, id, dto, k);
  }
}
