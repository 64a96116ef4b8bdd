import { isNodeKind, nodeDefinition, nodeKinds, type NodeKind, type NodeRole } from '@casework/shared';

export interface KindInfo {
  /** What the palette and the node header call the kind. */
  title: string;
  /** One line for the palette's tooltip. */
  description: string;
  /** The start of fresh node ids (`create-case`, `create-case-2`, …). */
  idBase: string;
}

const kindInfo: Record<NodeKind, KindInfo> = {
  'trigger.api': {
    title: 'API trigger',
    description: 'Starts a run from an API call with a typed payload',
    idBase: 'trigger',
  },
  'trigger.event': {
    title: 'Event trigger',
    description: 'Starts a run when a case records an event',
    idBase: 'on-event',
  },
  'case.create': { title: 'Create case', description: 'Creates a case from a template', idBase: 'create-case' },
  'case.update-fields': {
    title: 'Update fields',
    description: "Sets or changes a case's fields",
    idBase: 'update-fields',
  },
  'case.attach-objects': {
    title: 'Attach objects',
    description: 'Attaches inquiries, reports, … to a case',
    idBase: 'attach',
  },
  'case.set-status': { title: 'Set status', description: 'Moves a case to another status', idBase: 'set-status' },
  'case.assign': { title: 'Assign', description: 'Assigns a case to a reviewer', idBase: 'assign' },
  'case.set-sla': { title: 'Set SLA', description: "Sets or moves a case's SLA deadline", idBase: 'set-sla' },
  'case.clear-sla': { title: 'Clear SLA', description: "Removes a case's SLA deadline", idBase: 'clear-sla' },
  'case.add-to-queue': { title: 'Add to queue', description: 'Puts a case in a case queue', idBase: 'add-to-queue' },
  'case.add-comment': { title: 'Add comment', description: 'Comments on a case', idBase: 'comment' },
  'case.add-tags': { title: 'Add tags', description: 'Tags a case', idBase: 'add-tags' },
  'logic.condition': {
    title: 'Condition',
    description: 'Takes the first route whose condition holds, else "else"',
    idBase: 'condition',
  },
  'wait.duration': { title: 'Wait for a duration', description: 'Pauses the run for a while', idBase: 'wait' },
  'wait.case': {
    title: 'Wait for case',
    description: 'Waits until a case records an event, or times out',
    idBase: 'wait-for-case',
  },
  end: { title: 'End', description: 'Ends the run', idBase: 'end' },
};

const unknownInfo = (kind: string): KindInfo => ({
  title: kind,
  description: 'A node kind this editor does not know',
  idBase: 'node',
});

export function infoOf(kind: string): KindInfo {
  return isNodeKind(kind) ? kindInfo[kind] : unknownInfo(kind);
}

export function roleOf(kind: string): NodeRole | 'unknown' {
  return isNodeKind(kind) ? nodeDefinition(kind).role : 'unknown';
}

export const roleTitles: Record<NodeRole, string> = {
  trigger: 'Triggers',
  action: 'Cases',
  logic: 'Logic',
  wait: 'Waits',
  end: 'End',
};

const roleOrder: NodeRole[] = ['trigger', 'action', 'logic', 'wait', 'end'];

/** Every kind, grouped by role in palette order. */
export const kindsByRole: { role: NodeRole; kinds: NodeKind[] }[] = roleOrder.map((role) => ({
  role,
  kinds: nodeKinds.filter((kind) => nodeDefinition(kind).role === role),
}));
