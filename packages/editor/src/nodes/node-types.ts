import type { NodeKind } from '@casework/shared';
import type { NodeTypes } from '@xyflow/react';
import { UNKNOWN_NODE_TYPE } from '../graph/editor-node.ts';
import { CaseActionNode } from './case-action-node.tsx';
import { ConditionNode } from './condition-node.tsx';
import { EndNode } from './end-node.tsx';
import { TriggerNode } from './trigger-node.tsx';
import { UnknownNode } from './unknown-node.tsx';
import { WaitNode } from './wait-node.tsx';

/**
 * The component of every node type, at module scope so React Flow sees the same object on every render.
 * Keyed by kind id; the `Record` makes adding a kind to the catalog a type error here until it has a view.
 */
export const nodeTypes = {
  'trigger.api': TriggerNode,
  'trigger.event': TriggerNode,
  'case.create': CaseActionNode,
  'case.update-fields': CaseActionNode,
  'case.attach-objects': CaseActionNode,
  'case.set-status': CaseActionNode,
  'case.assign': CaseActionNode,
  'case.set-sla': CaseActionNode,
  'case.clear-sla': CaseActionNode,
  'case.add-to-queue': CaseActionNode,
  'case.add-comment': CaseActionNode,
  'case.add-tags': CaseActionNode,
  'logic.condition': ConditionNode,
  'wait.duration': WaitNode,
  'wait.case': WaitNode,
  end: EndNode,
  [UNKNOWN_NODE_TYPE]: UnknownNode,
} satisfies Record<NodeKind | typeof UNKNOWN_NODE_TYPE, NodeTypes[string]>;
