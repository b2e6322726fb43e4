import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@duyet/database';
import type { AuthUser } from '@duyet/domain';

export const IS_PUBLIC = 'duyet:public';
export const ROLES = 'duyet:roles';
export const ANY_ACCOUNT = 'duyet:any-account';

/** The route needs no token (login, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/**
 * Only these roles may call the route; scope (school, levels, clusters) is checked by the service. A province user
 * (PROVINCE) may call a route only if its list names PROVINCE (or it is an AnyAccount route): see AuthGuard.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
/** About the account itself (who am I, change my password): open to every signed-in account, province users included. */
export const AnyAccount = () => SetMetadata(ANY_ACCOUNT, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
