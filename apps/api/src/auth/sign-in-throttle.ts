import { createHash } from 'node:crypto';
import { type ExecutionContext, Inject, Injectable, Logger, Module } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@duyet/config';
import { EdgeError } from '../common/http-errors.filter';

const MINUTE_MS = 60_000;
const TOO_MANY =
  'Có quá nhiều lần đăng nhập hoặc yêu cầu mật khẩu trong một phút từ máy này hoặc cho tài khoản này. Vui lòng đợi một phút rồi thử lại.';

type Counted = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * The counts in Redis, shared by every API process, under this deployment's prefix. Redis down must not stop anyone
 * from signing in (the account lockout, in PostgreSQL, still holds): a count that cannot be read within a second
 * lets the request through, logged, rather than waiting for Redis to come back.
 */
@Injectable()
export class SignInCounts extends ThrottlerStorageRedisService {
  private readonly logger = new Logger(SignInCounts.name);

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'redis'>) {
    super(config.redis.url, {
      keyPrefix: `${config.redis.prefix}:sign-in:`,
      // A count asked while connecting waits for the connection (a fresh API counts its first sign-ins too); with
      // Redis gone it gives up after one reconnection attempt or a second, whichever comes first.
      maxRetriesPerRequest: 1,
      commandTimeout: 1000,
    });
    // ioredis reports a lost connection as an 'error' event (without a listener, an uncaught exception), once per
    // reconnection attempt: said once a minute at most.
    let saidAt = 0;
    this.redis.on('error', (err: Error) => {
      if (Date.now() - saidAt < 60_000) return;
      saidAt = Date.now();
      this.logger.warn(`Redis (sign-in counts): ${err.message}`);
    });
  }

  override async increment(...args: Parameters<ThrottlerStorage['increment']>): Promise<Counted> {
    try {
      return await super.increment(...args);
    } catch (err) {
      this.logger.warn(`sign-in counts unavailable, request let through: ${(err as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}

/** The account a request is about: the e-mail of a sign-in or of a "forgot password", hashed (keys are not data). */
function accountOf(req: { body?: unknown }): string {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? createHash('sha256').update(email.trim().toLowerCase()).digest('hex') : '';
}

/** Refuses in the project's words, with the standard Retry-After (seconds) beside the throttler's own headers. */
@Injectable()
export class SignInThrottleGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(detail.timeToBlockExpire));
    throw new EdgeError(429, 'TOO_MANY_REQUESTS', TOO_MANY);
  }
}

@Module({ providers: [SignInCounts], exports: [SignInCounts] })
class SignInCountsModule {}

/**
 * Per address and per account, one count across the sign-in and password routes (not one per route), for a
 * minute. Used on those routes only (@UseGuards(SignInThrottleGuard)), never on the rest of the API.
 */
export const SignInThrottleModule = ThrottlerModule.forRootAsync({
  imports: [SignInCountsModule],
  inject: [APP_CONFIG, SignInCounts],
  useFactory: (config: Pick<AppConfig, 'signInLimits'>, storage: SignInCounts) => ({
    storage,
    generateKey: (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`,
    throttlers: [
      { name: 'address', ttl: MINUTE_MS, limit: config.signInLimits.perAddress },
      {
        name: 'account',
        ttl: MINUTE_MS,
        limit: config.signInLimits.perAccount,
        getTracker: (req: Record<string, unknown>) => accountOf(req),
        skipIf: (context: ExecutionContext) => !accountOf(context.switchToHttp().getRequest()),
      },
    ],
  }),
});
