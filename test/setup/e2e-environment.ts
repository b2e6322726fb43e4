import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';

/** What a suite may register to run the moment one of its tests fails, before afterEach closes anything. */
export const ON_TEST_FAILURE = '__duyetOnTestFailure';
type OnTestFailure = (testName: string) => Promise<void>;

/**
 * The Node environment, plus a hook on a failing test: the browser harness (test/support/browser.ts) registers one
 * that screenshots every page still open. Jest awaits this handler, so the pictures are taken before teardown.
 */
export default class E2eEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name !== 'test_fn_failure') return;
    const hook = this.global[ON_TEST_FAILURE] as OnTestFailure | undefined;
    if (!hook) return;
    const names: string[] = [];
    for (let block: Circus.DescribeBlock | Circus.TestEntry | undefined = event.test; block; block = block.parent) {
      if (block.name !== 'ROOT_DESCRIBE_BLOCK') names.unshift(block.name);
    }
    await hook(names.join(' › ')).catch((err: unknown) => {
      process.stderr.write(`screenshot on failure failed: ${String(err)}\n`);
    });
  }
}
