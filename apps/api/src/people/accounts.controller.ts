import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PasswordsService, SignInsService } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { uuid } from '../common/shared.responses';
import { UuidParam } from '../common/uuid-param';
import { InvitationSentDto, SignInListDto } from './accounts.responses';

class SignInQueryDto extends createZodDto(
  z.object({
    userId: uuid.optional(),
    failedOnly: z
      .enum(['true', 'false'], 'Chỉ nhận true hoặc false')
      .optional()
      .transform((v) => v === 'true'),
    limit: z.coerce.number().int('Phải là số nguyên').min(1).max(500).default(100),
  }),
) {}

/** The office's side of accounts: inviting a person to set their password, and reading who signed in. */
@OfficeApi('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly signIns: SignInsService,
  ) {}

  @Post('users/:id/invitation')
  @Roles('ADMIN')
  @HttpCode(202)
  @Answers(InvitationSentDto, 202)
  @ApiNotFoundResponse({ description: 'Không có người dùng này trong huyện' })
  @ApiConflictResponse({ description: 'Tài khoản đã ngừng hoạt động' })
  @ApiOperation({
    summary: 'Gửi thư mời đặt mật khẩu (liên kết dùng một lần, 72 giờ); lời mời trước đó của người này hết hiệu lực',
  })
  invite(@CurrentUser() admin: AuthUser, @UuidParam('id') id: string) {
    return this.passwords.invite(admin, id);
  }

  @Get('sign-ins')
  @Roles('ADMIN')
  @Answers(SignInListDto, 200)
  @ApiOperation({ summary: 'Các lần đăng nhập (thành công và thất bại) của huyện, mới nhất trước' })
  async list(@CurrentUser() admin: AuthUser, @Query() q: SignInQueryDto) {
    return { items: await this.signIns.list(admin.districtId, q) };
  }
}
