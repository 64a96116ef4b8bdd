import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDomains, type Domains } from '../../src/composition.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { runnableChoice } from '../../src/runs/run-domain.ts';
import type { StartRun } from '../../src/runs/workflow-run-service.ts';
import { createTemporalHandle, type TemporalHandle } from '../../src/temporal/client.ts';
import { createQueue } from '../helpers/case-fixtures.ts';
import { startInProcessWorker } from '../helpers/in-process-worker.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import {
  api,
  exampleTemplateAttributes,
  exampleWorkflow,
  publishWorkflow,
  runReaches,
} from '../helpers/workflow-fixtures.ts';

// `Prefer: wait` below the HTTP layer (runs/workflow-run-service.ts, `startSettled`): the Idempotency-Key record
// answers a repeated request before it gets here, so the races between starts of one dedupe key are driven directly.
describe('starting a run and answering once its first task has ended', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startInProcessWorker>>;
  let temporal: TemporalHandle;
  let domains: Domains;
  let start: (key: string) => Promise<StartRun>;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startInProcessWorker(t);
    temporal = createTemporalHandle({
      address: t.env.TEMPORAL_ADDRESS,
      namespace: t.env.TEMPORAL_NAMESPACE,
      taskQueue: t.env.TEMPORAL_TASK_QUEUE,
    });
    domains = createDomains({ db: t.db, clock: systemClock, log: { warn: () => {} }, temporal });
    const template = await api(t, 'POST', '/case-templates', { data: { attributes: exampleTemplateAttributes() } });
    expect(template.statusCode, template.body).toBe(201);
    const queue = await createQueue(t, 'KYC review');
    const { workflowId } = await publishWorkflow(
      t,
      exampleWorkflow({ templateId: (template.json() as { data: { id: string } }).data.id, queueId: queue.id }),
    );
    start = async (key) => ({
      ...runnableChoice(await domains.workflows.liveVersion(workflowId)),
      input: { 'inquiry-id': 'inq_P7sett1ed000000000000000', amount: 25_000, country: 'DE' },
      trigger: { kind: 'api' },
      creator: null,
      dedupeKey: key,
    });
  });

  afterAll(async () => {
    await worker?.stop();
    await temporal?.connection.close();
    await t?.close();
  });

  const casesOf = (runId: string) => t.db.collection('cases').countDocuments({ workflowRunIds: runId });

  it('starts one run for two starts of one key at once, and answers both once it waits', async () => {
    const { runService } = domains.runs;
    const [first, second] = await Promise.all([
      runService.startSettled(await start('settled-twice'), 20_000),
      runService.startSettled(await start('settled-twice'), 20_000),
    ]);
    expect(second._id).toBe(first._id);
    for (const run of [first, second]) {
      expect(run.status).toBe('waiting');
      expect(run.caseIds).toHaveLength(1);
    }
    expect(await casesOf(first._id)).toBe(1);
  });

  it('answers a start of a key whose run is already going with that run once it waits', async () => {
    const { runService } = domains.runs;
    const started = await runService.start(await start('settled-later'));
    const again = await runService.startSettled(await start('settled-later'), 20_000);
    expect(again._id).toBe(started._id);
    expect(again.status).toBe('waiting');
    expect(await casesOf(started._id)).toBe(1);
  });

  it('answers at once when there is no time to wait, and the run goes on to its wait all the same', async () => {
    const answered = await domains.runs.runService.startSettled(await start('settled-no-time'), 0);
    expect(['in_progress', 'waiting']).toContain(answered.status);
    const waiting = await runReaches(t, answered._id, ['waiting']);
    expect(waiting.attributes['case-ids']).toHaveLength(1);
    expect(await casesOf(answered._id)).toBe(1);
  });
});
