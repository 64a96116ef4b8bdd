import { nodeDefinition, type NewNodeContext, type NodeKind } from '@casework/shared';

export type DefaultParamsContext = NewNodeContext;

/**
 * Params of a freshly added node, from its kind's definition (packages/shared/src/nodes/): valid as they stand
 * where the kind allows it (a condition with one route, a one-day `wait.case` on `case.resolved`), otherwise the
 * shape the inspector fills in, with empty values the compiler reports until they are chosen (a template, …).
 */
export function defaultParams(kind: NodeKind, context: DefaultParamsContext = {}): Record<string, unknown> {
  return nodeDefinition(kind).defaults(context);
}
