import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PrismaService } from '@duyet/database';
import { MailQueueService, MailTransportService } from '@duyet/mail';
import { TemporalClientService } from '@duyet/temporal';
import { Public } from '../auth/auth.decorators';

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
    prisma: PrismaService,
    queue: MailQueueService,
    temporal: TemporalClientService,
    mail: MailTransportService,
  ) {
    this.checks = {
      postgres: () => prisma.$queryRaw`SELECT 1`,
      redis: () => queue.ping(),
      temporal: async () => (await temporal.getConnection()).healthService.check({}),
      smtp: () => mail.verify(),
    };
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Kiểm tra PostgreSQL, Redis, Temporal và máy chủ SMTP; nêu tên dịch vụ không hoạt động' })
  @ApiOkResponse({ description: 'Mọi dịch vụ hoạt động' })
  @ApiServiceUnavailableResponse({ description: 'Ít nhất một dịch vụ không hoạt động' })
  async check(@Res({ passthrough: true }) res: Response) {
    const names = Object.keys(this.checks);
    const results = await Promise.allSettled(names.map((n) => withTimeout(this.checks[n])));
    const services = Object.fromEntries(
      names.map((n, i) => {
        const r = results[i];
        return [
          n,
          r.status === 'fulfilled'
            ? { status: 'up' }
            : { status: 'down', error: String((r.reason as Error)?.message ?? r.reason) },
        ];
      }),
    );
    const down = names.filter((_, i) => results[i].status === 'rejected');
    res.status(down.length ? 503 : 200);
    return {
      status: down.length ? 'down' : 'ok',
      down,
      message: down.length ? `Dịch vụ không hoạt động: ${down.join(', ')}` : 'Mọi dịch vụ hoạt động',
      services,
    };
  }
}
