import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PasswordsService, SignInsService, pageNumberSchema, pageSizeSchema } from '@duyet/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { OfficeApi } from './office-api.decorator';
import { Answers } from '../common/answers';
import { uuid } from '../common/shared.responses';
import { UuidParam } from '../common/uuid-param';
import { InvitationSentDto, SignInListDto } from './accounts.responses';

const day = z.iso.date({ error: 'Ngày phải có dạng YYYY-MM-DD' });
const bool = z.enum(['true', 'false'], 'Chỉ nhận true hoặc false').transform((v) => v === 'true');

/** `limit`, the page size's older name, still read (API clients and tests use it). */
const withPageSize = (v: unknown) => {
  if (typeof v !== 'object' || v === null) return v;
  const q = v as Record<string, unknown>;
  return q.pageSize === undefined && q.limit !== undefined ? { ...q, pageSize: q.limit } : q;
};

class SignInQueryDto extends createZodDto(
  z.preprocess(
    withPageSize,
    z
      .object({
        userId: uuid.optional(),
        /** a part of the e-mail typed or of the person's name */
        q: z.string().trim().max(200, 'Từ khoá tối đa 200 ký tự').optional(),
        /** true: successes only; false: refusals only */
        ok: bool.optional(),
        failedOnly: bool.optional(),
        /** first and last day, inclusive, in the district's time zone */
        from: day.optional(),
        to: day.optional(),
        page: pageNumberSchema,
        pageSize: pageSizeSchema,
        /** the page size, under its older name */
        limit: z.coerce.number().optional(),
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, {
        path: ['to'],
        message: 'Ngày cuối không được trước ngày đầu',
      }),
  ),
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
  list(@CurrentUser() admin: AuthUser, @Query() q: SignInQueryDto) {
    return this.signIns.list(admin.districtId, q);
  }
}
