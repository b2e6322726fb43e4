import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { AuthUser } from '@duyet/domain';
import { CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';

class LoginDto extends createZodDto(
  z.object({
    email: z.email('Địa chỉ e-mail không hợp lệ'),
    password: z.string().min(1, 'Cần nhập mật khẩu').max(200),
  }),
) {}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập bằng e-mail và mật khẩu; trả về access token (Bearer)' })
  @ApiUnauthorizedResponse({ description: 'E-mail hoặc mật khẩu không đúng' })
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.email, dto.password);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng đang đăng nhập' })
  @ApiOkResponse({ description: 'Người dùng hiện tại với phạm vi được phân công' })
  @ApiUnauthorizedResponse({ description: 'Chưa đăng nhập hoặc phiên đã hết hạn' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
