import { redactChange } from '../cases/case-changes.ts';
import type { CaseChangeExecutors } from './case-step-executor.ts';

/**
 * `case.redact`: the Cases API's redaction (`DELETE /cases/{id}`, packages/runtime/src/cases/case-actions-service.ts):
 * fields emptied, `redacted-at` set, one `case.redacted`. A case already redacted is the step's goal reached.
 */
export const caseRedactExecutors: CaseChangeExecutors<'case.redact'> = {
  'case.redact': { change: () => (_kase, now) => redactChange(now), doneWhenRedacted: true },
};
