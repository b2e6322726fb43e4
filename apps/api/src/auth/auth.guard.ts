import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '@duyet/database';
import { type AuthUser, DomainError } from '@duyet/domain';
import { ANY_ACCOUNT, IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE, UNSAFE_METHODS, readCookie } from './session-cookies';

const SIGN_IN_FIRST = 'Bạn cần đăng nhập để thực hiện thao tác này.';
const NOT_FOR_ROLE = 'Vai trò của bạn không được phép thực hiện thao tác này.';
const NOT_FOR_PROVINCE =
  'Tài khoản của Sở GD&ĐT chỉ xem các huyện của tỉnh: danh sách huyện, tình hình các đợt kế hoạch, báo cáo tổng hợp và văn bản.';
/** The clerk is told what the role is for, so a refused move reads as a rule, not a fault. */
const NOT_FOR_CLERK =
  'Văn thư nhận biên nhận hồ sơ các trường nộp, ghi nhận bản giấy, xem kế hoạch và bảng theo dõi; văn thư không được phê duyệt, trả lại, ' +
  'đề xuất, miễn, mở lại, đóng kế hoạch, gia hạn, phân công người duyệt hay ban hành đợt kế hoạch.';

/**
 * Two ways in: `Authorization: Bearer` (API clients, tests, the bench) or the browser's session cookie. A browser
 * sends the cookie by itself, so a cookie-authenticated change must also carry the CSRF token only the app's own
 * page can read; a bearer token is never sent by itself and needs none.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    req.user = await this.userOf(req);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    // Refused by default: a province user belongs to no district, and a route that names no roles was written for
    // the district's own people. Only a route that names PROVINCE, or is about the account itself, lets one in.
    if (req.user.role === 'PROVINCE' && !roles?.includes('PROVINCE')) {
      if (!this.reflector.getAllAndOverride<boolean>(ANY_ACCOUNT, targets)) {
        throw new DomainError('FORBIDDEN', NOT_FOR_PROVINCE);
      }
    }
    if (roles && !roles.includes(req.user.role)) {
      throw new DomainError('FORBIDDEN', req.user.role === 'CLERK' ? NOT_FOR_CLERK : NOT_FOR_ROLE);
    }
    return true;
  }

  private async userOf(req: Request): Promise<AuthUser> {
    const authorization = req.header('authorization');
    if (authorization !== undefined) {
      const [scheme, token] = authorization.split(' ');
      if (scheme !== 'Bearer' || !token) throw new DomainError('UNAUTHENTICATED', SIGN_IN_FIRST);
      return this.auth.authenticate(token);
    }
    const session = readCookie(req, SESSION_COOKIE);
    if (!session) throw new DomainError('UNAUTHENTICATED', SIGN_IN_FIRST);
    // An expired session answers 401 before any CSRF question: the app then signs in again.
    const user = await this.auth.authenticate(session);
    if (UNSAFE_METHODS.has(req.method)) {
      this.auth.checkCsrf(session, req.header(CSRF_HEADER), readCookie(req, CSRF_COOKIE));
    }
    return user;
  }
}
