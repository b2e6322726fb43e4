import { Injectable } from '@nestjs/common';
import { type AuthUser, type BoardFilter, BoardService, RemindersService } from '@duyet/domain';

export interface RemindNowResult {
  plans: number;
  campaigns: number;
  emails: number;
  /** plans whose principal already had their message of the day: the reminder joins it, none is sent again */
  alreadyRemindedToday: number;
}

/**
 * "Remind now" for what the board shows under a filter: the plans waiting on their school, in the caller's
 * scope. Each campaign's set goes through the reminder run, so the once-a-day rule holds per person.
 */
@Injectable()
export class BoardRemindService {
  constructor(
    private readonly board: BoardService,
    private readonly reminders: RemindersService,
  ) {}

  async remindNow(user: AuthUser, filter: BoardFilter): Promise<RemindNowResult> {
    const byCampaign = new Map<string, string[]>();
    for await (const batch of this.board.exportBatches(user, { ...filter, waitingOn: 'SCHOOL' })) {
      for (const item of batch) {
        const ids = byCampaign.get(item.campaign.id) ?? [];
        ids.push(item.planId);
        byCampaign.set(item.campaign.id, ids);
      }
    }
    const result: RemindNowResult = { plans: 0, campaigns: byCampaign.size, emails: 0, alreadyRemindedToday: 0 };
    for (const [campaignId, planIds] of byCampaign) {
      const sent = await this.reminders.sendDueReminders({ campaignId, planIds, manual: { actorId: user.id } });
      result.plans += planIds.length;
      result.emails += sent.emails;
      result.alreadyRemindedToday += sent.skipped;
    }
    return result;
  }
}
