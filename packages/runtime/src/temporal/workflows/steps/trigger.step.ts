import { nextOf } from '../run-steps.ts';
import type { StepExecutor } from './step-context.ts';

type TriggerKind = 'trigger.api' | 'trigger.event' | 'trigger.schedule';

/** `trigger.*`: completed when the run starts (its output is the payload, event or schedule time); a resumed run passes on. */
const triggerStep = <K extends TriggerKind>(): StepExecutor<K> => ({
  run: (_id, step) => Promise.resolve(nextOf(step, 'next')),
});

export const triggerApiStep = triggerStep<'trigger.api'>();
export const triggerEventStep = triggerStep<'trigger.event'>();
export const triggerScheduleStep = triggerStep<'trigger.schedule'>();
