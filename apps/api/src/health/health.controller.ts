import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MailOutboxService, MailTransportService } from '@duyet/mail';
import { Public } from '../auth/auth.decorators';
import { DependencyMonitor } from './dependency-monitor.service';
import { Answers } from '../common/answers';
import {} from './health.responses';
import { HealthDto } from './health.responses';

type Check = () => Promise<unknown>;
const TIMEOUT_MS = 3000;

function withTimeout(check: Check): Promise<unknown> {
  return Promise.race([
    check(),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
    ),
  ]);
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly checks: Record<string, Check>;

  constructor(
    private readonly monitor: DependencyMonitor,
    private readonly outbox: MailOutboxService,
    mail: MailTransportService,
  ) {
    this.checks = { ...monitor.probes, smtp: () => mail.verify() };
  }

  @Public()
  @Get()
  @Answers(HealthDto, 200, {
    status: 503,
    description: 'Ít nhất một dịch vụ không hoạt động: cùng dạng, status "down"',
  })
  @ApiOperation({
    summary:
      'Kiểm tra PostgreSQL, Redis, Temporal, bộ xử lý nền (worker) và máy chủ SMTP; nêu tên dịch vụ không hoạt động',
  })
  @ApiOkResponse({
    description:
      'Mọi dịch vụ hoạt động; kèm số tiến trình worker đang nhận việc (worker) và số thư đến hạn chưa gửi cùng ' +
      'tuổi của thư chờ lâu nhất, tính bằng giây (mail: { due, oldestDueSeconds })',
  })
  @ApiServiceUnavailableResponse({ description: 'Ít nhất một dịch vụ không hoạt động' })
  async check(@Res({ passthrough: true }) res: Response) {
    const names = Object.keys(this.checks);
    const orNull = <T>(check: () => Promise<T>) =>
      withTimeout(check).then(
        (v) => v as T,
        () => null,
      );
    const [results, pollers, backlog] = await Promise.all([
      Promise.allSettled(names.map((n) => withTimeout(this.checks[n]!))),
      orNull(() => this.monitor.temporalPollers()),
      orNull(() => this.outbox.dueBacklog()),
    ]);
    const services: Record<string, { status: 'up' | 'down'; error?: string }> = Object.fromEntries(
      names.map((n, i) => {
        const r = results[i]!;
        return [
          n,
          r.status === 'fulfilled'
            ? { status: 'up' }
            : { status: 'down', error: String((r.reason as Error)?.message ?? r.reason) },
        ];
      }),
    );
    const mailConsumers = results[names.indexOf('worker')];
    const down = names.filter((_, i) => results[i]!.status === 'rejected');
    res.status(down.length ? 503 : 200);
    return {
      status: down.length ? 'down' : 'ok',
      down,
      message: down.length ? `Dịch vụ không hoạt động: ${down.join(', ')}` : 'Mọi dịch vụ hoạt động',
      services,
      worker: {
        /**
         * worker processes consuming the mail queue (their Redis connections, gone the moment one dies); null while
         * Redis is down, when the worker is judged by its Temporal pollers
         */
        mailConsumers:
          services.redis?.status !== 'up'
            ? null
            : mailConsumers?.status === 'fulfilled'
              ? (mailConsumers.value as number)
              : 0,
        /** pollers on the Temporal task queue seen within the last long poll */
        temporalPollers: pollers,
      },
      /** e-mails due and not sent, and how long the oldest has waited (null while the database is down) */
      mail: backlog,
    };
  }
}
