/** Case event names (DESIGN.md §5). Persisted and public: never rename one. */
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
