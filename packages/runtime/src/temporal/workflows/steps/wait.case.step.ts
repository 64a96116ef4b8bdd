import type { CaseEventDelivery } from '@casework/shared';
import { condition } from '@temporalio/workflow';
import { takesChange } from '../run-changes.ts';
import { durationMs, nextOf } from '../run-steps.ts';
import { caseOf, StepFailed, type StepExecutor } from './step-context.ts';

/** `wait.case`: the first awaited event of the case (already recorded, or signalled later), or the timeout. */
export const waitCaseStep: StepExecutor<'wait.case'> = {
  milestone: true,
  async run(id, step, { input, run, inbox, activities, record }) {
    const caseId = caseOf(id, step.params.case, run);
    const { events, timeout } = step.params;
    const caseWaits = activities.waits;
    run.start(id, true);
    const wait = { runId: input.runId, nodeId: id, caseId };
    const open = () => caseWaits.openCaseWait({ ...wait, events, since: new Date(Date.now()).toISOString() });
    // Deliveries before this wait (to an earlier wait on the same case) don't count; the publisher signals only while
    // the wait is registered, so no clock comparison is needed for signalled events.
    const firstNew = inbox.length;
    const awaited = (delivery: CaseEventDelivery, index: number) =>
      index >= firstNew && delivery.caseId === caseId && (events as readonly string[]).includes(delivery.event.name);
    // Added after runs were in flight: the run's record (now waiting) and the wait's registration do not depend on each
    // other, so both local activities run at once. Histories from before replay them one after the other.
    let match: Awaited<ReturnType<typeof open>>;
    if (takesChange(input, 'wait-opens-with-record')) {
      [, match] = await Promise.all([record(), open()]);
    } else {
      await record();
      match = await open();
    }
    if (!match) {
      const signalled = await condition(() => inbox.some(awaited), durationMs(timeout));
      const delivery = signalled ? inbox.find(awaited) : undefined;
      match = delivery ? { event: delivery.event, case: delivery.case as never } : null;
    }
    await caseWaits.closeCaseWait(wait);
    if (match) {
      run.complete(id, match);
      return nextOf(step, 'matched');
    }
    if (step.params['error-on-timeout']) {
      const message = `no ${events.join(' or ')} within the timeout`;
      run.fail(id, message, 1);
      throw new StepFailed(id, message);
    }
    run.complete(id, { event: null, case: await caseWaits.readCase(caseId) });
    return nextOf(step, 'timed-out');
  },
};
