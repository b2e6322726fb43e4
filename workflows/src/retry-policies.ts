import type { ActivityOptions } from '@temporalio/workflow';

// Every activity's attempts are bounded. The activities throw a non-retryable failure for what a retry cannot
// cure (a refusal, a value PostgreSQL cannot store, a bug: apps/worker/src/activities.ts), so these attempts
// are spent only on what can pass: a database restarting, a connection reset, a deadlock.

/** A plan's move: its caller waits on the answer, so the whole budget stays under a minute. */
export const MOVE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '5 seconds', maximumAttempts: 5 },
};

/**
 * A campaign's batch of work (open its plans, start or signal them): nobody waits on it, so it tries for about
 * ten minutes. It heartbeats every 2 s (apps/worker/src/activities.ts): a worker that dies mid-batch is noticed
 * within the heartbeat timeout, and the retry resumes from the last progress it reported.
 */
export const CAMPAIGN_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 15 },
};

/** A quick read or a note of what went wrong. */
export const SHORT_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
};
