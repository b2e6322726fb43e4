import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { type Dependency, DomainError, unavailableMessage } from '@duyet/domain';
import { DependencyMonitor } from '../health/dependency-monitor.service';

const USES_WORKFLOWS = 'duyet:uses-workflows';

/** On a controller whose writes are workflow moves: they need Temporal and a running worker, not just the database. */
export const UsesWorkflows = () => SetMetadata(USES_WORKFLOWS, true);

const READS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Answers a write 503 at once, naming the dependency, when the monitor has seen it down: the database for every
 * write, Temporal and the worker as well for workflow moves. Redis is never required: an e-mail is a row written
 * with the change, and the worker's sweep sends it whenever Redis is back.
 */
@Injectable()
export class RequireDependencies implements NestInterceptor {
  constructor(
    private readonly monitor: DependencyMonitor,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!READS.includes(req.method)) {
      const workflows = this.reflector.getAllAndOverride<boolean>(USES_WORKFLOWS, [
        context.getHandler(),
        context.getClass(),
      ]);
      const needed: Dependency[] = workflows ? ['postgres', 'temporal', 'worker'] : ['postgres'];
      const [down] = await this.monitor.down(needed);
      if (down) throw new DomainError('UNAVAILABLE', unavailableMessage(down), { dependency: down });
    }
    return next.handle();
  }
}
