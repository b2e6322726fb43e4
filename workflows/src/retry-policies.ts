import type { ActivityOptions } from '@temporalio/workflow';

// Every activity's attempts are bounded. The activities throw a non-retryable failure for what a retry cannot
// cure (a refusal, a value PostgreSQL cannot store, a bug: apps/worker/src/activities.ts), so these attempts
// are spent only on what can pass: a database restarting, a connection reset, a deadlock.

/** A plan's move: its caller waits on the answer, so the whole budget stays under a minute. */
export const MOVE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 5 },
};

/** A campaign's batch of work (open its plans, signal them): nobody waits on it, so it tries for ~10 minutes. */
export const CAMPAIGN_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 15 },
};

/** A quick read or a note of what went wrong. */
export const SHORT_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
};
