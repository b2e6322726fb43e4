import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../plans/access';
import type { RemindFilter } from './board-query';
import { BoardService } from './board.service';
import { RemindersService } from '../reminders/reminders.service';

export interface RemindNowResult {
  /** plans the filter shows as waiting on their school */
  plans: number;
  campaigns: number;
  /** messages written now: one per principal, listing every one of their plans in the filter */
  emails: number;
  /** plans whose principal was already reminded of them today: nothing is sent again */
  alreadyRemindedToday: number;
  /**
   * plans whose principal already had today's message, written before without them: nobody gets two reminder
   * e-mails a day, so these are not reminded today (nor counted as reminded); "remind now" tomorrow reaches them
   */
  notRemindedToday: number;
}

/**
 * "Remind now" for what the board shows under a filter: the plans waiting on their school, in the caller's
 * scope. All of them, whatever their campaign, go through one reminder run, so each principal gets one message
 * listing every plan of theirs and the once-a-day rule holds per person.
 */
@Injectable()
export class BoardRemindService {
  constructor(
    private readonly board: BoardService,
    private readonly reminders: RemindersService,
  ) {}

  async remindNow(user: AuthUser, filter: RemindFilter): Promise<RemindNowResult> {
    return this.run(user, filter, false);
  }

  /** What remindNow would do now, with nothing sent: the count the confirmation shows before the office sends. */
  async preview(user: AuthUser, filter: RemindFilter): Promise<RemindNowResult> {
    return this.run(user, filter, true);
  }

  private async run(user: AuthUser, filter: RemindFilter, dryRun: boolean): Promise<RemindNowResult> {
    const plans = await this.waitingPlans(user, filter);
    const result: RemindNowResult = {
      plans: plans.reduce((n, p) => n + p.planIds.length, 0),
      campaigns: plans.length,
      emails: 0,
      alreadyRemindedToday: 0,
      notRemindedToday: 0,
    };
    if (!plans.length) return result;
    const input = { plans, manual: { actorId: user.id } };
    const sent = dryRun ? await this.reminders.previewManual(input) : await this.reminders.sendDueReminders(input);
    return { ...result, emails: sent.emails, alreadyRemindedToday: sent.skipped, notRemindedToday: sent.deferred };
  }

  /** The filter's plans waiting on their school, by campaign; only the chosen ones when the office picked rows. */
  private async waitingPlans(user: AuthUser, filter: RemindFilter) {
    const { planIds: chosen, ...boardFilter } = filter;
    const picked = chosen ? new Set(chosen) : null;
    const byCampaign = new Map<string, string[]>();
    for await (const batch of this.board.exportBatches(user, { ...boardFilter, waitingOn: 'SCHOOL' })) {
      for (const item of batch) {
        if (picked && !picked.has(item.planId)) continue;
        const ids = byCampaign.get(item.campaign.id) ?? [];
        ids.push(item.planId);
        byCampaign.set(item.campaign.id, ids);
      }
    }
    return [...byCampaign].map(([campaignId, planIds]) => ({ campaignId, planIds }));
  }
}
