import type { NodeKind } from '@casework/shared';

export interface DefaultParamsContext {
  /** The upstream node whose output carries a case, when one is known: pre-fills `case`. */
  caseNode?: string | undefined;
}

/**
 * Params of a freshly added node: valid as they stand where the kind allows it (a condition with one route,
 * a one-day `wait.case` on `case.resolved`), otherwise the shape the inspector fills in, with empty values
 * the compiler reports until they are chosen (a template, a status, …).
 */
export function defaultParams(kind: NodeKind, context: DefaultParamsContext = {}): Record<string, unknown> {
  const caseRef = { case: { node: context.caseNode ?? '' } };
  switch (kind) {
    case 'trigger.api':
      return { fields: [] };
    case 'trigger.event':
      return { event: 'case.created' };
    case 'case.create':
      return { 'case-template-id': '', fields: {}, 'object-ids': [] };
    case 'case.update-fields':
      return { ...caseRef, operations: [] };
    case 'case.attach-objects':
      return { ...caseRef, 'object-ids': [] };
    case 'case.set-status':
      return { ...caseRef, status: '' };
    case 'case.assign':
      return { ...caseRef, 'user-email-address': '' };
    case 'case.set-sla':
      return { ...caseRef, sla: { amount: 1, unit: 'days' } };
    case 'case.clear-sla':
      return { ...caseRef };
    case 'case.add-to-queue':
      return { ...caseRef, 'case-queue-id': '' };
    case 'case.add-comment':
      return { ...caseRef, body: '' };
    case 'case.add-tags':
      return { ...caseRef, tags: [] };
    case 'logic.condition':
      return { routes: [{ id: 'route-1', label: 'Route 1', when: '{{ true }}' }] };
    case 'wait.duration':
      return { duration: { amount: 1, unit: 'hours' } };
    case 'wait.case':
      return { ...caseRef, events: ['case.resolved'], timeout: { amount: 1, unit: 'days' } };
    case 'end':
      return {};
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled node kind ${String(value)}`);
}
