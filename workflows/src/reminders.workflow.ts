import {
  continueAsNew,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { ReminderActivities } from './activities';
import { REAL_TIME, realDelayUntil, virtualAt } from './clock';
import type { DistrictRemindersInput, DistrictRemindersProgress } from './definitions';
import { planReminderRun } from './reminder-ticks';
import { SHORT_ACTIVITY } from './retry-policies';

// A quick read of one row: a local activity keeps the frequent re-reads out of the history's activity events.
const { districtReminderHour } = proxyLocalActivities<ReminderActivities>(SHORT_ACTIVITY);

// The run is idempotent (one message per person and day, every rung recorded), so retries are safe; it gives
// up after some hours rather than hold back the next day's run.
const { sendDueReminders } = proxyActivities<ReminderActivities>({
  startToCloseTimeout: '10 minutes',
  // It heartbeats every 2 s: a worker that dies mid-run is noticed in seconds, not minutes.
  heartbeatTimeout: '10 seconds',
  scheduleToCloseTimeout: '6 hours',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** How long a sleep lasts before the hour is read again: an admin's change applies to the coming run. */
const RECHECK_MS = 15 * 60_000;

/**
 * The district's daily reminder run: one timer and one batched activity a day for every campaign of the
 * district, whatever their number of plans, so campaign-wide reminders never mean thousands of timers firing
 * at once, and each person gets one message a day however many campaigns name them. Days follow the clock of
 * the input (accelerated in tests and demos). Started by whoever starts a campaign, with the id
 * `reminders:<districtId>`; it runs as long as the district does.
 */
export async function districtRemindersWorkflow(
  input: DistrictRemindersInput,
  progress?: DistrictRemindersProgress,
): Promise<void> {
  const clock = input.clock ?? REAL_TIME;
  let lastRunDay = progress?.lastRunDay ?? null;
  let plannedDay = progress?.plannedDay ?? null;

  for (;;) {
    let hour: string;
    try {
      hour = await districtReminderHour({ districtId: input.districtId });
    } catch (err) {
      // Its attempts are bounded: rather than end the district's reminders, read it again a little later.
      if (isCancellation(err)) throw err;
      log.error('Reminder hour unreadable', { districtId: input.districtId, error: String(err) });
      await sleep(RECHECK_MS);
      continue;
    }
    const next = planReminderRun(virtualAt(clock, Date.now()), hour, { plannedDay, lastRunDay });
    plannedDay = next.day;
    const delay = realDelayUntil(clock, Date.now(), next.at);
    if (delay > 0 || next.day === lastRunDay) {
      // Wake at the run, or sooner to read the hour again; either way the run is planned again on waking, so
      // an admin's new hour applies to the coming run.
      await sleep(Math.min(Math.max(delay, 1), RECHECK_MS));
    } else {
      try {
        await sendDueReminders({ districtId: input.districtId, day: next.day });
      } catch (err) {
        if (isCancellation(err)) throw err;
        log.error('Reminder run given up', { districtId: input.districtId, day: next.day, error: String(err) });
      }
      lastRunDay = next.day;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof districtRemindersWorkflow>(input, { lastRunDay, plannedDay });
    }
  }
}
