import { EmailsService } from '@duyet/domain';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { IdempotencyHeader, IdempotencyKey } from '../common/idempotency-key.decorator';
import { UuidParam } from '../common/uuid-param';
import { EmailListQueryDto, ResendFailedQueryDto } from './email-dtos';
import { Answers } from '../common/answers';
import { EmailDto, EmailPageDto, ResendFailedResultDto } from './emails.responses';

@ApiTags('emails')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Chưa đăng nhập' })
@ApiForbiddenResponse({ description: 'Chỉ lãnh đạo Phòng GD&ĐT' })
@ApiBadRequestResponse({ description: 'Tham số không hợp lệ, nêu rõ tham số sai' })
@Controller('emails')
export class EmailsController {
  constructor(private readonly emails: EmailsService) {}

  @Get('retrying')
  @Answers(EmailPageDto, 200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Các thư chưa đi được, đang chờ gửi lại: lý do lần thử trước và thời điểm thử tiếp theo',
    description:
      'Thư đã thử ít nhất một lần mà máy chủ thư chưa nhận. Mỗi thư được thử lại theo lịch giãn dần trong hơn một ' +
      'ngày (1, 5, 15, 30 phút, 1, 2, 4, 8 giờ…); khi máy chủ thư không trả lời (waitingForRelay), thư được gửi ' +
      'ngay khi máy chủ hoạt động trở lại. Hết lịch mà vẫn không đi được, thư chuyển sang danh sách gửi không ' +
      'thành công (GET /api/board/failed-emails).',
  })
  retrying(@CurrentUser() user: AuthUser, @Query() q: EmailListQueryDto) {
    return this.emails.retrying(user, q);
  }

  @Post('resend-failed')
  @Answers(ResendFailedResultDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @ApiOperation({
    summary: 'Gửi lại mọi thư gửi không thành công của huyện (hoặc của một đợt), mỗi thư ghi vào nhật ký',
    description:
      'Mỗi thư được thử lại từ đầu lịch gửi lại. Kết quả: resent (số thư đã đưa lại vào hàng đợi). Gọi lại chỉ ' +
      'gửi những thư thất bại sau lần gọi trước.',
  })
  resendFailed(@CurrentUser() user: AuthUser, @Query() q: ResendFailedQueryDto) {
    return this.emails.resendFailed(user, q);
  }

  @Get(':id')
  @Answers(EmailDto, 200)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Tình trạng gửi của một thư: số lần thử, lý do lần thử trước, lần thử tiếp theo' })
  @ApiNotFoundResponse({ description: 'Không có thư này trong huyện' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string) {
    return this.emails.get(user, id);
  }

  @Post(':id/resend')
  @Answers(EmailDto, 200)
  @HttpCode(200)
  @Roles('ADMIN')
  @IdempotencyHeader()
  @ApiOperation({
    summary: 'Gửi lại một thư gửi không thành công; ghi vào nhật ký người gửi lại và lý do thất bại trước đó',
  })
  @ApiNotFoundResponse({ description: 'Không có thư này trong huyện' })
  @ApiConflictResponse({ description: 'Thư đã được gửi đi, hoặc đang chờ gửi: chỉ gửi lại thư gửi không thành công' })
  resend(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @IdempotencyKey() key: string) {
    return this.emails.resend(user, id, key);
  }
}
