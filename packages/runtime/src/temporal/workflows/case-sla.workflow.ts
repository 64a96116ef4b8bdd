import {
  ApplicationFailure,
  condition,
  continueAsNew,
  defineSignal,
  log,
  patched,
  proxyActivities,
  setDefaultSignalHandler,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CaseSlaActivities, SlaExpiryOutcome } from '../activities/case-sla.activities.ts';

export interface CaseSlaInput {
  caseId: string;
  /** ISO timestamp of the deadline. */
  expiresAt: string;
}

/** `expired`: the case's SLA was expired (now or by an earlier attempt); the others: nothing was expired. */
export type CaseSlaResult = 'expired' | 'canceled' | Exclude<SlaExpiryOutcome, 'expired' | 'already-expired'>;

// Persisted names (they live in histories and in the api's signal-with-start calls): never rename one.
export const rescheduleSignal = defineSignal<[{ expiresAt: string }]>('caseSla.reschedule');
export const cancelSignal = defineSignal('caseSla.cancel');

// Every reschedule adds a signal event (and a canceled timer); past this many, carry on in a fresh run.
const maxReschedulesPerRun = 500;

const { expireCaseSla } = proxyActivities<CaseSlaActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximumAttempts: the expiry must eventually happen, and the activity is idempotent.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  summary: 'Expire SLA',
});

/**
 * The one durable SLA timer of a case (workflow id `case-sla:<case id>`): waits until the deadline, moving it on
 * `caseSla.reschedule` and stopping on `caseSla.cancel`, then expires the case's SLA once.
 */
export async function caseSla(input: CaseSlaInput): Promise<CaseSlaResult> {
  const { caseId } = input;
  let deadlineMs = Date.parse(input.expiresAt);
  if (Number.isNaN(deadlineMs)) {
    throw ApplicationFailure.nonRetryable(`Invalid SLA deadline ${input.expiresAt}`, 'InvalidSlaDeadline');
  }
  let canceled = false;
  let rescheduled = false;
  let reschedules = 0;

  const reschedule = (payload: { expiresAt: string } | undefined) => {
    const expiresAt = payload?.expiresAt;
    const nextMs = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
    if (Number.isNaN(nextMs)) {
      log.warn('ignoring a reschedule with an invalid deadline', { caseId, expiresAt });
      return;
    }
    deadlineMs = nextMs;
    rescheduled = true;
    // Signals are applied in history order: a reschedule after a cancel (SLA cleared, then set again) revives it.
    canceled = false;
    reschedules++;
  };
  const cancel = () => {
    canceled = true;
  };
  if (patched('sla-signals-in-order')) {
    // Signals that arrive before the first workflow task (all of them, while a delayed start sleeps: see
    // cases/sla-scheduler.ts) wait in a buffer. Named handlers would each take their own signals from it as they
    // are set, losing the order between a cancel and a reschedule; one handler for every name keeps history order.
    setDefaultSignalHandler((name, ...args) => {
      if (name === rescheduleSignal.name) reschedule(args[0] as { expiresAt: string } | undefined);
      else if (name === cancelSignal.name) cancel();
      else log.warn('ignoring an unknown signal', { caseId, name });
    });
  } else {
    setHandler(rescheduleSignal, reschedule);
    setHandler(cancelSignal, cancel);
  }

  for (;;) {
    if (canceled) {
      log.info('SLA timer canceled', { caseId });
      return 'canceled';
    }
    if (reschedules >= maxReschedulesPerRun || workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof caseSla>({ caseId, expiresAt: new Date(deadlineMs).toISOString() });
    }
    rescheduled = false;
    // Date.now() is the workflow's deterministic clock (the current workflow task's time).
    const remainingMs = deadlineMs - Date.now();
    if (remainingMs > 0 && (await condition(() => rescheduled || canceled, remainingMs, { summary: 'SLA deadline' }))) {
      continue;
    }

    const firedForMs = deadlineMs;
    const outcome = await expireCaseSla({ caseId, expiresAt: new Date(firedForMs).toISOString() });
    // A reschedule that arrived while expiring belongs to a new deadline: completing now would drop it.
    if (deadlineMs !== firedForMs && !canceled) {
      log.info('SLA rescheduled while expiring; waiting for the new deadline', { caseId, outcome });
      continue;
    }
    log.info('SLA deadline passed', { caseId, outcome });
    return outcome === 'already-expired' ? 'expired' : outcome;
  }
}
