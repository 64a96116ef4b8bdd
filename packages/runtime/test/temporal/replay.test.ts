import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils.js';
import { bundleWorkflowCode, DefaultLogger, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowInterceptorModules, workflowsPath } from '../../src/temporal/worker-factory.ts';

// Recorded histories of real runs (scripts/record-history.ts). Replaying them against today's workflow code
// proves a change would not break runs already in flight; a behaviour change must go through `patched()`.
const historiesDir = path.join(import.meta.dirname, '..', 'histories');
const histories = readdirSync(historiesDir).filter((name) => name.endsWith('.json'));

describe('replay of recorded histories', () => {
  // One bundle of today's workflow code for every history (bundling is the slow part).
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({
      workflowsPath,
      workflowInterceptorModules,
      logger: new DefaultLogger('WARN'),
    });
  });

  it('has recorded histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s replays deterministically', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')));
    // The run view's sink is never called on replay; registered so the worker knows it.
    const sinks = { runView: { publish: { fn: () => undefined } } };
    await expect(Worker.runReplayHistory({ workflowBundle, sinks }, history, file)).resolves.toBeUndefined();
  });
});
