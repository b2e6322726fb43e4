// The workflow tests of workflows/src/*.workflow.spec.ts: a Temporal dev server of their own (the CLI binary the
// scripts build), the real workflow bundle, and a helper that records a run's history as a replay fixture.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';

const ROOT = path.join(__dirname, '../..');
export const HISTORIES_DIR = path.join(ROOT, 'test/fixtures/histories');

let runtimeInstalled = false;

/** The server and one worker on a task queue of its own, running the real workflows with the given activities. */
export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  taskQueue: string;
  teardown(): Promise<void>;
}

export async function startWorkflowTestEnv(activities: object): Promise<WorkflowTestEnv> {
  const bin = process.env.TEMPORAL_BIN ?? path.join(ROOT, '.tools/bin/temporal');
  if (!existsSync(bin)) {
    throw new Error(`No Temporal CLI at ${bin}: run npm test once (it builds one), or set TEMPORAL_BIN.`);
  }
  const bundle = workflowBundle();
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: bin }, ip: '127.0.0.1', ui: false },
  });
  const taskQueue = `workflow-spec-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundle,
    activities,
  });
  const running = worker.run();
  return {
    env,
    taskQueue,
    async teardown() {
      worker.shutdown();
      await running;
      await env.teardown();
    },
  };
}

let bundled: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The real workflows of workflows/src, bundled once per test file. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // The workers' state changes and the activities' expected failures would drown the test output.
  if (!runtimeInstalled) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  bundled ??= bundleWorkflowCode({
    workflowsPath: path.join(ROOT, 'workflows/src'),
    logger: new DefaultLogger('WARN'),
  });
  return bundled;
}

/**
 * With RECORD_HISTORIES=1, writes the history of a finished run to test/fixtures/histories/<name>.json, in the
 * form `temporal.api.history.v1.History.fromObject` reads, with the workflow id beside the events (replay needs it).
 * A fixture already there is kept: it stands for workflows running on the code it was recorded with.
 */
export async function recordHistory(env: TestWorkflowEnvironment, workflowId: string, name: string): Promise<void> {
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (process.env.RECORD_HISTORIES !== '1' || existsSync(file)) return;
  const history = await env.client.workflow.getHandle(workflowId).fetchHistory();
  const json = JSON.parse(JSON.stringify(history)) as object;
  writeFileSync(file, `${JSON.stringify({ workflowId, ...json }, null, 2)}\n`);
}

/** Polls until the check passes (timers fire on real time here: there is no time-skipping server). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
