import { WorkflowIdReusePolicy, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Clock } from '../platform/clock.ts';
import { cancelSignal, caseSla, rescheduleSignal } from '../temporal/workflows/case-sla.workflow.ts';

/** The id of a case's one SLA timer (docs/architecture.md, "Cases"): persisted, never change its shape. */
export const slaWorkflowId = (caseId: string): string => `case-sla:${caseId}`;

export interface SlaScheduler {
  /** Starts the case's SLA timer, or moves the running one to `expiresAt`. */
  schedule(caseId: string, expiresAt: Date): Promise<void>;
  /** Stops the case's SLA timer; a case without a running one is already in that state. */
  cancel(caseId: string): Promise<void>;
}

/** `clock` is the one the deadlines are computed with, so the timer's start delay is measured from the same now. */
export function createSlaScheduler(deps: { client: Client; taskQueue: string; clock: Clock }): SlaScheduler {
  return {
    async schedule(caseId, expiresAt) {
      const iso = expiresAt.toISOString();
      const untilDeadlineMs = expiresAt.getTime() - deps.clock().getTime();
      await deps.client.workflow.signalWithStart(caseSla, {
        workflowId: slaWorkflowId(caseId),
        taskQueue: deps.taskQueue,
        args: [{ caseId, expiresAt: iso }],
        signal: rescheduleSignal,
        signalArgs: [{ expiresAt: iso }],
        // A new timer sleeps in Temporal until its deadline: its first workflow task (and so the worker) runs only
        // then, instead of once now to start a timer (measured: half the server's work per SLA, and no worker work).
        // On a running timer the server ignores the delay and dispatches the signal at once, which moves it; a
        // plain cancel signal waits for the deadline, where the timer then ends as canceled.
        ...(untilDeadlineMs > 0 ? { startDelay: untilDeadlineMs } : {}),
        // Signal-with-start signals a *running* timer (the server never starts a second one for the id), so one
        // call starts or reschedules. This policy governs a *closed* earlier run (fired, canceled, failed): allow
        // a new run under the same id, so an SLA set again after a cancel or an expiry gets a fresh timer.
        // (ALLOW_DUPLICATE is also the server default; it is spelled out because the behaviour depends on it.)
        workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE,
      });
    },

    async cancel(caseId) {
      try {
        await deps.client.workflow.getHandle(slaWorkflowId(caseId)).signal(cancelSignal);
      } catch (error) {
        // Never started, already fired or already canceled: there is no timer left to stop.
        if (error instanceof WorkflowNotFoundError) return;
        throw error;
      }
    },
  };
}
