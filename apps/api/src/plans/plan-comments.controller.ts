import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import {
  type AuthUser,
  CommentsService,
  commentListQuerySchema,
  replyCommentSchema,
  startCommentSchema,
} from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { Answers } from '../common/answers';
import { CommentDto, CommentListDto, CommentThreadDto } from './plans.responses';

class StartCommentDto extends createZodDto(startCommentSchema) {}
class ReplyCommentDto extends createZodDto(replyCommentSchema) {}
class CommentListQueryDto extends createZodDto(commentListQuerySchema) {}

@ApiTags('comments')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Kế hoạch ngoài phạm vi của người dùng, hoặc vai trò không được làm việc này' })
@ApiNotFoundResponse({ description: 'Không có kế hoạch, ý kiến hoặc lần nộp này trong huyện' })
@Controller('plans')
export class PlanCommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Post(':id/comments')
  @Answers(CommentDto, 201)
  @Roles('REVIEWER', 'ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Người duyệt (trong phạm vi) hoặc lãnh đạo phòng ghi ý kiến về một mục, một chỉ tiêu hoặc chung',
  })
  @ApiCreatedResponse({ description: 'Ý kiến đã ghi, gắn với lần nộp đang được xét' })
  @ApiBadRequestResponse({ description: 'Nội dung trống hoặc quá dài; mục hoặc chỉ tiêu không có trong đợt/danh mục' })
  @ApiConflictResponse({ description: 'Kế hoạch đã đóng hoặc được miễn' })
  start(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() dto: StartCommentDto,
    @IdempotencyKey() key: string,
  ) {
    return this.comments.start(user, id, dto, key);
  }

  @Post(':id/comments/:commentId/replies')
  @Answers(CommentDto, 201)
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Hiệu trưởng trả lời ý kiến; người duyệt và lãnh đạo phòng cũng có thể trả lời' })
  @ApiCreatedResponse({ description: 'Câu trả lời, gắn vào ý kiến đầu tiên của luồng' })
  @ApiBadRequestResponse({ description: 'Nội dung trống hoặc quá dài' })
  @ApiConflictResponse({ description: 'Ý kiến đã được giải quyết, hoặc kế hoạch đã đóng/được miễn' })
  reply(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('commentId') commentId: string,
    @Body() dto: ReplyCommentDto,
    @IdempotencyKey() key: string,
  ) {
    return this.comments.reply(user, id, commentId, dto.body, key);
  }

  @Post(':id/comments/:commentId/resolve')
  @Answers(CommentThreadDto, 200)
  @HttpCode(200)
  @Roles('REVIEWER', 'ADMIN')
  @ApiOperation({ summary: 'Đánh dấu ý kiến đã giải quyết ở lần nộp hiện tại; làm lại lần nữa không thay đổi gì' })
  @ApiOkResponse({ description: 'Luồng ý kiến, như ở lần nộp nó được giải quyết' })
  @ApiConflictResponse({ description: 'Kế hoạch đã đóng hoặc được miễn' })
  resolve(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('commentId') commentId: string) {
    return this.comments.resolve(user, id, commentId);
  }

  @Get(':id/comments')
  @Answers(CommentListDto, 200)
  @ApiOperation({
    summary: 'Các luồng ý kiến của một lần nộp (mặc định: lần hiện tại), kể cả ý kiến chưa giải quyết từ lần trước',
  })
  @ApiOkResponse({ description: 'Mỗi luồng: ý kiến đầu, các câu trả lời theo thứ tự, carriedOver, open' })
  @ApiBadRequestResponse({ description: 'version hoặc open không hợp lệ' })
  list(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: CommentListQueryDto) {
    return this.comments.list(user, id, query);
  }
}
