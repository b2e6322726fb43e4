import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors';
import type { AuthUser } from '../plans/access';
import { DelegationsService } from './delegations.service';
import { sameCapacity, signingCapacity } from './signing-capacity';

/** The capacity a person signs in today, computed from their position and the head's delegations in force. */
@Injectable()
export class SigningService {
  constructor(private readonly delegations: DelegationsService) {}

  async capacityOf(user: AuthUser, opts: { final: boolean }): Promise<string> {
    const needsDelegation = opts.final && (user.position === 'SPECIALIST' || user.position === 'CLERK');
    const delegation = needsDelegation ? await this.delegations.kindInForce(user) : null;
    return signingCapacity(user, { final: opts.final, delegation });
  }

  /**
   * The capacity to record: the computed one. A client may send it (old clients did), but a capacity other than the
   * one the server computes is a claim of authority the signer does not hold, and is refused.
   */
  async resolve(user: AuthUser, opts: { final: boolean; claimed?: string }): Promise<string> {
    const capacity = await this.capacityOf(user, opts);
    if (opts.claimed !== undefined && !sameCapacity(opts.claimed, capacity)) {
      throw new DomainError(
        'FORBIDDEN',
        `Không thể ghi danh nghĩa ký “${opts.claimed}”: theo chức vụ và việc giao ký hiện có, quyết định này ` +
          `được ghi với danh nghĩa “${capacity}”. Bỏ trống danh nghĩa ký để hệ thống tự ghi.`,
        { capacity },
      );
    }
    return capacity;
  }
}
