// Every recorded history in test/fixtures/histories replays with today's workflow code: a change that would
// break running plans or campaigns (a command added, removed or reordered without patched()) fails here.
// README.md, "Workflow tests and replay", says how to record one.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR, workflowBundle } from '../../test/support/workflow-env';

/** Fixtures recorded before the workflow id was kept beside the events. */
const LEGACY_WORKFLOW_IDS: Record<string, string> = {
  'plan-submit-race-before-serial-moves.json':
    'plan:fe69d06d-ff08-4f87-8942-38c652cf2321:92c23a20-fe6d-48a0-aeee-51f91d0c044f',
};

const fixtures = readdirSync(HISTORIES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    const json = JSON.parse(readFileSync(path.join(HISTORIES_DIR, file), 'utf8')) as { workflowId?: string };
    const workflowId = json.workflowId ?? LEGACY_WORKFLOW_IDS[file];
    if (!workflowId) throw new Error(`${file}: no workflowId beside its events`);
    return { file, workflowId, history: temporal.api.history.v1.History.fromObject(json) };
  });

describe('recorded workflow histories', () => {
  it('include the main paths of the plan and the campaign', () => {
    expect(fixtures.map((f) => f.file)).toEqual(
      expect.arrayContaining([
        'campaign-launch-close.json',
        'plan-return-resubmit-approve.json',
        'plan-submit-approve.json',
      ]),
    );
    for (const { history } of fixtures) expect(history.events.length).toBeGreaterThan(10);
  });

  it('replay with the workflow code of today', async () => {
    const results: { file: string; error: string | null }[] = [];
    const replays = Worker.runReplayHistories(
      { workflowBundle: await workflowBundle() },
      fixtures.map(({ workflowId, history }) => ({ workflowId, history })),
    );
    for await (const result of replays) {
      const fixture = fixtures.find((f) => f.workflowId === result.workflowId);
      results.push({ file: fixture?.file ?? result.workflowId, error: result.error ? String(result.error) : null });
    }
    expect(results).toEqual(fixtures.map(({ file }) => ({ file, error: null })));
  }, 60_000);
});
