import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { type AccountProfile, AccountsService, type AuthUser } from '@duyet/domain';
import { AnyAccount, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  SESSION_COOKIE,
  clearSessionCookies,
  readCookie,
  setSessionCookies,
} from './session-cookies';
import { Answers } from '../common/answers';
import { AccountProfileDto, SessionDto, TokenLoginDto } from './auth.responses';
import { SignInThrottleGuard } from './sign-in-throttle';

class LoginDto extends createZodDto(
  z.object({
    email: z.email('Địa chỉ e-mail không hợp lệ'),
    password: z.string().min(1, 'Cần nhập mật khẩu').max(200),
  }),
) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
  ) {}

  @Public()
  @Post('login')
  @UseGuards(SignInThrottleGuard)
  @Answers(TokenLoginDto, 200)
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng e-mail và mật khẩu; trả về access token (Bearer), cho ứng dụng khác' })
  @ApiUnauthorizedResponse({ description: 'E-mail hoặc mật khẩu không đúng' })
  @ApiTooManyRequestsResponse({
    description: 'Quá nhiều lần đăng nhập trong một phút (từ địa chỉ này hoặc cho tài khoản này)',
  })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto.email, dto.password, req.ip ?? '');
  }

  @Public()
  @Post('session')
  @UseGuards(SignInThrottleGuard)
  @Answers(SessionDto, 200)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Đăng nhập trên trình duyệt: đặt cookie phiên (httpOnly) và cookie duyet_csrf',
    description: `Các yêu cầu POST, PUT, PATCH, DELETE sau đó gửi tiêu đề ${CSRF_HEADER} bằng giá trị cookie ${CSRF_COOKIE}.`,
  })
  @ApiUnauthorizedResponse({ description: 'E-mail hoặc mật khẩu không đúng' })
  @ApiTooManyRequestsResponse({
    description: 'Quá nhiều lần đăng nhập trong một phút (từ địa chỉ này hoặc cho tài khoản này)',
  })
  async signIn(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ user: AccountProfile }> {
    const { accessToken, user } = await this.auth.login(dto.email, dto.password, req.ip ?? '');
    setSessionCookies(res, this.auth.cookies, accessToken, this.auth.csrfToken(accessToken));
    return { user: await this.accounts.profile(user) };
  }

  /** Public: an expired session can still be closed; a live one only by the app's own page (CSRF). */
  @Public()
  @Delete('session')
  @HttpCode(204)
  @ApiOperation({ summary: 'Đăng xuất trên trình duyệt: xóa cookie phiên' })
  @ApiNoContentResponse({ description: 'Đã đăng xuất' })
  @ApiForbiddenResponse({ description: `Thiếu hoặc sai tiêu đề ${CSRF_HEADER}` })
  signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const session = readCookie(req, SESSION_COOKIE);
    if (session) this.auth.checkCsrf(session, req.header(CSRF_HEADER), readCookie(req, CSRF_COOKIE));
    clearSessionCookies(res, this.auth.cookies);
  }

  @AnyAccount()
  @Get('me')
  @Answers(AccountProfileDto, 200)
  @ApiBearerAuth()
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({ summary: 'Người dùng đang đăng nhập' })
  @ApiOkResponse({ description: 'Người dùng hiện tại với trường của họ và phạm vi được phân công' })
  @ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' })
  me(@CurrentUser() user: AuthUser): Promise<AccountProfile> {
    return this.accounts.profile(user);
  }
}
