/** Case event names (docs/architecture.md, "Cases"). Persisted and public: never rename one. */
export const caseEventNames = [
  'case.created',
  'case.updated',
  'case.fields-updated',
  'case.objects-added',
  'case.objects-removed',
  'case.status-updated',
  'case.resolved',
  'case.reopened',
  'case.assigned',
  'case.queue-updated',
  'case.sla-set',
  'case.sla-expired',
  'case.commented',
  'case.redacted',
] as const;

export type CaseEventName = (typeof caseEventNames)[number];

/** Events of workflow runs (docs/architecture.md, "Runs"), recorded next to case events. Persisted: never rename one. */
export const runEventNames = [
  'workflow-run.created',
  'workflow-run.completed',
  'workflow-run.errored',
  'workflow-run.canceled',
] as const;

export type RunEventName = (typeof runEventNames)[number];

export const eventNames = [...caseEventNames, ...runEventNames] as const;
export type EventName = CaseEventName | RunEventName;
