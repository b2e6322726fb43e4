import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AuthUser, PASSWORD_MAX_LENGTH, PasswordsService } from '@duyet/domain';
import { Answers } from '../common/answers';
import { AnyAccount, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { PasswordChangedDto, PasswordLinkDto, PasswordSetDto, ResetRequestedDto } from './passwords.responses';
import { SESSION_COOKIE, readCookie, setSessionCookies } from './session-cookies';
import { SignInThrottleGuard } from './sign-in-throttle';

// The policy's length rules are the domain's (passwordProblems, in the owner's words); these only bound the input.
const password = z
  .string()
  .min(1, 'Cần nhập mật khẩu')
  .max(PASSWORD_MAX_LENGTH * 4, 'Mật khẩu quá dài');
const token = z
  .string()
  .min(20, 'Liên kết đặt mật khẩu không đầy đủ: hãy mở đúng liên kết trong thư')
  .max(200, 'Liên kết đặt mật khẩu không hợp lệ')
  .regex(/^[A-Za-z0-9_-]+$/, 'Liên kết đặt mật khẩu không hợp lệ');

class ForgotDto extends createZodDto(z.object({ email: z.email('Địa chỉ e-mail không hợp lệ').max(320) })) {}
class LinkDto extends createZodDto(z.object({ token })) {}
class SetDto extends createZodDto(z.object({ token, password })) {}
class ChangeDto extends createZodDto(z.object({ currentPassword: password, newPassword: password })) {}

const RESET_SENT =
  'Nếu địa chỉ này có tài khoản đang hoạt động, một thư có liên kết đặt lại mật khẩu (dùng được trong 1 giờ) vừa được gửi đến.';

/**
 * Passwords without the office's help: a link to set one (from an invitation or "forgot password"), and a change of
 * one's own. The public routes are rate-limited per address and per account like signing in.
 */
@ApiTags('auth')
@Controller('auth/password')
export class PasswordsController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post('forgot')
  @UseGuards(SignInThrottleGuard)
  @HttpCode(202)
  @Answers(ResetRequestedDto, 202)
  @ApiTooManyRequestsResponse({ description: 'Quá nhiều yêu cầu trong một phút' })
  @ApiOperation({
    summary:
      'Quên mật khẩu: gửi liên kết đặt lại (1 giờ) nếu e-mail có tài khoản; trả lời như nhau trong mọi trường hợp',
  })
  async forgot(@Body() dto: ForgotDto) {
    await this.passwords.requestReset(dto.email);
    return { message: RESET_SENT };
  }

  @Public()
  @Post('link')
  @UseGuards(SignInThrottleGuard)
  @HttpCode(200)
  @Answers(PasswordLinkDto, 200)
  @ApiBadRequestResponse({ description: 'Liên kết không hợp lệ, đã dùng hoặc đã hết hạn' })
  @ApiOperation({ summary: 'Liên kết đặt mật khẩu này của ai, còn dùng được đến khi nào' })
  link(@Body() dto: LinkDto) {
    return this.passwords.checkLink(dto.token);
  }

  @Public()
  @Post('set')
  @UseGuards(SignInThrottleGuard)
  @HttpCode(200)
  @Answers(PasswordSetDto, 200)
  @ApiBadRequestResponse({ description: 'Liên kết không dùng được, hoặc mật khẩu chưa đạt yêu cầu (nêu rõ lý do)' })
  @ApiOperation({
    summary: 'Đặt mật khẩu bằng liên kết trong thư mời hoặc thư đặt lại; mọi phiên đăng nhập cũ kết thúc',
  })
  async set(@Body() dto: SetDto) {
    const { email } = await this.passwords.setWithLink(dto.token, dto.password);
    return { email, message: 'Đã đặt mật khẩu. Anh/chị có thể đăng nhập bằng mật khẩu mới.' };
  }

  @AnyAccount()
  @Post()
  @HttpCode(200)
  @Answers(PasswordChangedDto, 200)
  @ApiBearerAuth()
  @ApiBadRequestResponse({ description: 'Mật khẩu hiện tại sai, hoặc mật khẩu mới chưa đạt yêu cầu' })
  @ApiOperation({
    summary:
      'Đổi mật khẩu của mình: mọi phiên đăng nhập khác kết thúc; phiên này được cấp lại (cookie mới, hoặc accessToken mới)',
  })
  async change(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangeDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { sessionVersion } = await this.passwords.change(user, dto.currentPassword, dto.newPassword);
    const { accessToken } = await this.auth.sessionFor(user.id, sessionVersion);
    // A browser signed in with the cookie stays signed in here, and only here.
    if (readCookie(req, SESSION_COOKIE)) {
      setSessionCookies(res, this.auth.cookies, accessToken, this.auth.csrfToken(accessToken));
    }
    return { message: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.', accessToken };
  }
}
